import NeuriteNumerics

/// Every activation of NeuriteNumerics' table (and its aliases) as a built-in, elementwise and
/// differentiable; `softmax` maps a vector to a vector (each row of a matrix).
enum ActivationBuiltins {
    static var all: [Builtin] {
        let canonical = Activation.allCases.map { builtin($0, name: $0.name) }
        let aliases = Activation.aliases.sorted { $0.key < $1.key }.map { alias, activation in
            builtin(activation, name: alias)
        }
        return canonical + aliases
    }

    /// The example shown in `:help` (and evaluated by a test).
    static func example(_ activation: Activation, name: String) -> String {
        activation == .softmax ? "\(name)([1, 2, 3])" : "\(name)([-2, -0.5, 0, 0.5, 2])"
    }

    private static func builtin(_ activation: Activation, name: String) -> Builtin {
        let aliasNote = name == activation.name ? "" : " (another name for \(activation.name))"
        let definition = activation.formula.hasPrefix("\(activation.name)(x)")
            ? activation.formula : "\(name)(x) = \(activation.formula)"
        let derivative = activation == .softmax
            ? "jacobian: \(activation.derivativeFormula)" : "\(name)'(x) = \(activation.derivativeFormula)"
        var formula = definition + "\n" + derivative
        if !activation.convention.isEmpty { formula += "\nconvention: \(activation.convention)" }
        formula += "\noutput range: \(activation.outputRange)"
        if activation == .softmax {
            return Builtin(
                name, group: .activations, parameters: [BuiltinParameter("v")],
                summary: "softmax activation over a vector (each row of a matrix)\(aliasNote)",
                formula: formula, example: example(activation, name: name)
            ) { call in try softmax(call) }
        }
        return Builtin(
            name, group: .activations, parameters: [BuiltinParameter("x")], differentiable: true,
            summary: "\(activation.name) activation, elementwise\(aliasNote)", formula: formula,
            example: example(activation, name: name)
        ) { call in
            try mapElementwise(call, double: { activation.apply($0) }, jet: { activation.apply($0) })
        }
    }

    private static func softmax(_ call: BuiltinCall) throws -> Value {
        switch call.arguments[0] {
        case .vector(let elements): return .vector(Softmax.apply(elements))
        case .matrix(var matrix):
            matrix.elements = (0..<matrix.rows).flatMap { Softmax.apply(matrix.row($0)) }
            return .matrix(matrix)
        case .number(let x): return .vector(Softmax.apply([x]))
        default:
            throw call.error(
                .softmaxNeedsVector(typeName: call.arguments[0].typeName), argument: 0,
                hint: call.arguments[0].isJet ? "softmax has no derivative here; it maps vectors" : nil)
        }
    }
}

extension Value {
    var isJet: Bool {
        if case .jet = self { return true }
        return false
    }
}
