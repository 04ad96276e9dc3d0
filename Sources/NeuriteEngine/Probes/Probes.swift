/// Measurements of a network: activation statistics, dead units, gradient and weight norms.
public enum Probes {
    /// Statistics of `count` activation values produced by `function`.
    public static func activationStatistics(
        _ values: UnsafePointer<Float>, count: Int, function: ActivationFunction?
    ) -> ActivationStatistics {
        guard count > 0 else { return ActivationStatistics(mean: 0, standardDeviation: 0, sparsity: 0, saturated: 0) }
        var sum = 0.0, squares = 0.0
        var zeros = 0, saturated = 0
        for i in 0..<count {
            let v = Double(values[i])
            sum += v
            squares += v * v
            if v == 0 { zeros += 1 }
            if let function, function.isSaturated(v) { saturated += 1 }
        }
        let n = Double(count)
        let mean = sum / n
        let variance = Swift.max(squares / n - mean * mean, 0)
        return ActivationStatistics(
            mean: mean, standardDeviation: variance.squareRoot(), sparsity: Double(zeros) / n,
            saturated: Double(saturated) / n)
    }

    /// The gradient norm of a layer's parameters, weights and biases together (nil for a layer
    /// without parameters).
    public static func gradientNorm(of layer: Layer) -> Double? {
        let parameters = layer.parameters
        guard !parameters.isEmpty else { return nil }
        var total = 0.0
        for p in parameters { total += Kernels.sumOfSquares(p.gradient.storage, count: p.gradient.count) }
        return total.squareRoot()
    }

    /// The gradient norm of one named parameter of a layer (`"weights"`, `"bias"`), nil without it.
    public static func gradientNorm(of layer: Layer, parameter name: String) -> Double? {
        guard let p = layer.parameters.first(where: { $0.name == name }) else { return nil }
        return Kernels.sumOfSquares(p.gradient.storage, count: p.gradient.count).squareRoot()
    }

    /// The norm of a layer's weight matrix (nil for a layer without one).
    public static func weightNorm(of layer: Layer) -> Double? {
        guard let weights = layer.parameters.first(where: { $0.name == "weights" }) else { return nil }
        return weights.value.norm()
    }

    /// Activation statistics of every activation layer over a whole data set (inference mode).
    public static func activationStatistics(_ network: Network, on dataset: Dataset) throws -> [Int: ActivationStatistics] {
        var values: [Int: [Float]] = [:]
        try network.forEachChunk(of: dataset) { rows in
            for (index, layer) in network.layers.enumerated() where layer is ActivationLayer || layer is SoftmaxLayer {
                values[index, default: []].append(
                    contentsOf: UnsafeBufferPointer(start: layer.output, count: rows * layer.outputWidth))
            }
        }
        var result: [Int: ActivationStatistics] = [:]
        for (index, v) in values {
            let function = (network.layers[index] as? ActivationLayer)?.function
            result[index] = v.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else {
                    return ActivationStatistics(mean: 0, standardDeviation: 0, sparsity: 0, saturated: 0)
                }
                return activationStatistics(base, count: buffer.count, function: function)
            }
        }
        return result
    }

    /// Dead and inactive units of the activation layers where units can die or go quiet: a unit is
    /// *dead* when the activation's gradient is exactly 0 for every sample of `dataset` (relu below
    /// 0, relu6 and the hard functions in their flat parts, a user's function likewise), so no
    /// gradient reaches its weights; it is *inactive* when its pre-activation is ≤ 0 for every
    /// sample but gradient still flows (leaky_relu, elu, selu, celu).
    public static func deadUnits(_ network: Network, on dataset: Dataset) throws -> [DeadUnitReport] {
        let targets = network.layers.enumerated().compactMap { index, layer -> (Int, ActivationLayer)? in
            guard let activation = layer as? ActivationLayer, activation.function.canStopGradients else { return nil }
            return (index, activation)
        }
        var passes = targets.map { [Bool](repeating: false, count: $0.1.inputWidth) }
        var positive = passes
        var ones: [Float] = []
        try network.forEachChunk(of: dataset) { rows in
            for (t, (_, layer)) in targets.enumerated() {
                guard let pre = layer.lastPreActivation else { continue }
                let w = layer.inputWidth
                if ones.count < rows * w { ones = [Float](repeating: 1, count: rows * w) }
                ones.withUnsafeBufferPointer { layer.backward($0.baseAddress!, rows: rows, propagate: true) }
                let slope = layer.inputGradient
                for r in 0..<rows {
                    for j in 0..<w {
                        if pre[r * w + j] > 0 { positive[t][j] = true }
                        if slope[r * w + j] != 0 { passes[t][j] = true }
                    }
                }
            }
        }
        return targets.enumerated().map { t, entry in
            let dead = passes[t].indices.filter { !passes[t][$0] }
            let inactive = positive[t].indices.filter { !positive[t][$0] && passes[t][$0] }
            return DeadUnitReport(
                layer: entry.0, summary: entry.1.summary, width: entry.1.inputWidth, deadUnits: dead,
                inactiveUnits: entry.1.function.isReLUFamily ? inactive : [])
        }
    }
}

/// The dead and inactive units of one activation layer.
public struct DeadUnitReport: Sendable, Equatable {
    /// Index into ``Network/layers``.
    public var layer: Int
    public var summary: String
    /// Units in the layer.
    public var width: Int
    /// Indices of the dead units: zero gradient for every sample.
    public var deadUnits: [Int]
    /// Indices of the inactive units: pre-activation ≤ 0 for every sample, gradient still flowing
    /// (ReLU-family functions with a slope below 0).
    public var inactiveUnits: [Int] = []
    /// The fraction of dead units.
    public var deadFraction: Double { width == 0 ? 0 : Double(deadUnits.count) / Double(width) }
}

extension Network {
    /// Runs the whole network in inference mode over `dataset` in chunks; `body` sees each chunk's
    /// row count while every layer's buffers hold that chunk.
    func forEachChunk(of dataset: Dataset, chunk: Int = 256, _ body: (Int) -> Void) throws {
        guard dataset.featureWidth == inputWidth else {
            throw EngineError.shapeMismatch(
                operation: "network input", expected: "[n×\(inputWidth)]", got: Tensor.describe(dataset.features.shape))
        }
        reserve(batchCapacity: Swift.min(Swift.max(dataset.count, 1), chunk))
        var start = 0
        while start < dataset.count {
            let n = Swift.min(chunk, dataset.count - start)
            _ = forward(dataset.features.storage + start * inputWidth, rows: n, mode: .inference, through: layers.count)
            body(n)
            start += n
        }
    }
}
