import NeuriteLanguage
import NeuritePlot

/// `scatter xs, ys` (two vectors), `scatter M` (an n×2 matrix) or `scatter d` (a 2-D dataset,
/// coloured by class): points in the plane. `with classes: v` colours plain points by class.
struct ScatterCommand: CommandHandler {
    static let classes = Option<Expression?>.custom(
        OptionSpec(name: "classes", kind: .vector, defaultText: nil, summary: "a class (0, 1, …) per point", otherNames: ["labels", "c", "hue"]),
        default: nil, read: { expression, _ in expression })

    let signature = CommandSignature(
        word: .scatter, usage: ["scatter xs, ys", "scatter M  (n×2)", "scatter d  (a 2-D dataset)"],
        summary: "draws points in the plane; a dataset's are coloured by class",
        parts: [PartSpec(name: "xs, ys", summary: "two vectors, an n×2 matrix, or a 2-D dataset")], clauses: [],
        options: DrawingOptions.all + [classes.spec],
        example: "scatter [1, 2, 3, 4], [1, 4, 2, 3] with height: 6")

    func run(_ input: CommandInput) throws -> Value {
        try input.requireArguments("scatter [1, 2, 3], [2, 4, 1]")
        let drawing = try Drawing(input)
        let values = try input.arguments.map { try input.evaluate($0.value) }
        if values.count == 1, case .dataset(let data) = values[0] {
            try drawing.show(try DatasetPictures.scatter(data, title: drawing.title, at: input.arguments[0].value.span))
            return .nothing
        }
        let xs: [Double], ys: [Double]
        switch (values.count, values.first) {
        case (1, .matrix(let matrix)) where matrix.columns == 2:
            xs = (0..<matrix.rows).map { matrix.elements[$0 * 2] }
            ys = (0..<matrix.rows).map { matrix.elements[$0 * 2 + 1] }
        case (2, _):
            guard case .vector(let a) = values[0], case .vector(let b) = values[1] else {
                throw RuntimeError(
                    .scatterNeedsTwoVectors(x: values[0].typeName, y: values[1].typeName),
                    at: input.arguments[0].value.span.union(input.arguments[1].value.span))
            }
            guard a.count == b.count else {
                throw RuntimeError(
                    .scatterLengthMismatch(x: a.count, y: b.count),
                    at: input.arguments[1].value.span)
            }
            (xs, ys) = (a, b)
        default:
            throw RuntimeError(
                .scatterNeedsPoints,
                at: input.arguments[0].value.span, hint: "e.g. scatter [1, 2, 3], [2, 4, 1]")
        }
        var classes: [Int]?
        if let given = try input.value(Self.classes) {
            guard case .vector(let labels) = try input.evaluate(given), labels.count == xs.count,
                labels.allSatisfy({ $0 >= 0 && $0 == $0.rounded() && $0 < 10_000 })
            else {
                throw RuntimeError(
                    .scatterClassesPerPoint(points: xs.count), at: given.span)
            }
            classes = labels.map { Int($0) }
        }
        var plot = ScatterPlot(title: drawing.title ?? "", xLabel: "x", yLabel: "y")
        plot.add(x: xs, y: ys, classes: classes)
        try drawing.show(plot)
        return .nothing
    }
}
