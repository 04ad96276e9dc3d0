import NeuriteLanguage
import NeuritePlot

/// `bars [3, 1, 2] with labels: ["a", "b", "c"]`: labelled horizontal bars (unlabelled bars are
/// numbered 1, 2, 3, …). Several vectors draw several charts side by side.
struct BarsCommand: CommandHandler {
    static let labels = Option.labels("labels", "one label per value (1, 2, 3, … by default)")

    let signature = CommandSignature(
        word: .bars, usage: ["bars v with labels: [\"a\", \"b\", …]"],
        summary: "draws a vector as labelled horizontal bars (several vectors side by side)",
        parts: [PartSpec(name: "v", summary: "vectors of values", repeats: true)], clauses: [],
        options: DrawingOptions.all + [labels.spec],
        example: "bars [0.9, 0.5, 0.7] with labels: [\"relu\", \"sigmoid\", \"tanh\"]")

    func run(_ input: CommandInput) throws -> Value {
        try input.requireArguments("bars [3, 1, 2] with labels: [\"a\", \"b\", \"c\"]")
        let drawing = try Drawing(input)
        let labels = try input.value(Self.labels) ?? []
        var plots: [any Plottable] = []
        for argument in input.arguments {
            let values: [Double]
            switch try input.evaluate(argument.value) {
            case .vector(let elements): values = elements
            case .number(let x): values = [x]
            case let other:
                throw RuntimeError(.barsNeedsVector(typeName: other.typeName), at: argument.value.span)
            }
            if !labels.isEmpty, labels.count != values.count {
                throw RuntimeError(
                    .barLabelCount(labels: labels.count, bars: values.count), at: input.span(of: Self.labels),
                    hint: "give one label per value")
            }
            let title = drawing.title ?? (input.arguments.count > 1 ? input.text(of: argument.value) : "")
            plots.append(BarChart(labels: labels, values: values, title: title))
        }
        try drawing.show(plots)
        return .nothing
    }
}
