import NeuriteLanguage
import NeuritePlot

/// `show d`: a 2-D classification dataset (or a 1-D regression) as a scatter; a 2-D regression as a
/// scatter coloured by target range, followed by its summary table; any other dataset as
/// a summary table and per-feature histograms (`with bins: 10`). A split shows its parts.
struct ShowCommand: CommandHandler {
    static let bins = Option.integer("bins", NumberBounds(minimum: 1, maximum: 200), default: 10, "bins of the feature histograms")

    let signature = CommandSignature(
        word: .show, usage: ["show d"],
        summary: "draws a dataset: 2-D classes as a scatter by class (2-D regression: by target range, with its table; 1-D regression: targets over the input); otherwise a summary table and per-feature histograms",
        parts: [PartSpec(name: "d", summary: "datasets or splits", repeats: true)], clauses: [],
        options: DrawingOptions.all + [bins.spec],
        example: "show circle(n: 100, noise: 0.1, seed: 1) with height: 10")

    func run(_ input: CommandInput) throws -> Value {
        try input.requireArguments("show circle(seed: 1)")
        let drawing = try Drawing(input)
        let bins = try input.value(Self.bins)
        var datasets: [(DatasetValue, Span)] = []
        for argument in input.arguments {
            switch try input.evaluate(argument.value) {
            case .dataset(let data): datasets.append((data, argument.value.span))
            case .split(let split):
                datasets += [split.train, split.validation, split.test].compactMap { $0 }.map { ($0, argument.value.span) }
            case .function(.builtin(let builtin)) where builtin.group == .datasets:
                // `show circle`: the generator itself, not called.
                throw RuntimeError(
                    .showOfFunction, at: argument.value.span,
                    hint: "call it to make one: show \(builtin.name)(…)")
            case let other:
                throw RuntimeError(
                    .showNeedsDataset(typeName: other.typeName), at: argument.value.span,
                    hint: "plot draws functions, vectors and runs; summary describes a model")
            }
        }
        let planar = datasets.filter { DatasetPictures.isPlanar($0.0.dataset) }
        if planar.count == datasets.count {
            try drawing.show(try planar.map { try DatasetPictures.scatter($0.0, title: drawing.title, at: $0.1) })
            for (data, _) in datasets where DatasetPictures.isPlaneRegression(data.dataset) {
                drawing.write(DatasetReport.lines(data).joined(separator: "\n"))
            }
            return .nothing
        }
        var drawn: [any Plottable] = []
        for (data, _) in datasets {
            drawing.write(DatasetReport.lines(data).joined(separator: "\n"))
            if data.dataset.featureWidth > DatasetPictures.maximumHistograms {
                drawing.write("histograms of the first \(DatasetPictures.maximumHistograms) features:")
            }
            let histograms = DatasetPictures.histograms(data, bins: bins)
            drawing.display(histograms)
            drawn += histograms
        }
        try drawing.saveSVG(drawn)
        return .nothing
    }
}
