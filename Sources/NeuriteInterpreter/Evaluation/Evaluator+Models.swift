import NeuriteLanguage

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

    /// `deep(relu)`: a fresh untrained model, labelled with the call as written.
    func construct(
        _ constructor: ModelConstructor, _ arguments: [EvaluatedArgument], span: Span
    ) throws -> Value {
        let declaration = constructor.declaration
        let parameters = declaration.parameters
        let slots = try bind(
            arguments, to: parameters.map(\.name.name), hasDefault: parameters.map { $0.defaultValue != nil },
            variadic: false, functionName: constructor.name, span: span)
        guard callDepth < maximumCallDepth else {
            throw RuntimeError("recursion too deep (limit \(maximumCallDepth)) in '\(constructor.name)'", at: span)
        }
        callDepth += 1
        let callerFile = currentFile
        currentFile = constructor.file
        defer {
            callDepth -= 1
            currentFile = callerFile
        }
        let label = Self.label(of: span, in: callerFile, fallback: constructor.name)
        do {
            let frame = Scope(parent: constructor.closure)
            for (index, parameter) in parameters.enumerated() {
                if let value = slots.values[index] {
                    frame.define(parameter.name.name, value)
                } else if let defaultValue = parameter.defaultValue {
                    frame.define(parameter.name.name, try evaluate(defaultValue, in: frame))
                }
            }
            return .model(try ModelBuilder.build(
                declaration.body, label: label, declarationSpan: declaration.name.span, evaluator: self, scope: frame))
        } catch var error as RuntimeError where error.file == nil {
            error.file = constructor.file
            let location = callerFile.location(of: span.start)
            error.notes.append("in model '\(constructor.name)', made at \(callerFile.name):\(location.line):\(location.column)")
            throw error
        }
    }

    /// The source text at `span`, with runs of white space made single spaces (a model's label).
    static func label(of span: Span, in file: SourceFile, fallback: String) -> String {
        guard span.start >= 0, span.end <= file.utf8.count, span.start < span.end else { return fallback }
        let text = String(decoding: file.utf8[span.start..<span.end], as: UTF8.self)
        let words = text.split(whereSeparator: { $0.isWhitespace })
        return words.isEmpty ? fallback : words.joined(separator: " ")
    }
}
