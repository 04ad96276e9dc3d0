/// A fully connected layer: `output = input · W + b`, with `W` stored inputWidth × outputWidth.
public final class DenseLayer: Layer {
    public let inputWidth: Int
    public let outputWidth: Int
    /// The weight matrix, inputWidth × outputWidth.
    public let weights: Parameter
    /// The bias vector, one value per output unit.
    public let bias: Parameter
    private let outputBuffer = Workspace()
    private let gradientBuffer = Workspace()
    private var lastInput: UnsafePointer<Float>?

    /// A dense layer with all parameters zero (see ``Initializer`` to fill them).
    public init(inputWidth: Int, outputWidth: Int) {
        self.inputWidth = inputWidth
        self.outputWidth = outputWidth
        weights = Parameter(name: "weights", value: Tensor(shape: [inputWidth, outputWidth]))
        bias = Parameter(name: "bias", value: Tensor(shape: [outputWidth]))
    }

    public var summary: String { "dense \(inputWidth)→\(outputWidth)" }
    public var parameters: [Parameter] { [weights, bias] }
    public var output: UnsafeMutablePointer<Float> { outputBuffer.pointer }
    public var inputGradient: UnsafeMutablePointer<Float> { gradientBuffer.pointer }

    public func reserve(batchCapacity: Int) {
        outputBuffer.reserve(batchCapacity * outputWidth)
        gradientBuffer.reserve(batchCapacity * inputWidth)
    }

    public func forward(_ input: UnsafePointer<Float>, rows: Int, mode: PassMode) {
        lastInput = input
        let out = outputBuffer.pointer
        Kernels.fillRows(out, rows: rows, width: outputWidth, with: bias.value.storage)
        Gemm.multiply(
            .normal, .normal, m: rows, n: outputWidth, k: inputWidth,
            a: input, b: weights.value.storage, c: out, accumulate: true)
    }

    public func backward(_ upstream: UnsafePointer<Float>, rows: Int, propagate: Bool) {
        guard let input = lastInput else { return }
        // dW = Xᵀ · dY, db = column sums of dY, dX = dY · Wᵀ.
        Gemm.multiply(
            .transposed, .normal, m: inputWidth, n: outputWidth, k: rows,
            a: input, b: upstream, c: weights.gradient.storage, accumulate: false)
        Kernels.columnSums(upstream, rows: rows, width: outputWidth, into: bias.gradient.storage, accumulate: false)
        if propagate {
            Gemm.multiply(
                .normal, .transposed, m: rows, n: inputWidth, k: outputWidth,
                a: upstream, b: weights.value.storage, c: gradientBuffer.pointer, accumulate: false)
        }
    }
}
