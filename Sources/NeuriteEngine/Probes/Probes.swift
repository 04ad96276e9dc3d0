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

    /// The gradient norm of a layer's parameters (nil for a layer without parameters).
    public static func gradientNorm(of layer: Layer) -> Double? {
        let parameters = layer.parameters
        guard !parameters.isEmpty else { return nil }
        var total = 0.0
        for p in parameters { total += Kernels.sumOfSquares(p.gradient.storage, count: p.gradient.count) }
        return total.squareRoot()
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

    /// Dead units of every ReLU-family activation layer: units whose pre-activation is ≤ 0 for every
    /// sample of `dataset`.
    public static func deadUnits(_ network: Network, on dataset: Dataset) throws -> [DeadUnitReport] {
        let targets = network.layers.enumerated().compactMap { index, layer -> (Int, ActivationLayer)? in
            guard let activation = layer as? ActivationLayer, activation.function.isReLUFamily else { return nil }
            return (index, activation)
        }
        var alive = targets.map { [Bool](repeating: false, count: $0.1.inputWidth) }
        try network.forEachChunk(of: dataset) { rows in
            for (t, (_, layer)) in targets.enumerated() {
                guard let pre = layer.lastPreActivation else { continue }
                let w = layer.inputWidth
                for r in 0..<rows { for j in 0..<w where pre[r * w + j] > 0 { alive[t][j] = true } }
            }
        }
        return targets.enumerated().map { t, entry in
            DeadUnitReport(
                layer: entry.0, summary: entry.1.summary, width: entry.1.inputWidth,
                deadUnits: alive[t].indices.filter { !alive[t][$0] })
        }
    }
}

/// The dead units of one ReLU-family layer.
public struct DeadUnitReport: Sendable, Equatable {
    /// Index into ``Network/layers``.
    public var layer: Int
    public var summary: String
    /// Units in the layer.
    public var width: Int
    /// Indices of the dead units.
    public var deadUnits: [Int]
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
