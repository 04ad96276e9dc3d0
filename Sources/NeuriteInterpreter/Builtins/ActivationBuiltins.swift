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
        if let parameter = ActivationParameter(activation) {
            return parameterised(activation, parameter, name: name, aliasNote: aliasNote, formula: formula)
        }
        return Builtin(
            name, group: .activations, parameters: [BuiltinParameter("x")], differentiable: true,
            summary: "\(activation.name) activation, elementwise\(aliasNote)", formula: formula,
            example: example(activation, name: name)
        ) { call in
            try mapElementwise(call, double: { activation.apply($0) }, jet: { activation.apply($0) })
        }
    }

    /// `leaky_relu`, `elu`, `celu`: an optional shape parameter, and without `x` the activation
    /// with that parameter as a function (see ``ActivationParameter``).
    private static func parameterised(
        _ activation: Activation, _ parameter: ActivationParameter, name: String, aliasNote: String, formula: String
    ) -> Builtin {
        let label = parameter.label
        return Builtin(
            name, group: .activations,
            parameters: [BuiltinParameter("x", default: .nothing), BuiltinParameter(label, default: .number(parameter.defaultValue))],
            differentiable: true,
            summary: "\(activation.name) activation, elementwise\(aliasNote); \(name)(\(label): p) is the activation with "
                + "\(label) p (default \(parameter.defaultValue)), a function for layers and plots",
            formula: formula, example: example(activation, name: name)
        ) { call in
            let p = try call.number(1, "'\(label)'")
            guard parameter.allows(p) else {
                throw call.error(.activationParameterOutOfRange(function: name, label: label, value: p), argument: 1)
            }
            if case .nothing = call.arguments[0] {
                guard let function = parameter.function(named: name, p, builtins: call.evaluator.builtinScope) else {
                    throw call.error(.activationParameterOutOfRange(function: name, label: label, value: p), argument: 1)
                }
                return .function(function)
            }
            if p == parameter.defaultValue {
                return try mapElementwise(call, double: { activation.apply($0) }, jet: { activation.apply($0) })
            }
            return try mapElementwise(call, double: { parameter.apply($0, p) }, jet: { parameter.apply($0, p) })
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
