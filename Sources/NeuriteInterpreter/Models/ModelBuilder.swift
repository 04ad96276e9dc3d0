import NeuriteEngine
import NeuriteLanguage

/// Evaluates the body of a model declaration (`input 2; repeat 6 { dense 8, act }; dense 1, sigmoid`)
/// into the engine's layer specs.
///
/// Layer lines: `input N` (first, once); `dense UNITS[, ACT][, init: NAME][, bias: NUMBER or NAME]`;
/// `dropout RATE`; `activation ACT`; `repeat N { … }`. ACT is any function value that
/// ``ActivationLowering`` accepts.
struct ModelBuilder {
    let evaluator: Evaluator
    let scope: Scope
    /// The most layers a model may have (repeat counts multiply).
    static let maximumLayers = 10_000
    /// The most units of one layer, and inputs.
    static let maximumWidth = 100_000
    /// The most trainable parameters of a model.
    static let maximumParameters = 50_000_000

    private var inputWidth: Int? { didSet { width = inputWidth ?? 0 } }
    private var specs: [LayerSpec] = []
    /// The current layer width, and the parameters so far.
    private var width = 0
    private var parameterCount = 0

    init(evaluator: Evaluator, scope: Scope) {
        self.evaluator = evaluator
        self.scope = scope
    }

    /// The model described by `body`, labelled `label`.
    static func build(
        _ body: [LayerItem], label: String, declarationSpan: Span, evaluator: Evaluator, scope: Scope
    ) throws -> ModelValue {
        var builder = ModelBuilder(evaluator: evaluator, scope: scope)
        try builder.add(body)
        guard let width = builder.inputWidth else {
            throw RuntimeError(
                "model '\(label)' has no 'input' line", at: declarationSpan,
                hint: "start the body with 'input N', N the number of features")
        }
        guard builder.specs.contains(where: { if case .dense = $0 { return true } else { return false } }) else {
            throw RuntimeError("model '\(label)' has no dense layer", at: declarationSpan)
        }
        return ModelValue(label: label, inputWidth: width, specs: builder.specs)
    }

    private mutating func add(_ items: [LayerItem]) throws {
        for item in items {
            try evaluator.checkInterrupt()
            switch item {
            case let .layer(name, arguments, span):
                try addLayer(name, arguments, span: span)
            case let .repetition(countExpression, body, span):
                let count = try wholeNumber(countExpression, what: "a repeat count", minimum: 0, maximum: Self.maximumLayers)
                for _ in 0..<count {
                    try add(body)
                    guard specs.count <= Self.maximumLayers else {
                        throw RuntimeError("too many layers (more than \(Self.maximumLayers))", at: span)
                    }
                }
            }
        }
    }

    /// The words that start a layer line in a model body.
    static let layerWords = ["input", "dense", "dropout", "activation"]

    private mutating func addLayer(_ name: Identifier, _ arguments: [Argument], span: Span) throws {
        let positional = arguments.filter { $0.label == nil }
        var labelled: [String: Argument] = [:]
        for argument in arguments {
            guard let label = argument.label else { continue }
            guard labelled[label.name] == nil else {
                throw RuntimeError("argument '\(label.name)' is given twice", at: label.span)
            }
            labelled[label.name] = argument
        }
        func allowOnly(_ labels: [String], positional maximum: Int) throws {
            for (label, argument) in labelled where !labels.contains(label) {
                let hint = Suggestion.nearest(to: label, among: labels).map { "did you mean '\($0)'?" }
                    ?? (labels.isEmpty ? "it takes no labelled arguments" : "its options are \(labels.joined(separator: ", "))")
                throw RuntimeError("'\(name.name)' has no option '\(label)'", at: argument.label?.span ?? span, hint: hint)
            }
            if positional.count > maximum {
                throw RuntimeError(
                    "too many arguments for '\(name.name)' (at most \(maximum))", at: positional[maximum].value.span)
            }
        }
        if name.name != "input", inputWidth == nil {
            throw RuntimeError("a model starts with 'input N'", at: name.span, hint: "e.g. 'input 2' for x, y")
        }
        switch name.name {
        case "input":
            try allowOnly([], positional: 1)
            guard inputWidth == nil else { throw RuntimeError("'input' is given twice", at: name.span) }
            guard let first = positional.first else { throw RuntimeError("'input' needs a size", at: name.span) }
            inputWidth = try wholeNumber(first.value, what: "an input size", minimum: 1, maximum: Self.maximumWidth)
        case "dense":
            try allowOnly(["activation", "init", "bias"], positional: 2)
            guard let first = positional.first else {
                throw RuntimeError("'dense' needs a number of units", at: name.span, hint: "e.g. 'dense 8, relu'")
            }
            let units = try wholeNumber(first.value, what: "a number of units", minimum: 1, maximum: Self.maximumWidth)
            if positional.count > 1, labelled["activation"] != nil {
                throw RuntimeError("the activation is given twice", at: positional[1].value.span)
            }
            let activation = try (positional.count > 1 ? positional[1] : labelled["activation"]).map {
                try self.activation($0.value)
            }
            let weights = try labelled["init"].map { try OptionWords.initializer.read($0.value, evaluator: evaluator, scope: scope) }
            let bias = try labelled["bias"].map { try self.bias($0.value) }
            specs.append(.dense(units: units, activation: activation, weights: weights, bias: bias))
            parameterCount += (width + 1) * units
            width = units
            guard parameterCount <= Self.maximumParameters else {
                throw RuntimeError(
                    "the model is too large (more than \(Self.maximumParameters) parameters)", at: span)
            }
        case "dropout":
            try allowOnly([], positional: 1)
            guard let first = positional.first else { throw RuntimeError("'dropout' needs a rate", at: name.span) }
            let rate = try number(first.value, what: "a dropout rate")
            guard rate >= 0, rate < 1 else {
                throw RuntimeError("a dropout rate must be in [0, 1), got \(ValueFormatter.plain.describe(.number(rate)))", at: first.value.span)
            }
            specs.append(.dropout(rate: rate))
        case "activation":
            try allowOnly([], positional: 1)
            guard let first = positional.first else { throw RuntimeError("'activation' needs a function", at: name.span) }
            let function = try activation(first.value)
            if case .builtin(.softmax) = function { specs.append(.softmax) } else { specs.append(.activation(function)) }
        default:
            let hint = Suggestion.nearest(to: name.name, among: Self.layerWords).map { "did you mean '\($0)'?" }
                ?? "layers are \(Self.layerWords.joined(separator: ", ")), and repeat N { … }"
            throw RuntimeError("unknown layer '\(name.name)'", at: name.span, hint: hint)
        }
    }

    private func activation(_ expression: Expression) throws -> ActivationFunction {
        let value = try evaluator.evaluate(expression, in: scope)
        guard case .function(let function) = value else {
            throw RuntimeError(
                "an activation must be a function, got \(value.typeName)", at: expression.span,
                hint: "e.g. relu, tanh, sigmoid, or a fn of one argument")
        }
        return try ActivationLowering(evaluator: evaluator).activation(for: function, span: expression.span)
    }

    /// `bias: -1` (a constant) or `bias: zeros` (an initializer).
    private func bias(_ expression: Expression) throws -> Initializer {
        if let word = try OptionWords.initializer.writtenWord(expression, evaluator: evaluator, scope: scope) {
            return try OptionWords.initializer.resolve(word, at: expression.span)
        }
        let x = try number(expression, what: "a bias (a number or an initializer name)")
        return x == 0 ? .zeros : .constant(x)
    }

    private func number(_ expression: Expression, what: String) throws -> Double {
        let value = try evaluator.evaluate(expression, in: scope)
        guard case .number(let x) = value, x.isFinite else {
            throw RuntimeError("expected \(what), got \(ValueFormatter.plain.describe(value))", at: expression.span)
        }
        return x
    }

    private func wholeNumber(_ expression: Expression, what: String, minimum: Int, maximum: Int = 10_000_000) throws -> Int {
        let x = try number(expression, what: what)
        guard x == x.rounded(), x >= Double(minimum) else {
            throw RuntimeError(
                "expected \(what) (a whole number ≥ \(minimum)), got \(ValueFormatter.plain.describe(.number(x)))",
                at: expression.span)
        }
        guard x <= Double(maximum) else {
            throw RuntimeError("expected \(what) of at most \(maximum), got \(ValueFormatter.plain.describe(.number(x)))", at: expression.span)
        }
        return Int(x)
    }
}
