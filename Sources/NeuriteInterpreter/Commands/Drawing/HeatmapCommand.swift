import NeuriteLanguage
import NeuritePlot

/// `heatmap M [with log: true, rows: […], columns: […]]`: a matrix as coloured cells with a
/// colour bar, row 0 at the top. A vector is one row.
struct HeatmapCommand: CommandHandler {
    static let log = Option.flag("log", shown: "false", "logarithmic colour scale")
    static let rows = Option.labels("rows", "row labels (0, 1, … by default)")
    static let columns = Option.labels("columns", "column labels (0, 1, … by default)")

    let signature = CommandSignature(
        word: .heatmap, usage: ["heatmap M"],
        summary: "draws a matrix as coloured cells with a colour bar (row 0 at the top)",
        parts: [PartSpec(name: "M", summary: "matrices (a vector is one row)", repeats: true)], clauses: [],
        options: DrawingOptions.all + [log.spec, rows.spec, columns.spec],
        example: "heatmap [[1, 2, 3], [4, 5, 6]] with rows: [\"a\", \"b\"]")

    func run(_ input: CommandInput) throws -> Value {
        try input.requireArguments("heatmap [[1, 2], [3, 4]]")
        let drawing = try Drawing(input)
        let log = try input.value(Self.log) ?? false
        let rowLabels = try input.value(Self.rows) ?? []
        let columnLabels = try input.value(Self.columns) ?? []
        var plots: [any Plottable] = []
        for argument in input.arguments {
            let rows: [[Double]]
            switch try input.evaluate(argument.value) {
            case .matrix(let matrix): rows = (0..<matrix.rows).map(matrix.row)
            case .vector(let values): rows = [values]
            case let other:
                throw RuntimeError(.heatmapNeedsMatrix(typeName: other.typeName), at: argument.value.span)
            }
            guard !rows.isEmpty, !rows.contains(where: \.isEmpty) else {
                throw RuntimeError(
                    .heatmapEmpty, at: argument.value.span, hint: "e.g. heatmap [[1, 2], [3, 4]]")
            }
            // As for bars: labels that do not match the matrix are an error, not silently dropped or numbered.
            for (option, labels, count) in [(Self.rows, rowLabels, rows.count), (Self.columns, columnLabels, rows.first?.count ?? 0)]
            where !labels.isEmpty && labels.count != count {
                let what = String(option.name.dropLast())
                throw RuntimeError(
                    .heatmapLabelCount(labels: labels.count, what: what, count: count),
                    at: input.span(of: option), hint: "give one label per \(what)")
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
