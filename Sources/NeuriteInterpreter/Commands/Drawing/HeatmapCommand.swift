import NeuriteLanguage
import NeuritePlot

/// `heatmap M [with log: true, rows: […], columns: […]]`: a matrix as coloured cells with a
/// colour bar, row 0 at the top. A vector is one row.
struct HeatmapCommand: CommandHandler {
    static let options = Drawing.commonOptions + ["log", "rows", "columns"]

    func run(_ command: Command, span: Span, context: CommandContext) throws -> Value {
        let input = try CommandInput(command, span: span, context: context, allowed: Self.options)
        try input.requireArguments("heatmap [[1, 2], [3, 4]]")
        let drawing = try Drawing(input)
        let log = try input.flag("log") ?? false
        let rowLabels = try input.labels("rows") ?? []
        let columnLabels = try input.labels("columns") ?? []
        var plots: [any Plottable] = []
        for argument in input.arguments {
            let rows: [[Double]]
            switch try input.evaluate(argument.value) {
            case .matrix(let matrix): rows = (0..<matrix.rows).map(matrix.row)
            case .vector(let values): rows = [values]
            case let other:
                throw RuntimeError("'heatmap' needs a matrix, got \(other.typeName)", at: argument.value.span)
            }
            guard !rows.isEmpty, !rows.contains(where: \.isEmpty) else {
                throw RuntimeError(
                    "heatmap needs a non-empty matrix", at: argument.value.span, hint: "e.g. heatmap [[1, 2], [3, 4]]")
            }
            // As for bars: labels that do not match the matrix are an error, not silently dropped or numbered.
            for (option, labels, count) in [("rows", rowLabels, rows.count), ("columns", columnLabels, rows.first?.count ?? 0)]
            where !labels.isEmpty && labels.count != count {
                let what = String(option.dropLast())
                throw RuntimeError(
                    "\(labels.count) \(what) label\(labels.count == 1 ? "" : "s") for a matrix of \(count) \(what)\(count == 1 ? "" : "s")",
                    at: input.options[option]?.value.span ?? argument.value.span, hint: "give one label per \(what)")
            }
            let title = drawing.title ?? (input.arguments.count > 1 ? input.text(of: argument.value) : "")
            plots.append(
                Heatmap(matrix: rows, rowLabels: rowLabels, columnLabels: columnLabels, title: title,
                        colorScale: log ? .log : .linear))
        }
        try drawing.show(plots)
        return .nothing
    }
}
