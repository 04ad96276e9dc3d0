import NeuriteEngine
import NeuriteLanguage

/// `m.layers[i]`: one dense layer of a model (its line in the model block with its activation),
/// indexed from 0 among the model's dense layers. A reference: reading it reads the model's
/// current weights, assigning to `.weights` or `.bias` changes the model.
///
/// Weights are shown as PyTorch stores them: a matrix of `width` rows (one per unit) and `inputs`
/// columns, so `.weights[u]` is unit u's incoming weights.
public struct LayerValue {
    public let model: ModelValue
    /// The position among the model's dense layers (0 is the first hidden layer).
    public let index: Int

    /// The spec of the dense line and the activation that follows it (on the line or next).
    var spec: (units: Int, activation: ActivationFunction?) {
        var found = -1
        for (position, spec) in model.specs.enumerated() {
            guard case let .dense(units, activation, _, _) = spec else { continue }
            found += 1
            guard found == index else { continue }
            if activation == nil, position + 1 < model.specs.count, case .activation(let next) = model.specs[position + 1] {
                return (units, next)
            }
            if activation == nil, position + 1 < model.specs.count, case .softmax = model.specs[position + 1] {
                return (units, .builtin(.softmax))
            }
            return (units, activation)
        }
        return (0, nil)
    }

    /// The engine's dense layer (building the model's weights if they were never looked at).
    func dense() throws -> DenseLayer {
        let layers = try model.network().layers.compactMap { $0 as? DenseLayer }
        guard index < layers.count else { throw EngineError.invalidSetting(name: "layer", reason: "no layer \(index)") }
        return layers[index]
    }

    /// The weights as a `width × inputs` matrix (the engine stores them `inputs × width`).
    func weights() throws -> Matrix {
        let layer = try dense()
        let (inputs, units) = (layer.inputWidth, layer.outputWidth)
        let stored = layer.weights.value.storage
        var elements = [Double](repeating: 0, count: inputs * units)
        for unit in 0..<units {
            for input in 0..<inputs { elements[unit * inputs + input] = Evaluator.shortest(stored[input * units + unit]) }
        }
        return Matrix(rows: units, columns: inputs, elements: elements)
    }

    func bias() throws -> [Double] {
        try dense().bias.value.values.map(Evaluator.shortest)
    }

    /// Sets weight (`unit`, `input`) (the matrix's row and column).
    func setWeight(unit: Int, input: Int, to value: Double) throws {
        let layer = try dense()
        layer.weights.value.storage[input * layer.outputWidth + unit] = Float(value)
        model.weightsAreFixed = true
    }

    func setBias(unit: Int, to value: Double) throws {
        try dense().bias.value.storage[unit] = Float(value)
        model.weightsAreFixed = true
    }

    /// `dense 2→8, relu`.
    var summary: String {
        let layer = try? dense()
        let activation = spec.activation?.name ?? "linear"
        return "dense \(layer.map { "\($0.inputWidth)" } ?? "?")→\(spec.units), \(activation)"
    }
}

/// `m.layers`: the dense layers of a model, indexed from 0.
public struct LayersValue {
    public let model: ModelValue

    public var count: Int {
        model.specs.reduce(0) { count, spec in if case .dense = spec { count + 1 } else { count } }
    }

    subscript(index: Int) -> LayerValue { LayerValue(model: model, index: index) }
}
