import NeuriteEngine
import NeuriteLanguage
import NeuritePlot

/// `histogram m with weights, layer: 2`, `… with biases`, `… with gradients on d`,
/// `… with activations on d`: the engine's histograms of one layer, side by side per run or model.
///
/// `layer:` is the line of the model block (1-based, as `summary` numbers them); by default the
/// first line with weights. Gradients are those of the loss over the whole of `d` (the run's loss,
/// or the default for the model's output layer); without `on d`, those of the last training step.
enum LayerHistograms {
    enum Source: String, CaseIterable {
        case weights, biases, gradients, activations
    }

    static func draw(_ input: CommandInput) throws -> Value {
        guard input.flags.count <= 1 else {
            throw RuntimeError("'histogram' shows one thing at a time", at: input.flags[1].span)
        }
        let source = input.flags.first.flatMap { Source(rawValue: input.text(of: $0)) } ?? .weights
        let subjects = try TrainingSubject.from(input)
        let drawing = try Drawing(input)
        let bins = try input.count("bins", in: 1...10_000) ?? 20
        let data: DatasetValue? = input.on == nil ? nil : try TrainingSubject.dataset(input)
        if source == .activations, data == nil {
            throw RuntimeError(
                "activations need data: histogram … with activations on d", at: input.flags.first?.span ?? input.span)
        }
        var plots: [any Plottable] = []
        for subject in subjects {
            let network = try subject.network(for: "histogram")
            let names = LayerNames(network: network)
            let lines = names.weightedLines
            let line = try input.count("layer", in: 1...10_000) ?? lines.first ?? 1
            let layers = names.layers(ofLine: line)
            guard let first = layers.first, let last = layers.last else {
                throw RuntimeError(
                    "'\(subject.label)' has no layer \(line)", at: input.options["layer"]?.value.span ?? subject.span,
                    hint: "its layers with weights are " + lines.map(String.init).joined(separator: ", "))
            }
            let weighted = layers.first { !network.layers[$0].parameters.isEmpty }
            let engineSource: HistogramSource
            switch source {
            case .weights, .biases, .gradients:
                guard let weighted else {
                    throw RuntimeError(
                        "layer \(line) of '\(subject.label)' (\(names.label(first))) has no weights",
                        at: input.options["layer"]?.value.span ?? subject.span,
                        hint: "layers with weights: " + lines.map(String.init).joined(separator: ", "))
                }
                if source == .gradients, let data {
                    let loss = subject.run?.loss ?? defaultLoss(subject.model)
                    _ = try engine(at: subject.span) { try Trainer.lossAndGradients(network, on: data.dataset, loss: loss) }
                }
                engineSource = source == .weights ? .weights(layer: weighted)
                    : source == .biases ? .biases(layer: weighted) : .gradients(layer: weighted)
            case .activations:
                guard let data else { return .nothing }
                engineSource = .activations(layer: last, on: data.dataset)
            }
            let counts = try engine(at: subject.span) { try network.histogram(of: engineSource, bins: bins) }
            let title = drawing.title ?? "\(subject.label): \(source.rawValue), layer \(names.label(first))"
            plots.append(HistogramPlot(edges: counts.edges, counts: counts.counts, excluded: counts.excluded, title: title))
        }
        try drawing.show(plots)
        return .nothing
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

/// Runs engine code, turning its errors into runtime errors at `span`.
func engine<T>(at span: Span, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as RuntimeError {
        throw error
    } catch {
        throw RuntimeError(String(describing: error), at: span)
    }
}
