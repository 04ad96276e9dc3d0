import NeuriteLanguage
import NeuritePlot

/// `histogram v [with bins: 20]`: counts of a vector's (or matrix's) values in bins (automatic
/// tidy bins, or at most `bins:` bins with tidy edges).
/// `histogram m with weights: 2` (also `biases:`, `gradients:`, and `activations: 2 on d`)
/// looks inside models and runs (see ``LayerHistograms``).
struct HistogramCommand: CommandHandler {
    static let options = Drawing.commonOptions + ["bins"] + LayerHistograms.optionNames

    func run(_ command: Command, span: Span, context: CommandContext) throws -> Value {
        let input = try CommandInput(command, span: span, context: context, allowed: Self.options, clauses: ["on"])
        try input.requireArguments("histogram [1, 2, 2, 3, 3, 3] with bins: 3")
        let values = try input.arguments.map { try input.evaluate($0.value) }
        if values.contains(where: RunCurves.isTrainingValue) {
            return try LayerHistograms.draw(input, values: values)
        }
        for name in LayerHistograms.optionNames {
            if let option = input.options[name] {
                throw RuntimeError("option '\(name)' is for models and runs", at: option.label?.span ?? option.value.span)
            }
        }
        if let on = input.on {
            throw RuntimeError("'on' is for activations of models and runs", at: on.span)
        }
        let drawing = try Drawing(input)
        let bins = try input.count("bins", in: 1...1000)
        var plots: [any Plottable] = []
        for (argument, value) in zip(input.arguments, values) {
            let numbers: [Double]
            switch value {
            case .vector(let elements): numbers = elements
            case .matrix(let matrix): numbers = matrix.elements
            default:
                throw RuntimeError(
                    "'histogram' needs a vector, a model or a run, got \(value.typeName)", at: argument.value.span)
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
