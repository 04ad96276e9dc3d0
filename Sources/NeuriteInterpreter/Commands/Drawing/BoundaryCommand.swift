import NeuriteEngine
import NeuriteLanguage
import NeuritePlot

/// `boundary runs on d`: what a model learned, over its data, side by side per run or model.
/// - A 2-D classifier: the plane shaded by predicted class (the decision boundary) with the data
///   points on top, over the data's extent widened by a tenth on each side.
/// - A 2-D regressor: its output over the same extent as a heatmap.
/// - A 1-D regressor: the model's output curve (a line) over the data points.
struct BoundaryCommand: CommandHandler {
    static let resolution = Option.integer(
        "resolution", NumberBounds(minimum: 4, maximum: 400), default: 80, "grid columns of the decision regions")

    let signature = CommandSignature(
        word: .boundary, usage: ["boundary runs on d"],
        summary: "what a model learned over its data: a 2-D classifier's decision regions with the points on top; a 2-D regressor's output as a heatmap; a 1-D regressor's output curve over the points",
        parts: [PartSpec(name: "runs", summary: "runs or models", repeats: true)],
        clauses: [(.on, "the data drawn, whose extent sets the plane")],
        options: DrawingOptions.all + [resolution.spec],
        example: "model net(act) { input 2; dense 6, act; dense 6, act; dense 1, sigmoid }\nlet runs = train net(relu), net(tanh) on xor(n: 60, seed: 1) with epochs: 3\nboundary runs on xor(n: 60, seed: 1)")

    func run(_ input: CommandInput) throws -> Value {
        let span = input.span
        let subjects = try TrainingSubject.from(input)
        let value = try TrainingSubject.dataset(input)
        let data = value.dataset
        let drawing = try Drawing(input)
        let resolution = try input.value(Self.resolution)
        guard data.count > 0 else {
            throw RuntimeError(.noSamples(data: value.label), at: input.on?.span ?? span)
        }
        var plots: [any Plottable] = []
        for subject in subjects {
            let network = try subject.network(for: "boundary")
            guard network.inputWidth == data.featureWidth else {
                throw RuntimeError(
                    .boundaryWidthMismatch(model: subject.label, inputs: network.inputWidth, data: value.label, features: data.featureWidth),
                    at: subject.span)
            }
            let title = drawing.title ?? subject.label
            switch (data.featureWidth, data.classCount) {
            case (2, .some):
                plots.append(try Self.classifierPlot(network, data: data, title: title, resolution: resolution, at: subject.span))
            case (2, nil) where network.outputWidth == 1:
                plots.append(try Self.surfacePlot(network, data: data, title: title, resolution: resolution, at: subject.span))
            case (1, nil) where network.outputWidth == 1:
                plots.append(try Self.regressorPlot(network, data: data, title: title, resolution: resolution, at: subject.span))
            default:
                throw RuntimeError(
                    .boundaryDimensions(model: value.label, features: data.featureWidth, classes: data.classCount != nil),
                    at: input.on?.span ?? span, hint: "evaluate m on d reports how well any model does")
            }
        }
        try drawing.show(plots)
        return .nothing
    }

    static func surfacePlot(
        _ network: Network, data: Dataset, title: String, resolution: Int, at span: Span
    ) throws -> Heatmap {
        let plane = PlaneGrid(over: data, columns: resolution, rows: max(4, resolution / 2))
        let outputs = try RuntimeError.fromEngine(at: span) { try network.predict(try plane.tensor()) }
        return Heatmap(
            grid: plane.grid(outputs), xRange: plane.xRange, yRange: plane.yRange, title: title,
            xLabel: DatasetPictures.featureName(data, 0), yLabel: DatasetPictures.featureName(data, 1))
    }

    static func classifierPlot(
        _ network: Network, data: Dataset, title: String, resolution: Int, at span: Span
    ) throws -> ScatterPlot {
        let plane = PlaneGrid(over: data, columns: resolution, rows: max(4, resolution / 2))
        let (columns, rows, xRange, yRange) = (plane.columns, plane.rows, plane.xRange, plane.yRange)
        let outputs = try RuntimeError.fromEngine(at: span) { try network.predict(try plane.tensor()) }
        let width = outputs.columns
        let background: DecisionBackground
        if width == 1 {
            background = DecisionBackground(xRange: xRange, yRange: yRange, probabilities: plane.grid(outputs))
        } else {
            let classes = (0..<rows).map { row in
                (0..<columns).map { column -> Int in
                    let base = outputs.storage + (row * columns + column) * width
                    var best = 0
                    for k in 1..<width where base[k] > base[best] { best = k }
                    return best
                }
            }
            background = DecisionBackground(xRange: xRange, yRange: yRange, classes: classes)
        }
        var plot = ScatterPlot(
            title: title, xLabel: DatasetPictures.featureName(data, 0), yLabel: DatasetPictures.featureName(data, 1),
            classNames: data.classNames ?? [], background: background)
        DatasetPictures.add(data, to: &plot)
        return plot
    }

    static func regressorPlot(
        _ network: Network, data: Dataset, title: String, resolution: Int, at span: Span
    ) throws -> LinePlot {
        let xs = DatasetPictures.column(data.features, 0)
        let range = PlaneGrid.padded(xs)
        let samples = resolution * 4
        let curveX = (0..<samples).map {
            range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / Double(samples - 1)
        }
        let outputs = try RuntimeError.fromEngine(at: span) {
            try network.predict(try Tensor(shape: [samples, 1], values: curveX.map(Float.init)))
        }
        let curveY = (0..<samples).map { Double(outputs.storage[$0]) }
        var plot = LinePlot(title: title, xLabel: DatasetPictures.featureName(data, 0), yLabel: "target")
        if case .values(let targets) = data.targets {
            plot.add(series: "data", x: xs, y: DatasetPictures.column(targets, 0), style: .points)
        }
        plot.add(series: "model", x: curveX, y: curveY)
        return plot
    }
}
