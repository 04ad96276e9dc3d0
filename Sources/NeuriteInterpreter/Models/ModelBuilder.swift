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

    /// The model described by `body`, labelled `label`, its weights drawn from `seed` (nil: seed 0,
    /// redrawn from the training seed by the first `train`).
    static func build(
        _ body: [LayerItem], label: String, declarationSpan: Span, evaluator: Evaluator, scope: Scope,
        seed: UInt64? = nil
    ) throws -> ModelValue {
        var builder = ModelBuilder(evaluator: evaluator, scope: scope)
        try builder.add(body)
        guard let width = builder.inputWidth else {
            throw RuntimeError(
                .modelWithoutInput(model: label), at: declarationSpan,
                hint: "start the body with 'input N', N the number of features")
        }
        guard builder.specs.contains(where: { if case .dense = $0 { return true } else { return false } }) else {
            throw RuntimeError(.modelWithoutDense(model: label), at: declarationSpan)
        }
        return ModelValue(label: label, inputWidth: width, specs: builder.specs, seed: seed)
    }

    private mutating func add(_ items: [LayerItem]) throws {
        for item in items {
            try evaluator.checkInterrupt()
            switch item {
            case let .layer(name, arguments, span):
                try addLayer(name, arguments, span: span)
            case let .repetition(countExpression, body, span):
                let count = try ValueReader(evaluator: evaluator, scope: scope).integer(
                    countExpression, "the repeat count", bounds: NumberBounds(minimum: 0, maximum: Double(Self.maximumLayers)))
                for _ in 0..<count {
                    try add(body)
                    guard specs.count <= Self.maximumLayers else {
                        throw RuntimeError(.tooManyLayers(limit: Self.maximumLayers), at: span)
                    }
                }
            }
        }
    }

    private mutating func addLayer(_ name: Identifier, _ arguments: [Argument], span: Span) throws {
        guard let signature = LayerWords.named(name.name) else {
            let problem = SurfaceDiagnostics.unknownLayer(name.name, among: LayerWords.all.map(\.word))
            throw RuntimeError(.unknownLayer(problem.message), at: name.span, hint: problem.hint)
        }
        let positional = arguments.filter { $0.label == nil }
        var labelled: [String: Argument] = [:]
        for argument in arguments {
            guard let label = argument.label else { continue }
            guard signature.options.contains(where: { $0.name == label.name }) else {
                let problem = SurfaceDiagnostics.unknownOption(label.name, of: name.name, entry: CommandSurface.entry(signature))
                throw RuntimeError(.unknownOption(problem.message), at: label.span, hint: problem.hint)
            }
            guard labelled[label.name] == nil else {
                throw RuntimeError(.argumentGivenTwice(argument: label.name), at: label.span)
            }
            labelled[label.name] = argument
        }
        if positional.count > signature.parts.count {
            throw RuntimeError(
                .tooManyLayerArguments(layer: name.name, limit: signature.parts.count),
                at: positional[signature.parts.count].value.span)
        }
        if name.name != "input", inputWidth == nil {
            throw RuntimeError(.modelMustStartWithInput, at: name.span, hint: "e.g. 'input 2' for x, y")
        }
        let reader = ValueReader(evaluator: evaluator, scope: scope)
        let widthBounds = NumberBounds(minimum: 1, maximum: Double(Self.maximumWidth))
        switch signature.word {
        case LayerWords.input.word:
            guard inputWidth == nil else { throw RuntimeError(.inputGivenTwice, at: name.span) }
            guard let first = positional.first else { throw RuntimeError(.inputNeedsSize, at: name.span) }
            inputWidth = try reader.integer(first.value, "the input size", bounds: widthBounds)
        case LayerWords.dense.word:
            guard let first = positional.first else {
                throw RuntimeError(.denseNeedsUnits, at: name.span, hint: "e.g. 'dense 8, relu'")
            }
            let units = try reader.integer(first.value, "the number of units", bounds: widthBounds)
            if positional.count > 1, labelled["activation"] != nil {
                throw RuntimeError(.activationGivenTwice, at: positional[1].value.span)
            }
            let activation = try (positional.count > 1 ? positional[1].value : labelled[LayerWords.activation.name]?.value)
                .map { try self.activation($0) }
            let weights = try labelled[LayerWords.initializer.name].flatMap { try LayerWords.initializer.read($0.value, reader) }
            let bias = try labelled[LayerWords.bias.name].map { try self.bias($0.value) }
            specs.append(.dense(units: units, activation: activation, weights: weights, bias: bias))
            parameterCount += (width + 1) * units
            width = units
            guard parameterCount <= Self.maximumParameters else {
                throw RuntimeError(
                    .modelTooLarge(limit: Self.maximumParameters), at: span)
            }
        case LayerWords.dropout.word:
            guard let first = positional.first else { throw RuntimeError(.dropoutNeedsRate, at: name.span) }
            let rate = try reader.number(first.value, "the dropout rate", bounds: .fraction)
            specs.append(.dropout(rate: rate))
        default:
            guard let first = positional.first else { throw RuntimeError(.activationLayerNeedsFunction, at: name.span) }
            let function = try activation(first.value)
            if case .builtin(.softmax) = function { specs.append(.softmax) } else { specs.append(.activation(function)) }
        }
    }

    private func activation(_ expression: Expression) throws -> ActivationFunction {
        let value = try evaluator.evaluate(expression, in: scope)
        guard case .function(let function) = value else {
            throw RuntimeError(
                .activationNotFunction(typeName: value.typeName), at: expression.span,
                hint: "e.g. relu, tanh, sigmoid, or a fn of one argument")
        }
        return try ActivationLowering(evaluator: evaluator).activation(for: function, span: expression.span)
    }

    /// `bias: -1` (a constant) or `bias: zeros` (an initializer).
    private func bias(_ expression: Expression) throws -> Initializer {
        if let call = try InitializerCall.read(expression, reader: ValueReader(evaluator: evaluator, scope: scope)) {
            return call
        }
        if let word = try OptionWords.initializer.writtenWord(expression, evaluator: evaluator, scope: scope) {
            return try OptionWords.initializer.resolve(word, at: expression.span)
        }
        let x = try ValueReader(evaluator: evaluator, scope: scope).number(expression, "the bias (a number or an initializer name)")
        return x == 0 ? .zeros : .constant(x)
    }
}
