import NeuriteNumerics

/// Applies an ``ActivationFunction`` to every value.
public final class ActivationLayer: Layer {
    public let inputWidth: Int
    public var outputWidth: Int { inputWidth }
    /// The function applied.
    public let function: ActivationFunction
    private let outputBuffer = Workspace()
    private let gradientBuffer = Workspace()
    private var lastInput: UnsafePointer<Float>?
    private var lastRows = 0

    public init(width: Int, function: ActivationFunction) {
        inputWidth = width
        self.function = function
    }

    public var summary: String { function.name }
    public var parameters: [Parameter] { [] }
    public var output: UnsafeMutablePointer<Float> { outputBuffer.pointer }
    public var inputGradient: UnsafeMutablePointer<Float> { gradientBuffer.pointer }
    /// The pre-activation values of the last forward pass (rows × width), if any.
    public var lastPreActivation: UnsafePointer<Float>? { lastInput }

    public func reserve(batchCapacity: Int) {
        outputBuffer.reserve(batchCapacity * inputWidth)
        gradientBuffer.reserve(batchCapacity * inputWidth)
        if case .custom(let user) = function { user.program.reserve(batchCapacity * inputWidth) }
    }

    public func forward(_ input: UnsafePointer<Float>, rows: Int, mode: PassMode) {
        lastInput = input
        lastRows = rows
        let count = rows &* inputWidth
        switch function {
        case .builtin(let activation):
            ActivationKernels.forward(activation, input, outputBuffer.pointer, count: count)
        case .custom(let user):
            user.program.evaluate(input, count: count, into: outputBuffer.pointer, derivative: nil)
        }
    }

    public func backward(_ upstream: UnsafePointer<Float>, rows: Int, propagate: Bool) {
        guard propagate, let input = lastInput else { return }
        let count = rows &* inputWidth
        switch function {
        case .builtin(let activation):
            ActivationKernels.backward(
                activation, input: input, output: outputBuffer.pointer, upstream: upstream,
                into: gradientBuffer.pointer, count: count)
        case .custom(let user):
            user.program.backward(input, upstream: upstream, count: count, into: gradientBuffer.pointer)
        }
    }
}
