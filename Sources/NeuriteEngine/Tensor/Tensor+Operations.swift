/// Whole-tensor operations with shape checks. Hot paths inside layers use ``Kernels`` directly.
extension Tensor {
    /// The matrix product `self · other` (through ``Gemm``).
    public func matmul(_ other: Tensor) throws -> Tensor {
        guard shape.count == 2, other.shape.count == 2, shape[1] == other.shape[0] else {
            throw EngineError.shapeMismatch(
                operation: "matrix product", expected: "[m×k]·[k×n]",
                got: "\(Tensor.describe(shape))·\(Tensor.describe(other.shape))")
        }
        let result = Tensor(shape: [shape[0], other.shape[1]])
        Gemm.multiply(
            .normal, .normal, m: shape[0], n: other.shape[1], k: shape[1],
            a: storage, b: other.storage, c: result.storage, accumulate: false)
        return result
    }

    /// The transpose of a matrix.
    public func transposed() throws -> Tensor {
        guard shape.count == 2 else {
            throw EngineError.shapeMismatch(operation: "transpose", expected: "a matrix", got: Tensor.describe(shape))
        }
        let (r, c) = (shape[0], shape[1])
        let result = Tensor(shape: [c, r])
        for i in 0..<r { for j in 0..<c { result.storage[j &* r &+ i] = storage[i &* c &+ j] } }
        return result
    }

    /// Elementwise sum with a tensor of the same shape.
    public func adding(_ other: Tensor) throws -> Tensor {
        try zipped(other, "add") { $0 + $1 }
    }

    /// Elementwise difference with a tensor of the same shape.
    public func subtracting(_ other: Tensor) throws -> Tensor {
        try zipped(other, "subtract") { $0 - $1 }
    }

    /// Elementwise product with a tensor of the same shape.
    public func multiplying(_ other: Tensor) throws -> Tensor {
        try zipped(other, "multiply") { $0 * $1 }
    }

    /// Every value times `factor`.
    public func scaled(by factor: Float) -> Tensor {
        let result = copy()
        Kernels.scale(result.storage, count: count, by: factor)
        return result
    }

    /// The sum of all values, accumulated in Double.
    public func sum() -> Double { Kernels.sum(storage, count: count) }

    /// The Euclidean norm of all values, accumulated in Double.
    public func norm() -> Double { Kernels.sumOfSquares(storage, count: count).squareRoot() }

    private func zipped(_ other: Tensor, _ name: String, _ op: (Float, Float) -> Float) throws -> Tensor {
        guard other.shape == shape else {
            throw EngineError.shapeMismatch(
                operation: name, expected: Tensor.describe(shape), got: Tensor.describe(other.shape))
        }
        let result = Tensor(shape: shape)
        for i in 0..<count { result.storage[i] = op(storage[i], other.storage[i]) }
        return result
    }
}
