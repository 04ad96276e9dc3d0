extension Probes {
    /// Saturated units of the activation layers whose function saturates (tanh, sigmoid and their
    /// kin): a unit is saturated when its output is in the function's saturated range (see
    /// ``ActivationFunction/isSaturated(_:)``) for at least `fraction` of the samples of `dataset`,
    /// so almost no gradient passes it.
    public static func saturatedUnits(_ network: Network, on dataset: Dataset, fraction: Double = 0.9) throws -> [SaturatedUnitReport] {
        let targets = network.layers.enumerated().compactMap { index, layer -> (Int, ActivationLayer)? in
            guard let activation = layer as? ActivationLayer, activation.function.saturates else { return nil }
            return (index, activation)
        }
        var counts = targets.map { [Int](repeating: 0, count: $0.1.outputWidth) }
        try network.forEachChunk(of: dataset) { rows in
            for (t, (_, layer)) in targets.enumerated() {
                let w = layer.outputWidth, output = layer.output
                for r in 0..<rows {
                    for j in 0..<w where layer.function.isSaturated(Double(output[r * w + j])) { counts[t][j] += 1 }
                }
            }
        }
        let needed = Double(dataset.count) * fraction
        return targets.enumerated().map { t, entry in
            SaturatedUnitReport(
                layer: entry.0, summary: entry.1.summary, width: entry.1.outputWidth,
                saturatedUnits: counts[t].indices.filter { dataset.count > 0 && Double(counts[t][$0]) >= needed })
        }
    }
}

/// The saturated units of one activation layer.
public struct SaturatedUnitReport: Sendable, Equatable {
    /// Index into ``Network/layers``.
    public var layer: Int
    public var summary: String
    /// Units in the layer.
    public var width: Int
    /// Indices of the units saturated on (nearly) every sample.
    public var saturatedUnits: [Int]
}

extension ActivationFunction {
    /// Whether the function has a saturated range at all (``isSaturated(_:)`` can be true).
    public var saturates: Bool {
        if case .builtin(let activation) = self { return activation.unsaturatedRange != nil }
        return false
    }
}
