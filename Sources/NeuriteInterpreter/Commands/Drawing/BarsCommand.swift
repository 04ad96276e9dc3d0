import NeuriteLanguage
import NeuritePlot

/// `bars [3, 1, 2] with labels: ["a", "b", "c"]`: labelled horizontal bars (unlabelled bars are
/// numbered 1, 2, 3, …). Several vectors draw several charts side by side.
struct BarsCommand: CommandHandler {
    static let options = Drawing.commonOptions + ["labels"]

    func run(_ command: Command, span: Span, context: CommandContext) throws -> Value {
        let input = try CommandInput(command, span: span, context: context, allowed: Self.options)
        try input.requireArguments("bars [3, 1, 2] with labels: [\"a\", \"b\", \"c\"]")
        let drawing = try Drawing(input)
        let labels = try input.labels("labels") ?? []
        var plots: [any Plottable] = []
        for argument in input.arguments {
            let values: [Double]
            switch try input.evaluate(argument.value) {
            case .vector(let elements): values = elements
            case .number(let x): values = [x]
            case let other:
                throw RuntimeError("'bars' needs a vector of values, got \(other.typeName)", at: argument.value.span)
            }
            if !labels.isEmpty, labels.count != values.count, let given = input.options["labels"] {
                throw RuntimeError(
                    "\(labels.count) labels for \(values.count) bars", at: given.value.span,
                    hint: "give one label per value")
            }
            let title = drawing.title ?? (input.arguments.count > 1 ? input.text(of: argument.value) : "")
            plots.append(BarChart(labels: labels, values: values, title: title))
        }
        try drawing.show(plots)
        return .nothing
    }
}
