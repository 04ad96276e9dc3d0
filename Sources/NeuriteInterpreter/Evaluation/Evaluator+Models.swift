import NeuriteLanguage
import NeuriteNumerics

extension Evaluator {
    /// `model m { … }` binds a model; `model deep(act) { … }` binds a constructor.
    func declareModel(_ declaration: ModelDeclaration, in scope: Scope) throws {
        if declaration.parameters.isEmpty {
            let model = try ModelBuilder.build(
                declaration.body, label: declaration.name.name, declarationSpan: declaration.name.span,
                evaluator: self, scope: scope)
            scope.define(declaration.name.name, .model(model))
        } else {
            let constructor = ModelConstructor(declaration: declaration, file: currentFile, closure: scope)
            scope.define(declaration.name.name, .modelConstructor(constructor))
        }
    }

    /// `deep(relu)`: a fresh untrained model, labelled with the call as written. `deep(relu, seed: 3)`
    /// draws its weights from seed 3 (unless the constructor has a parameter named `seed`), and
    /// `train` then keeps them.
    func construct(
        _ constructor: ModelConstructor, _ arguments: [EvaluatedArgument], span: Span
    ) throws -> Value {
        let declaration = constructor.declaration
        var arguments = arguments
        var seed: UInt64?
        if !declaration.parameters.contains(where: { $0.name.name == "seed" }),
            let index = arguments.firstIndex(where: { $0.label?.name == "seed" })
        {
            let argument = arguments.remove(at: index)
            guard case .number(let x) = argument.value, x == x.rounded(), x >= 0, x <= 1e15 else {
                let given = if case .number(let x) = argument.value { formatNumber(x) } else { argument.value.typeName }
                throw RuntimeError(.modelSeedNotCount(model: constructor.name, given: given), at: argument.span)
            }
            seed = UInt64(x)
        }
        return try enterDeclaration(
            named: constructor.name, parameters: declaration.parameters, arguments: arguments,
            file: constructor.file, closure: constructor.closure, span: span,
            note: { _, location in "in model '\(constructor.name)', made at \(location)" },
            body: { frame, callerFile in
                let label = Self.label(of: span, in: callerFile, fallback: constructor.name)
                return .model(try ModelBuilder.build(
                    declaration.body, label: label, declarationSpan: declaration.name.span, evaluator: self,
                    scope: frame, seed: seed))
            })
    }

    /// The source text at `span`, with runs of white space made single spaces (a model's label).
    static func label(of span: Span, in file: SourceFile, fallback: String) -> String {
        guard span.start >= 0, span.end <= file.utf8.count, span.start < span.end else { return fallback }
        let text = String(decoding: file.utf8[span.start..<span.end], as: UTF8.self)
        let words = text.split(whereSeparator: { $0.isWhitespace })
        return words.isEmpty ? fallback : words.joined(separator: " ")
    }
}
