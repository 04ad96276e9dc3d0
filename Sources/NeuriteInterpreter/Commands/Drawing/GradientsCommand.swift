import NeuriteEngine
import NeuriteLanguage
import NeuritePlot

/// `gradients runs`: gradient flow. Per run, bars of each weighted layer's gradient norm at the last
/// probe (side by side per run), then a layer × epoch heatmap of the norms over training (log
/// colour scale), from the probes the run recorded. `gradients m on d` (a model, or a run without
/// probes) measures the gradient of the loss over the whole of `d` now, and draws the bars.
struct GradientsCommand: CommandHandler {
    let signature = CommandSignature(
        word: .gradients, usage: ["gradients runs", "gradients m on d"],
        summary: "gradient flow: per-layer gradient norms at the last epoch as bars, side by side per run, then a layer × epoch heatmap per run; with 'on d', the gradient of the loss on d now",
        parts: [PartSpec(name: "runs", summary: "runs or models", repeats: true)],
        clauses: [(.on, "measure the gradient of the loss on this data now")],
        options: DrawingOptions.all,
        example: "model net(act) { input 2; dense 6, act; dense 6, act; dense 1, sigmoid }\nlet runs = train net(relu), net(tanh) on xor(n: 60, seed: 1) with epochs: 3\ngradients runs")

    func run(_ input: CommandInput) throws -> Value {
        let subjects = try TrainingSubject.from(input)
        let drawing = try Drawing(input)
        let data: DatasetValue? = input.on == nil ? nil : try TrainingSubject.dataset(input)
        var bars: [BarChart] = []
        var maps: [Heatmap] = []
        var rows: [[Value]] = []
        var missing: [RuntimeError] = []
        for subject in subjects {
            let network = try subject.network(for: "gradients")
            let names = LayerNames(network: network)
            if let data {
                let loss = subject.run?.loss ?? LayerHistograms.defaultLoss(subject.model)
                _ = try RuntimeError.fromEngine(at: subject.span) { try Trainer.lossAndGradients(network, on: data.dataset, loss: loss) }
                let layers = network.layers.indices.filter { !network.layers[$0].parameters.isEmpty }
                let weightNorms = layers.map { Probes.gradientNorm(of: network.layers[$0], parameter: "weights") ?? .nan }
                let biasNorms = layers.map { Probes.gradientNorm(of: network.layers[$0], parameter: "bias") ?? .nan }
                bars.append(BarChart(
                    labels: layers.map(names.label), values: weightNorms,
                    title: drawing.title ?? "\(subject.label): weight-gradient norm on \(data.label)", valueLabel: "‖∂L/∂W‖"))
                for (index, layer) in layers.enumerated() {
                    rows.append([.string(subject.label), .string(names.label(layer)), .number(Evaluator.toFloatPrecision(weightNorms[index])), .number(Evaluator.toFloatPrecision(biasNorms[index]))])
                }
                continue
            }
            let run = try subject.requireRun(for: "gradients")
            let series = GradientSeries(run.run.probes)
            guard let lastLayers = series.last else {
                let diverged = if case .diverged = run.run.stopReason { true } else { false }
                let error = RuntimeError(
                    .runRecordedNoGradients(model: subject.label, diverged: diverged), at: subject.span,
                    hint: diverged
                        ? "measure now: gradients \(input.text(of: input.arguments[0].value)) on d"
                        : "train with probes on (e.g. probe_every: 1), or measure now: gradients \(input.text(of: input.arguments[0].value)) on d")
                // With several runs, the others are still drawn and this one is noted.
                guard subjects.count > 1 else { throw error }
                missing.append(error)
                continue
            }
            bars.append(BarChart(
                labels: lastLayers.map { names.label($0.layer) }, values: lastLayers.map { $0.norm },
                // The epoch goes under the bars: a long label may cut the title short, never the number.
                title: drawing.title ?? "\(subject.label): weight-gradient norm",
                valueLabel: "‖∂L/∂W‖ at epoch \(run.firstEpoch + (series.epochs.last ?? 0))"))
            for layer in lastLayers {
                rows.append([
                    .string(subject.label), .string(names.label(layer.layer)), .number(Evaluator.toFloatPrecision(layer.norm)),
                    .number(Evaluator.toFloatPrecision(series.lastBiasNorms[layer.layer] ?? .nan)),
                ])
            }
            maps.append(Heatmap(
                matrix: series.layers.map { layer in series.perEpoch.map { $0[layer] ?? .nan } },
                rowLabels: series.layers.map(names.label),
                columnLabels: series.epochs.map { String(run.firstEpoch + $0) },
                title: drawing.title ?? "\(subject.label): ‖∂L/∂W‖ by layer × epoch",
                xLabel: "epoch", colorScale: .log))
        }
        // One scale for the bars side by side, so a vanishing gradient looks small next to a healthy one.
        let largest = bars.flatMap { $0.values.filter(\.isFinite) }.max()
        for index in bars.indices { bars[index].scaleMaximum = largest }
        // And one colour scale for the heatmaps: the same colour is the same norm in every run.
        let norms = maps.flatMap { $0.matrix.joined() }.filter { $0.isFinite && $0 > 0 }
        if let low = norms.min(), let high = norms.max() {
            for index in maps.indices { maps[index].colorLimits = low...high }
        }
        if bars.isEmpty, let first = missing.first { throw first }
        try drawing.show(groups: [bars, maps])
        for error in missing { drawing.write("note: \(error.message)") }
        return .table(TableValue(columns: ["model", "layer", "weight_gradient", "bias_gradient"], rows: rows))
    }
}

/// The weight-gradient norms a run's probes recorded (the norm of ∂L/∂W alone, biases apart): the
/// last record of each epoch, per weighted layer.
struct GradientSeries {
    /// The last epoch's bias-gradient norms by network layer index.
    var lastBiasNorms: [Int: Double] = [:]
    /// Epochs with a record, in order (as the run numbers them, from 1).
    var epochs: [Int] = []
    /// Per epoch, gradient norm by network layer index.
    var perEpoch: [[Int: Double]] = []
    /// Network layer indices that have a norm, in order.
    var layers: [Int] = []

    init(_ records: [ProbeRecord]) {
        var byEpoch: [Int: [Int: Double]] = [:]
        var layerSet = Set<Int>()
        for record in records {
            var norms: [Int: Double] = [:]
            var biasNorms: [Int: Double] = [:]
            for probe in record.layers {
                if let norm = probe.weightGradientNorm { norms[probe.layer] = norm }
                if let norm = probe.biasGradientNorm { biasNorms[probe.layer] = norm }
            }
            guard !norms.isEmpty else { continue }
            byEpoch[record.epoch] = norms  // later records of an epoch replace earlier ones
            if record.epoch >= (byEpoch.keys.max() ?? 0) { lastBiasNorms = biasNorms }
            layerSet.formUnion(norms.keys)
        }
        epochs = byEpoch.keys.sorted()
        perEpoch = epochs.map { byEpoch[$0] ?? [:] }
        layers = layerSet.sorted()
    }

    /// The last epoch's norms, per layer in order.
    var last: [(layer: Int, norm: Double)]? {
        guard let final = perEpoch.last else { return nil }
        return layers.map { ($0, final[$0] ?? .nan) }
    }
}
