/// Inverted dropout: in training, each value is zeroed with probability `rate` and the survivors
/// are scaled by `1 / (1 − rate)`; in inference the layer passes values through unchanged.
public final class DropoutLayer: Layer {
    public let inputWidth: Int
    public var outputWidth: Int { inputWidth }
    /// The probability of dropping a value, in [0, 1).
    public let rate: Float
    private var generator: SeededGenerator
    private let outputBuffer = Workspace()
    private let gradientBuffer = Workspace()
    private let maskBuffer = Workspace()

    /// A dropout layer; `seed` makes its masks reproducible.
    public init(width: Int, rate: Float, seed: UInt64) throws {
        guard rate >= 0, rate < 1 else {
            throw EngineError.invalidSetting(name: "dropout rate", reason: "\(rate) is not in [0, 1)")
        }
        inputWidth = width
        self.rate = rate
        generator = SeededGenerator(seed: seed)
    }

    public var summary: String { "dropout \(rate)" }
    public var parameters: [Parameter] { [] }
    public var output: UnsafeMutablePointer<Float> { outputBuffer.pointer }
    public var inputGradient: UnsafeMutablePointer<Float> { gradientBuffer.pointer }

    public func reserve(batchCapacity: Int) {
        outputBuffer.reserve(batchCapacity * inputWidth)
        gradientBuffer.reserve(batchCapacity * inputWidth)
        maskBuffer.reserve(batchCapacity * inputWidth)
    }

    public func forward(_ input: UnsafePointer<Float>, rows: Int, mode: PassMode) {
        let count = rows &* inputWidth
        let out = outputBuffer.pointer, mask = maskBuffer.pointer
        if mode == .inference || rate == 0 {
            out.update(from: input, count: count)
            mask.update(repeating: 1, count: count)
            return
        }
        let keep = 1 / (1 - rate)
        var i = 0
        while i < count {
            mask[i] = generator.nextUnitFloat() < rate ? 0 : keep
            out[i] = input[i] * mask[i]
            i &+= 1
        }
    }

    public func backward(_ upstream: UnsafePointer<Float>, rows: Int, propagate: Bool) {
        guard propagate else { return }
        let count = rows &* inputWidth
        let grad = gradientBuffer.pointer, mask = maskBuffer.pointer
        var i = 0
        while i < count { grad[i] = upstream[i] * mask[i]; i &+= 1 }
    }
}
