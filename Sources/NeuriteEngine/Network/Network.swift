import NeuriteNumerics

/// A feed-forward stack of layers, with its parameters and reusable buffers.
public final class Network {
    /// Values per input row.
    public let inputWidth: Int
    /// The layers in order. A dense spec with an activation becomes two layers.
    public let layers: [Layer]
    /// For each layer, the index of the spec it came from.
    public let specIndex: [Int]
    private var capacity = 0
    /// The most units a layer may have, and the most weights one dense layer may hold (1 GiB of Float).
    public static let maximumWidth = 1 << 24
    public static let maximumWeights = 1 << 28

    /// Builds the layers of `specs` and initialises their parameters from `seed`.
    public init(inputWidth: Int, specs: [LayerSpec], seed: UInt64) throws {
        guard inputWidth > 0, inputWidth <= Network.maximumWidth else {
            throw EngineError.invalidSetting(name: "input width", reason: "\(inputWidth) is not between 1 and \(Network.maximumWidth)")
        }
        var generator = SeededGenerator(seed: seed)
        var layers: [Layer] = []
        var specIndex: [Int] = []
        var width = inputWidth
        for (index, spec) in specs.enumerated() {
            switch spec {
            case let .dense(units, activation, weights, bias):
                guard units > 0 else {
                    throw EngineError.invalidSetting(name: "dense units", reason: "\(units) is not positive (layer \(index + 1))")
                }
                guard units <= Network.maximumWidth, width * units <= Network.maximumWeights else {
                    throw EngineError.invalidSetting(
                        name: "dense units", reason: "\(width)×\(units) weights is more than \(Network.maximumWeights) (layer \(index + 1))")
                }
                let dense = DenseLayer(inputWidth: width, outputWidth: units)
                let weightInit = weights ?? ((activation?.isReLUFamily ?? false) ? .heNormal : .glorotUniform)
                try weightInit.fill(dense.weights.value, fanIn: width, fanOut: units, generator: &generator)
                try (bias ?? .zeros).fill(dense.bias.value, fanIn: width, fanOut: units, generator: &generator)
                layers.append(dense); specIndex.append(index)
                if let activation {
                    layers.append(Network.activationLayer(activation, width: units)); specIndex.append(index)
                }
                width = units
            case .activation(let function):
                layers.append(Network.activationLayer(function, width: width))
                specIndex.append(index)
            case .softmax:
                layers.append(SoftmaxLayer(width: width)); specIndex.append(index)
            case .dropout(let rate):
                layers.append(try DropoutLayer(width: width, rate: Float(rate), seed: generator.next()))
                specIndex.append(index)
            }
        }
        self.inputWidth = inputWidth
        self.layers = layers
        self.specIndex = specIndex
    }

    /// Values per output row.
    public var outputWidth: Int { layers.last?.outputWidth ?? inputWidth }

    /// Every trainable parameter, layer by layer.
    public var parameters: [Parameter] { layers.flatMap(\.parameters) }

    /// The number of trainable values.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }

    /// Makes every layer's buffers hold `rows` rows.
    public func reserve(batchCapacity rows: Int) {
        guard rows > capacity else { return }
        capacity = rows
        for layer in layers { layer.reserve(batchCapacity: rows) }
    }

    /// Runs layers `0..<end` on `rows` input rows; returns the last one's output (or the input).
    @inline(__always)
    func forward(_ input: UnsafePointer<Float>, rows: Int, mode: PassMode, through end: Int) -> UnsafePointer<Float> {
        var current = input
        var i = 0
        while i < end {
            let layer = layers[i]
            layer.forward(current, rows: rows, mode: mode)
            current = UnsafePointer(layer.output)
            i &+= 1
        }
        return current
    }

    /// Back-propagates `upstream` (the loss gradient at the output of layer `end − 1`) down to layer 0.
    @inline(__always)
    func backward(_ upstream: UnsafePointer<Float>, rows: Int, from end: Int) {
        var gradient = upstream
        var i = end - 1
        while i >= 0 {
            let layer = layers[i]
            layer.backward(gradient, rows: rows, propagate: i > 0)
            gradient = UnsafePointer(layer.inputGradient)
            i &-= 1
        }
    }

    /// The network's outputs for each row of `features` (inference mode).
    public func predict(_ features: Tensor) throws -> Tensor {
        guard features.shape.count == 2, features.columns == inputWidth else {
            throw EngineError.shapeMismatch(
                operation: "predict", expected: "[n×\(inputWidth)]", got: Tensor.describe(features.shape))
        }
        let rows = features.rows
        let result = Tensor(shape: [rows, outputWidth])
        let chunk = 256
        reserve(batchCapacity: Swift.min(Swift.max(rows, 1), chunk))
        var start = 0
        while start < rows {
            let n = Swift.min(chunk, rows - start)
            let out = forward(features.storage + start * inputWidth, rows: n, mode: .inference, through: layers.count)
            (result.storage + start * outputWidth).update(from: out, count: n * outputWidth)
            start += n
        }
        return result
    }
}

extension Network {
    /// Softmax (not elementwise) gets its own layer; every other function an ``ActivationLayer``.
    static func activationLayer(_ function: ActivationFunction, width: Int) -> Layer {
        if case .builtin(.softmax) = function { return SoftmaxLayer(width: width) }
        return ActivationLayer(width: width, function: function.independentCopy())
    }
}

extension ActivationFunction {
    /// A copy whose compiled program (if any) has its own buffers.
    func independentCopy() -> ActivationFunction {
        if case .custom(let user) = self { return .custom(user.copy()) }
        return self
    }
}
