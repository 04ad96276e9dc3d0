import NeuriteEngine

/// `layer_outputs(m, x)`: what every dense layer of a model gives, after its activation, for
/// some inputs — the values behind `histogram`, `dead` and `sparsity`, to compute with.
enum LayerOutputBuiltins {
    static var all: [Builtin] { [layerOutputs] }

    static var layerOutputs: Builtin {
        Builtin(
            "layer_outputs", group: .models, parameters: [BuiltinParameter("m"), BuiltinParameter("x")],
            summary: "a table with one row per dense layer (layer, activation, width, output): output is the layer's outputs after its activation for the inputs x — a vector for one sample, else a matrix with a row per sample; x is a sample, a matrix of samples or a dataset",
            formula: "let t = layer_outputs(m, ring); mean(t[0].output > 0) is the share of layer 0's outputs above 0",
            example: "model tiny { input 2; dense 3, relu; dense 1, sigmoid }; layer_outputs(tiny, [0.5, -1])[0].width"
        ) { call in
            let model = try call.model(0)
            let (inputs, single) = try samples(call, width: model.inputWidth)
            let tensor = Tensor(shape: [inputs.rows, inputs.columns])
            for (index, x) in inputs.elements.enumerated() { tensor.storage[index] = Float(x) }
            let outputs = try RuntimeError.fromEngine(at: call.span) { try model.network().denseOutputs(tensor) }
            let layers = LayersValue(model: model)
            let rows: [[Value]] = outputs.enumerated().map { index, output in
                let values = output.values.map(Evaluator.shortest)
                let width = output.columns
                let cell: Value = single
                    ? .vector(values) : .matrix(Matrix(rows: inputs.rows, columns: width, elements: values))
                let activation = layers[index].spec.activation?.name ?? "linear"
                return [.number(Double(index)), .string(activation), .number(Double(width)), cell]
            }
            return .table(TableValue(columns: ["layer", "activation", "width", "output"], rows: rows))
        }
    }

    /// The inputs as a matrix, and whether they were one sample (a vector).
    private static func samples(_ call: BuiltinCall, width: Int) throws -> (Matrix, single: Bool) {
        let matrix: Matrix, single: Bool
        switch call.arguments[1] {
        case .vector(let v): (matrix, single) = (Matrix(rows: 1, columns: v.count, elements: v), true)
        case .number(let x): (matrix, single) = (Matrix(rows: 1, columns: 1, elements: [x]), true)
        case .matrix(let m): (matrix, single) = (m, false)
        case .dataset(let data):
            let d = data.dataset
            (matrix, single) = (Matrix(rows: d.count, columns: d.featureWidth, elements: d.features.values.map(Evaluator.shortest)), false)
        default:
            throw call.error(.expectedInputs(typeName: call.arguments[1].typeName), argument: 1)
        }
        guard matrix.columns == width else {
            throw call.error(.predictInputWidth(model: try call.model(0).label, inputs: width, given: matrix.columns), argument: 1)
        }
        return (matrix, single)
    }
}
