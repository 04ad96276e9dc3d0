/// A contiguous, row-major tensor of Float32 values.
///
/// A `Tensor` is a reference type that owns its buffer: layers and optimizers update weights in place
/// without copy-on-write. Use ``copy()`` for an independent tensor.
public final class Tensor: @unchecked Sendable {
    /// The extent of each dimension, outermost first.
    public let shape: [Int]
    /// The number of values (the product of `shape`).
    public let count: Int
    /// The values, row-major. Owned by this tensor; never reallocated.
    public let storage: UnsafeMutablePointer<Float>

    /// A tensor of the given shape filled with `value` (zero by default).
    /// Negative dimensions count as 0.
    public init(shape: [Int], repeating value: Float = 0) {
        self.shape = shape.map { Swift.max($0, 0) }
        self.count = self.shape.reduce(1, *)
        self.storage = .allocate(capacity: Swift.max(count, 1))
        storage.initialize(repeating: value, count: Swift.max(count, 1))
    }

    /// A tensor of the given shape holding `values` (row-major). Throws if the count does not match.
    public convenience init(shape: [Int], values: [Float]) throws {
        if let bad = shape.first(where: { $0 < 0 }) {
            throw EngineError.invalidSetting(name: "shape", reason: "negative dimension \(bad)")
        }
        let expected = shape.reduce(1, *)
        guard values.count == expected else {
            throw EngineError.valueCount(shape: shape, expected: expected, got: values.count)
        }
        self.init(shape: shape)
        values.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { storage.update(from: base, count: expected) }
        }
    }

    /// A matrix from rows of equal length. Throws on ragged rows.
    public convenience init(rows: [[Float]]) throws {
        let width = rows.first?.count ?? 0
        if let bad = rows.firstIndex(where: { $0.count != width }) {
            throw EngineError.shapeMismatch(
                operation: "matrix from rows", expected: "rows of \(width) values",
                got: "row \(bad) with \(rows[bad].count) values")
        }
        try self.init(shape: [rows.count, width], values: rows.flatMap { $0 })
    }

    deinit { storage.deallocate() }

    /// The number of rows of a matrix (the first dimension; 1 for a scalar).
    public var rows: Int { shape.first ?? 1 }
    /// The number of values per row (the product of all dimensions after the first).
    public var columns: Int { shape.count <= 1 ? 1 : shape.dropFirst().reduce(1, *) }

    /// The values as an array, row-major.
    public var values: [Float] { Array(UnsafeBufferPointer(start: storage, count: count)) }

    /// The value at a flat row-major index. Out-of-range indices trap.
    public subscript(flat index: Int) -> Float {
        get {
            precondition(index >= 0 && index < count, "tensor index out of range")
            return storage[index]
        }
        set {
            precondition(index >= 0 && index < count, "tensor index out of range")
            storage[index] = newValue
        }
    }

    /// The value at `row`, `column` of a matrix. Out-of-range indices trap (check with ``value(row:column:)``).
    public subscript(row: Int, column: Int) -> Float {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "tensor index out of range")
            return storage[row &* columns &+ column]
        }
        set {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "tensor index out of range")
            storage[row &* columns &+ column] = newValue
        }
    }

    /// The value at `row`, `column` of a matrix, or an error naming the shape when out of range.
    public func value(row: Int, column: Int) throws -> Float {
        guard row >= 0, row < rows, column >= 0, column < columns else {
            throw EngineError.shapeMismatch(
                operation: "index", expected: "row < \(rows) and column < \(columns)", got: "[\(row), \(column)]")
        }
        return storage[row &* columns &+ column]
    }

    /// An independent copy.
    public func copy() -> Tensor {
        let result = Tensor(shape: shape)
        result.storage.update(from: storage, count: count)
        return result
    }

    /// Overwrites this tensor's values with another tensor's. Throws if the shapes differ.
    public func assign(from other: Tensor) throws {
        guard other.shape == shape else {
            throw EngineError.shapeMismatch(
                operation: "assign", expected: Tensor.describe(shape), got: Tensor.describe(other.shape))
        }
        storage.update(from: other.storage, count: count)
    }

    /// A buffer view of the values.
    public var buffer: UnsafeMutableBufferPointer<Float> { .init(start: storage, count: count) }

    /// A shape rendered as `[2×3]`.
    public static func describe(_ shape: [Int]) -> String {
        "[" + shape.map(String.init).joined(separator: "×") + "]"
    }
}
