import NeuriteLanguage
import NeuritePlot

/// `histogram v [with bins: 20]`: counts of a vector's (or matrix's) values in bins (automatic
/// tidy bins, or at most `bins:` bins with tidy edges).
/// `histogram m with weights: 2` (also `biases:`, `gradients:`, and `activations: 2 on d`)
/// looks inside models and runs (see ``LayerHistograms``).
struct HistogramCommand: CommandHandler {
    static let bins = Option.integer(
        "bins", NumberBounds(minimum: 1, maximum: 1000), shown: "automatic for vectors, at most 10 tidy ones for layers",
        "bins", otherNames: ["nbins", "n_bins"])

    let signature = CommandSignature(
        word: .histogram,
        usage: [
            "histogram v with bins: 20", "histogram m with weights: 2  (biases: 2)",
            "histogram m with activations: 2 on d", "histogram m with gradients: 2 on d",
        ],
        summary: "counts of values in bins: a vector's, or one layer's weights, biases, activations or gradients (the number is the layer's line in the model block, as summary numbers it)",
        parts: [PartSpec(name: "v", summary: "vectors or matrices, or models and runs", repeats: true)],
        clauses: [(.on, "the data whose activations or gradients are counted")],
        options: DrawingOptions.all + [bins.spec] + LayerHistograms.options.map(\.spec),
        example: "model net(act) { input 2; dense 6, act; dense 6, act; dense 1, sigmoid }\nlet runs = train net(relu), net(tanh) on xor(n: 60, seed: 1) with epochs: 3\nhistogram runs with weights: 2")

    func run(_ input: CommandInput) throws -> Value {
        try input.requireArguments("histogram [1, 2, 2, 3, 3, 3] with bins: 3")
        let values = try input.arguments.map { try input.evaluate($0.value) }
        if values.contains(where: RunCurves.isTrainingValue) {
            return try LayerHistograms.draw(input, values: values)
        }
        for option in LayerHistograms.options where input.isGiven(option) {
            throw RuntimeError(.optionForModelsAndRuns(option: option.name), at: input.span(of: option))
        }
        if let on = input.on {
            throw RuntimeError(.onForActivations, at: on.span)
        }
        let drawing = try Drawing(input)
        let bins = try input.value(Self.bins)
        var plots: [any Plottable] = []
        for (argument, value) in zip(input.arguments, values) {
            let numbers: [Double]
            switch value {
            case .vector(let elements): numbers = elements
            case .matrix(let matrix): numbers = matrix.elements
            default:
                throw RuntimeError(
                    .histogramNeedsSubject(typeName: value.typeName), at: argument.value.span)
            }
            let title = drawing.title ?? (input.arguments.count > 1 ? input.text(of: argument.value) : "")
            plots.append(
                bins.map { DatasetPictures.histogram(numbers, bins: $0, title: title) }
                    ?? HistogramPlot(values: numbers, bins: .automatic, title: title))
        }
        try drawing.show(plots)
        return .nothing
    }
}
