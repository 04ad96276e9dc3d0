import Foundation
import NeuriteEngine
import NeuriteLanguage
import NeuritePlot

/// `histogram m with weights: 2`, `… with biases: 2`, `… with gradients: 2 on d`,
/// `… with activations: 2 on d`: the engine's histograms of one layer (the line of the model
/// block, 1-based, as `summary` numbers them), side by side per run or model.
///
/// Gradients are those of the loss over the whole of `d` (the run's loss, or the default for the
/// model's output layer); without `on d`, those left by the last training step. Bin edges are
/// widened to tidy values (1, 2 or 5 × 10ⁿ) so that their labels stay short.
enum LayerHistograms {
    enum Source: String, CaseIterable {
        case weights, biases, gradients, activations

        /// The option that selects this source and names its layer.
        var option: Option<Int?> {
            switch self {
            case .weights: return LayerHistograms.weights
            case .biases: return LayerHistograms.biases
            case .gradients: return LayerHistograms.gradients
            case .activations: return LayerHistograms.activations
            }
        }
    }

    private static let layerBounds = NumberBounds(minimum: 1, maximum: 10_000)
    static let weights = Option.integer("weights", layerBounds, shown: nil, "count layer N's weights")
    static let biases = Option.integer("biases", layerBounds, shown: nil, "count layer N's biases")
    static let gradients = Option.integer(
        "gradients", layerBounds, shown: nil, "count layer N's weight gradients (on d: of the loss on d)")
    static let activations = Option.integer("activations", layerBounds, shown: nil, "count layer N's outputs on d")

    /// The options that select what to count.
    static let options = Source.allCases.map(\.option)

    static func draw(_ input: CommandInput, values: [Value]) throws -> Value {
        let chosen = Source.allCases.filter { input.isGiven($0.option) }
        guard chosen.count <= 1 else {
            throw RuntimeError(.histogramOneSubject, at: input.span(of: chosen[1].option))
        }
        guard let source = chosen.first else {
            throw RuntimeError(
                .histogramNeedsWhat,
                at: input.arguments[0].value.span, hint: "e.g. histogram m with weights: 2")
        }
        let subjects = try TrainingSubject.from(input, values: values)
        let drawing = try Drawing(input)
        let bins = try input.value(HistogramCommand.bins) ?? 10
        let line = try input.value(source.option) ?? 1
        let lineSpan = input.span(of: source.option)
        let data: DatasetValue? = input.on == nil ? nil : try TrainingSubject.dataset(input)
        if source == .activations, data == nil {
            throw RuntimeError(.activationsNeedData(layer: line), at: lineSpan)
        }
        var plots: [any Plottable] = []
        for subject in subjects {
            let network = try subject.network(for: "histogram")
            let names = LayerNames(network: network)
            let lines = names.weightedLines
            let layers = names.layers(ofLine: line)
            guard let first = layers.first, let last = layers.last else {
                throw RuntimeError(
                    .noSuchLayer(model: subject.label, layer: line), at: lineSpan,
                    hint: "its layers with weights are " + lines.map(String.init).joined(separator: ", "))
            }
            let weighted = layers.first { !network.layers[$0].parameters.isEmpty }
            let engineSource: HistogramSource
            switch source {
            case .weights, .biases, .gradients:
                guard let weighted else {
                    throw RuntimeError(
                        .layerWithoutWeights(layer: line, model: subject.label, kind: names.label(first)), at: lineSpan,
                        hint: "its layers with weights are " + lines.map(String.init).joined(separator: ", "))
                }
                if source == .gradients, let data {
                    let loss = subject.run?.loss ?? defaultLoss(subject.model)
                    _ = try RuntimeError.fromEngine(at: subject.span) { try Trainer.lossAndGradients(network, on: data.dataset, loss: loss) }
                }
                engineSource = source == .weights ? .weights(layer: weighted)
                    : source == .biases ? .biases(layer: weighted) : .gradients(layer: weighted)
            case .activations:
                guard let data else { return .nothing }
                engineSource = .activations(layer: last, on: data.dataset)
            }
            let counts = try RuntimeError.fromEngine(at: subject.span) { () throws -> NeuriteEngine.Histogram in
                let extent = try network.histogram(of: engineSource, bins: 1)
                let (range, count) = tidyBins(extent.edges[0]...extent.edges[1], target: bins)
                return try network.histogram(of: engineSource, bins: count, range: range)
            }
            let title = drawing.title ?? "\(subject.label): layer \(line) \(source.rawValue)"
            plots.append(HistogramPlot(edges: counts.edges, counts: counts.counts, excluded: counts.excluded, title: title))
        }
        try drawing.show(plots)
        return .nothing
    }

    /// `range` widened to multiples of a tidy step (1, 2 or 5 × 10ⁿ) giving at most `target` bins.
    static func tidyBins(_ range: ClosedRange<Double>, target: Int) -> (ClosedRange<Double>, Int) {
        let lo = range.lowerBound, hi = range.upperBound
        guard hi > lo, (hi - lo).isFinite, target > 1 else { return (range, max(1, target)) }
        let rough = (hi - lo) / Double(target)
        let power = pow(10, (log10(rough)).rounded(.down))
        // Spans too small for equal bins (subnormal steps) get one bin.
        guard rough.isNormal, power.isNormal else { return (range, 1) }
        for multiple in [1.0, 2, 5, 10] {
            let step = multiple * power
            let start = (lo / step).rounded(.down) * step
            let count = Int(((hi - start) / step).rounded(.up))
            if count <= target, count >= 1 {
                return (start...(start + Double(count) * step), count)
            }
        }
        return (range, target)
    }

    /// The loss `train` uses by default: from the output layer (sigmoid → bce, softmax → ce, else mse).
    static func defaultLoss(_ model: ModelValue) -> Loss {
        for spec in model.specs.reversed() {
            switch spec {
            case .dense(_, let activation?, _, _), .activation(let activation):
                if case .builtin(.sigmoid) = activation { return .binaryCrossEntropy }
                if case .builtin(.softmax) = activation { return .softmaxCrossEntropy }
                return .meanSquaredError
            case .softmax: return .softmaxCrossEntropy
            case .dense: return .meanSquaredError
            case .dropout: continue
            }
        }
        return .meanSquaredError
    }
}
