import NeuriteEngine

extension RunValue {
    /// Training loss per completed epoch.
    public var lossSeries: [Double] { run.history.map(\.loss) }
    /// Training accuracy per epoch (nil for regression).
    public var accuracySeries: [Double]? {
        run.history.first?.accuracy == nil ? nil : run.history.map { $0.accuracy ?? .nan }
    }
    public var validationLossSeries: [Double]? {
        run.history.first?.validationLoss == nil ? nil : run.history.map { $0.validationLoss ?? .nan }
    }
    public var validationAccuracySeries: [Double]? {
        run.history.first?.validationAccuracy == nil ? nil : run.history.map { $0.validationAccuracy ?? .nan }
    }

    /// Why the run stopped, in words: `completed`, `early stop (epoch 12)`, `interrupted`, `diverged`.
    public var stopDescription: String {
        switch run.stopReason {
        case .completed: return "completed"
        case .earlyStopped(let epoch): return "early stop (epoch \(firstEpoch + epoch))"
        case .interrupted: return "interrupted"
        case .diverged: return "diverged"
        }
    }

    /// The divergence report, when the run diverged.
    public var divergence: DivergenceReport? {
        if case .diverged(let report) = run.stopReason { return report }
        return nil
    }

    /// Weight-gradient norms (‖∂L/∂W‖, biases apart) per probe (rows, usually one per epoch) and
    /// parameterised layer (columns), with the layer summaries (e.g. `dense 2→8`) as column names.
    /// Empty when no probes were taken.
    public var gradientNorms: (layers: [String], rows: [[Double]]) {
        probeSeries { $0.weightGradientNorm }
    }

    /// Bias-gradient norms (‖∂L/∂b‖) per probe and parameterised layer.
    public var biasGradientNorms: (layers: [String], rows: [[Double]]) {
        probeSeries { $0.biasGradientNorm }
    }

    /// Weight-matrix norms per probe and dense layer.
    public var weightNorms: (layers: [String], rows: [[Double]]) {
        probeSeries { $0.weightNorm }
    }

    /// The fraction of exact zeros in each activation layer's output, per probe (on the probe step's batch).
    public var sparsitySeries: (layers: [String], rows: [[Double]]) {
        probeSeries { $0.activation?.sparsity }
    }

    /// The fraction of saturated outputs of each activation layer, per probe.
    public var saturationSeries: (layers: [String], rows: [[Double]]) {
        probeSeries { $0.activation?.saturated }
    }

    /// One column per layer that has the measurement in the first probe record.
    func probeSeries(_ measure: (LayerProbe) -> Double?) -> (layers: [String], rows: [[Double]]) {
        guard let first = run.probes.first else { return ([], []) }
        let columns = first.layers.filter { measure($0) != nil }
        let indices = columns.map(\.layer)
        let rows = run.probes.map { record in
            indices.map { index in record.layers.first { $0.layer == index }.flatMap(measure) ?? .nan }
        }
        return (columns.map(\.summary), rows)
    }
}
