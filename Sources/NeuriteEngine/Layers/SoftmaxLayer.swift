import NeuriteNumerics

/// Row-wise softmax, computed stably (the row maximum is subtracted first).
///
/// As the last layer with softmax cross-entropy, the trainer fuses the two and never calls this
/// layer's backward; on its own, backward applies the full Jacobian-vector product.
public final class SoftmaxLayer: Layer {
    public let inputWidth: Int
    public var outputWidth: Int { inputWidth }
    private let outputBuffer = Workspace()
    private let gradientBuffer = Workspace()

    public init(width: Int) { inputWidth = width }

    public var summary: String { "softmax" }
    public var parameters: [Parameter] { [] }
    public var output: UnsafeMutablePointer<Float> { outputBuffer.pointer }
    public var inputGradient: UnsafeMutablePointer<Float> { gradientBuffer.pointer }

    public func reserve(batchCapacity: Int) {
        outputBuffer.reserve(batchCapacity * inputWidth)
        gradientBuffer.reserve(batchCapacity * inputWidth)
    }

    public func forward(_ input: UnsafePointer<Float>, rows: Int, mode: PassMode) {
        let count = rows &* inputWidth
        Softmax.forwardRows(
            UnsafeBufferPointer(start: input, count: count),
            UnsafeMutableBufferPointer(start: outputBuffer.pointer, count: count), rowLength: inputWidth)
    }

    public func backward(_ upstream: UnsafePointer<Float>, rows: Int, propagate: Bool) {
        guard propagate else { return }
        let count = rows &* inputWidth
        Softmax.backwardRows(
            output: UnsafeBufferPointer(start: outputBuffer.pointer, count: count),
            upstream: UnsafeBufferPointer(start: upstream, count: count),
            into: UnsafeMutableBufferPointer(start: gradientBuffer.pointer, count: count), rowLength: inputWidth)
    }
}
