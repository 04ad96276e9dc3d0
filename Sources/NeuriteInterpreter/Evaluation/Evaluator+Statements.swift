import NeuriteLanguage

extension Evaluator {
    /// Runs one statement; the result is the value to echo (``Value/nothing`` for definitions).
    func execute(_ statement: Statement, in scope: Scope) throws -> Value {
        switch statement.kind {
        case .expression(let expression):
            return try evaluate(expression, in: scope)
        case .binding(.let, let name, let valueExpression):
            scope.define(name.name, try evaluate(valueExpression, in: scope))
            return .nothing
        case .binding(.data, let name, let valueExpression):
            let value = try evaluate(valueExpression, in: scope)
            guard case .dataset(var data) = value else {
                throw RuntimeError(
                    .dataNeedsDataset(name: name.name, typeName: value.typeName), at: valueExpression.span,
                    hint: "make one with circle(), csv(\"file.csv\", label: \"y\"), dataset(\"iris\"), …; use 'let' for other values")
            }
            data.label = name.name
            scope.define(name.name, .dataset(data))
            return .nothing
        case .function(let declaration):
            let function = UserFunction(
                name: declaration.name.name, parameters: declaration.parameters,
                body: declaration.body, span: declaration.span, file: currentFile,
                closure: scope)
            scope.define(declaration.name.name, .function(.user(function)))
            return .nothing
        case .model(let declaration):
            try declareModel(declaration, in: scope)
            return .nothing
        case let .assignment(target, value):
            try assign(target, value, in: scope)
            return .nothing
        }
    }

    /// `{ s1; s2; e }`: the value of the last statement if it is an expression, else nothing.
    func executeBlock(_ statements: [Statement], in scope: Scope) throws -> Value {
        var last: Value = .nothing
        for statement in statements {
            try checkInterrupt()
            last = try execute(statement, in: scope)
        }
        return last
    }
}
