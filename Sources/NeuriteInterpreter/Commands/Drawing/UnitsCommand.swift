import NeuriteEngine
import NeuriteLanguage
import NeuritePlot

/// `units m on d`: every hidden unit's output over the input plane as a small heatmap, a row of
/// them per layer, as the TensorFlow Playground draws its neurons (2-D inputs). One colour scale
/// per layer, so the same colour is the same output across a layer's units. Returns a table of each
/// unit's range over the plane.
struct UnitsCommand: CommandHandler {
    static let resolution = Option.integer(
        "resolution", NumberBounds(minimum: 4, maximum: 200), default: 24, "grid columns of each unit's picture")
    static let layer = Option.integer(
        "layer", NumberBounds(minimum: 0, maximum: 10_000), shown: "every hidden layer",
        "the dense layer drawn (indexed from 0, as m.layers)")

    /// Each picture's columns and rows unless `width:` and `height:` say otherwise.
    static let pictureWidth = 26, pictureHeight = 7

    let signature = CommandSignature(
        word: .units, usage: ["units m on d"],
        summary: "every hidden unit's output over the input plane of 2-D data, a small heatmap per unit and a row per layer (the Playground's neuron pictures); returns each unit's range",
        parts: [PartSpec(name: "models", summary: "models or runs", repeats: true)],
        clauses: [(.on, "2-D data, whose extent sets the plane")],
        options: DrawingOptions.all + [resolution.spec, layer.spec],
        example: "model net { input 2; dense 3, tanh; dense 1, sigmoid }\nunits net on circle(n: 60, seed: 1) with width: 26")

    func run(_ input: CommandInput) throws -> Value {
        let subjects = try TrainingSubject.from(input)
        let value = try TrainingSubject.dataset(input)
        let data = value.dataset
        let drawing = try Drawing(input, preferredWidth: Self.pictureWidth, defaultHeight: Self.pictureHeight)
        let resolution = try input.value(Self.resolution)
        let chosenLayer = try input.value(Self.layer)
        guard data.featureWidth == 2 else {
            throw RuntimeError(.unitsNeedPlane(data: value.label, features: data.featureWidth), at: input.on?.span ?? input.span)
        }
        let plane = PlaneGrid(over: data, columns: resolution, rows: max(3, resolution / 2))
        var groups: [[any Plottable]] = []
        var rows: [[Value]] = []
        for subject in subjects {
            let network = try subject.network(for: "units")
            guard network.inputWidth == 2 else {
                throw RuntimeError(
                    .boundaryWidthMismatch(model: subject.label, inputs: network.inputWidth, data: value.label, features: 2),
                    at: subject.span)
            }
            let outputs = try RuntimeError.fromEngine(at: subject.span) { try network.denseOutputs(try plane.tensor()) }
            let hidden = Array(outputs.indices.dropLast())
            let shown: [Int]
            if let chosenLayer {
                guard outputs.indices.contains(chosenLayer) else {
                    throw RuntimeError(
                        .unitsLayerOutOfRange(model: subject.label, layer: chosenLayer, count: outputs.count),
                        at: input.span(of: Self.layer))
                }
                shown = [chosenLayer]
            } else {
                shown = hidden.isEmpty ? outputs.indices.map { $0 } : hidden
            }
            let layers = LayersValue(model: subject.model)
            for index in shown {
                let output = outputs[index]
                let activation = layers[index].spec.activation?.name ?? "linear"
                var maps = (0..<output.columns).map { unit in
                    Heatmap(
                        grid: plane.grid(output, column: unit), xRange: plane.xRange, yRange: plane.yRange,
                        title: "\(subjects.count > 1 ? subject.label + " " : "")layer \(index) unit \(unit)")
                }
                let values = output.values.map(Double.init).filter(\.isFinite)
                if let low = values.min(), let high = values.max(), low < high {
                    for k in maps.indices { maps[k].colorLimits = low...high }
                }
                groups.append(maps)
                for unit in 0..<output.columns {
                    let column = plane.grid(output, column: unit).joined().filter(\.isFinite)
                    rows.append([
                        .string(subject.label), .number(Double(index)), .number(Double(unit)), .string(activation),
                        .number(Evaluator.toFloatPrecision(column.min() ?? .nan)),
                        .number(Evaluator.toFloatPrecision(column.max() ?? .nan)),
                    ])
                }
            }
        }
        try drawing.show(groups: groups)
        return .table(TableValue(columns: ["model", "layer", "unit", "activation", "min", "max"], rows: rows))
    }
}
