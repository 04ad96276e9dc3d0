import NeuriteEngine
import NeuriteNumerics

/// `summary m`: a Keras-style table of a model's layers with output shapes, parameter counts,
/// activations and initializers, and the totals.
enum ModelSummary {
    /// One table row per layer spec.
    struct Row {
        var layer: String
        var output: Int
        var parameters: Int
        var activation: String
        var initializers: String
    }

    static func rows(_ model: ModelValue) -> [Row] {
        var width = model.inputWidth
        var rows: [Row] = []
        for spec in model.specs {
            switch spec {
            case let .dense(units, activation, weights, bias):
                let weightInit = weights ?? ((activation?.isReLUFamily ?? false) ? .heNormal : .glorotUniform)
                rows.append(Row(
                    layer: "dense", output: units, parameters: width * units + units,
                    activation: activation?.name ?? "linear",
                    initializers: name(of: weightInit) + ", " + name(of: bias ?? .zeros)))
                width = units
            case .activation(let function):
                rows.append(Row(layer: "activation", output: width, parameters: 0, activation: function.name, initializers: ""))
            case .softmax:
                rows.append(Row(layer: "activation", output: width, parameters: 0, activation: "softmax", initializers: ""))
            case .dropout(let rate):
                rows.append(Row(
                    layer: "dropout \(formatNumber(rate))", output: width, parameters: 0, activation: "", initializers: ""))
            }
        }
        return rows
    }

    /// The number of trainable values.
    static func parameterCount(_ model: ModelValue) -> Int {
        rows(model).reduce(0) { $0 + $1.parameters }
    }

    /// The summary as lines.
    static func lines(_ model: ModelValue) -> [String] {
        var table = TextTable(
            header: ["#", "layer", "output", "params", "activation", "init (weights, bias)"],
            alignments: [.right, .left, .right, .right, .left, .left])
        table.append(["0", "input", "\(model.inputWidth)", "0", "", ""])
        for (index, row) in rows(model).enumerated() {
            table.append([
                "\(index + 1)", row.layer, "\(row.output)", "\(row.parameters)", row.activation, row.initializers,
            ])
        }
        let state = !model.wasTrained
            ? "untrained" : "trained \(model.epochsTrained) epoch\(model.epochsTrained == 1 ? "" : "s")"
        return ["model \(model.label)"] + table.render()
            + ["total parameters: \(parameterCount(model)) (\(state))"]
    }

    /// `he_normal`, `zeros`, `constant(-3)`.
    static func name(of initializer: Initializer) -> String {
        switch initializer {
        case .constant(let c): return "constant(\(formatNumber(c)))"
        case let .uniform(low, high): return "uniform(\(formatNumber(low)), \(formatNumber(high)))"
        case let .normal(mean, sd): return "normal(\(formatNumber(mean)), \(formatNumber(sd)))"
        case .orthogonal(let gain): return gain == 1 ? "orthogonal" : "orthogonal(\(formatNumber(gain)))"
        case let .scaled(base, gain): return "\(name(of: base))(gain: \(formatNumber(gain)))"
        default: return initializer.name
        }
    }
}
