import NeuriteEngine
import NeuriteLanguage
import NeuriteNumerics

/// Turns a language function used as a layer activation into the engine's activation:
/// a built-in activation directly, a user function `fn act(x) = …` by lowering its body to a
/// ``ScalarExpression`` that the engine compiles for whole batches.
///
/// What lowers: the parameter, numbers (literals and names bound to numbers), `+ - * / ^`,
/// unary minus, calls of math functions, activations, `pow`, `min`, `max`, `clamp` and other user
/// functions (inlined), `if a < b then … else …` (any comparison), and blocks of `let`s ending in
/// an expression. Anything else is an error pointing at the part that cannot be lowered.
struct ActivationLowering {
    let evaluator: Evaluator
    /// Deepest inlining of user functions (recursion cannot be lowered).
    static let maximumInlining = 32

    /// The engine activation for a function value; `span` is where it was used.
    func activation(for function: FunctionValue, span: Span) throws -> ActivationFunction {
        switch function {
        case .builtin(let builtin):
            if let activation = Activation.named(builtin.name) { return .builtin(activation) }
            if let math = MathFunction.named(builtin.name) {
                return .custom(UserActivation(name: builtin.name, expression: .unary(math, .input)))
            }
            throw RuntimeError(
                .notLayerActivation(name: builtin.name), at: span,
                hint: "use an activation such as relu, or a one-argument fn")
        case .user(let user):
            guard user.parameters.count >= 1, user.requiredParameterCount <= 1 else {
                throw RuntimeError(
                    .activationArity(function: user.name ?? "fn", parameterCount: user.parameters.count),
                    at: span)
            }
            var environment: [String: ScalarExpression] = [user.parameters[0].name.name: .input]
            for parameter in user.parameters.dropFirst() {
                guard let defaultValue = parameter.defaultValue else { continue }
                environment[parameter.name.name] = try lower(
                    defaultValue, environment: environment, closure: user.closure, depth: 0)
            }
            let expression = try Self.inFile(user.file) {
                try lower(user.body, environment: environment, closure: user.closure, depth: 0)
            }
            return .custom(UserActivation(name: user.name ?? "fn", expression: expression))
        case .derivative:
            throw RuntimeError(
                .derivativeAsActivation(function: function.displayName), at: span,
                hint: "write it as a function: fn act(x) = …")
        }
    }

    private func lower(
        _ expression: Expression, environment: [String: ScalarExpression], closure: Scope, depth: Int
    ) throws -> ScalarExpression {
        func sub(_ e: Expression) throws -> ScalarExpression {
            try lower(e, environment: environment, closure: closure, depth: depth)
        }
        switch expression.kind {
        case .number(let x): return .constant(x)
        case .identifier(let name):
            if let bound = environment[name] { return bound }
            switch closure.lookup(name) {
            case .number(let x)?: return .constant(x)
            case let value?:
                throw cannotLower("'\(name)' is a \(value.typeName)", expression.span)
            case nil:
                throw RuntimeError(.unknownName(name: name), at: expression.span)
            }
        case .unary(.negate, let operand): return .negate(try sub(operand))
        case .unary(.plus, let operand): return try sub(operand)
        case .binary(let op, let lhs, let rhs):
            let a = try sub(lhs), b = try sub(rhs)
            switch op {
            case .add: return .add(a, b)
            case .subtract: return .subtract(a, b)
            case .multiply: return .multiply(a, b)
            case .divide: return .divide(a, b)
            case .power: return .power(a, b)
            default: throw cannotLower("the operator '\(op.rawValue)'", expression.span)
            }
        case .conditional(let condition, let thenBranch, let elseBranch):
            guard case .binary(let op, let lhs, let rhs) = condition.kind, let comparison = Self.comparison(op) else {
                throw cannotLower("a condition other than one comparison", condition.span)
            }
            return .select(
                condition: comparison, lhs: try sub(lhs), rhs: try sub(rhs), then: try sub(thenBranch),
                else: try sub(elseBranch))
        case .block(let statements):
            var inner = environment
            var result: ScalarExpression?
            for statement in statements {
                switch statement.kind {
                case .binding(.let, let name, let value):
                    inner[name.name] = try lower(value, environment: inner, closure: closure, depth: depth)
                    result = nil
                case .expression(let value):
                    result = try lower(value, environment: inner, closure: closure, depth: depth)
                default:
                    throw cannotLower("this statement", statement.span)
                }
            }
            guard let result else { throw cannotLower("a block that does not end in an expression", expression.span) }
            return result
        case .call(let callee, let arguments):
            return try lowerCall(callee, arguments, span: expression.span, environment: environment, closure: closure, depth: depth)
        default:
            throw cannotLower("this expression", expression.span)
        }
    }

    private func lowerCall(
        _ callee: Expression, _ arguments: [Argument], span: Span, environment: [String: ScalarExpression],
        closure: Scope, depth: Int
    ) throws -> ScalarExpression {
        guard case .identifier(let name) = callee.kind, environment[name] == nil else {
            throw cannotLower("a call of a computed function", callee.span)
        }
        guard case .function(let function)? = closure.lookup(name) else {
            throw cannotLower("'\(name)' is not a function", callee.span)
        }
        if arguments.contains(where: { $0.label != nil }) {
            throw cannotLower("labelled arguments", span)
        }
        let lowered = try arguments.map {
            try lower($0.value, environment: environment, closure: closure, depth: depth)
        }
        func expect(_ count: Int) throws {
            guard lowered.count == count else {
                throw RuntimeError(.activationCallArity(function: name, takes: count, given: lowered.count), at: span)
            }
        }
        switch function {
        case .builtin(let builtin):
            if let activation = Activation.named(builtin.name), activation != .softmax {
                try expect(1)
                return .activation(activation, lowered[0])
            }
            if let math = MathFunction.named(builtin.name) {
                try expect(1)
                return .unary(math, lowered[0])
            }
            switch builtin.name {
            case "pow":
                try expect(2)
                return .power(lowered[0], lowered[1])
            case "max", "min":
                try expect(2)
                let a = lowered[0], b = lowered[1]
                return .select(condition: builtin.name == "max" ? .greaterOrEqual : .lessOrEqual, lhs: a, rhs: b, then: a, else: b)
            case "clamp":
                try expect(3)
                let (x, low, high) = (lowered[0], lowered[1], lowered[2])
                let lower = ScalarExpression.select(condition: .less, lhs: x, rhs: low, then: low, else: x)
                return .select(condition: .greater, lhs: lower, rhs: high, then: high, else: lower)
            default:
                throw cannotLower("the built-in '\(builtin.name)'", callee.span)
            }
        case .user(let user):
            guard depth < Self.maximumInlining else {
                throw cannotLower("recursion ('\(name)' calls itself too deeply)", callee.span)
            }
            guard lowered.count <= user.parameters.count, lowered.count >= user.requiredParameterCount else {
                throw RuntimeError(.userFunctionCallArity(function: name, takes: user.parameters.count, given: lowered.count), at: span)
            }
            var inner: [String: ScalarExpression] = [:]
            for (index, parameter) in user.parameters.enumerated() {
                if index < lowered.count {
                    inner[parameter.name.name] = lowered[index]
                } else if let defaultValue = parameter.defaultValue {
                    inner[parameter.name.name] = try lower(defaultValue, environment: inner, closure: user.closure, depth: depth + 1)
                }
            }
            return try Self.inFile(user.file) {
                try lower(user.body, environment: inner, closure: user.closure, depth: depth + 1)
            }
        case .derivative:
            throw cannotLower("a derivative ('\(function.displayName)')", callee.span)
        }
    }

    /// Runs `body`; an error from it points into `file` (the function's source).
    private static func inFile<T>(_ file: SourceFile, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var error as RuntimeError where error.file == nil {
            error.file = file
            throw error
        }
    }

    private static func comparison(_ op: BinaryOperator) -> Comparison? {
        switch op {
        case .less: return .less
        case .lessEqual: return .lessOrEqual
        case .greater: return .greater
        case .greaterEqual: return .greaterOrEqual
        case .equal: return .equal
        case .notEqual: return .notEqual
        default: return nil
        }
    }

    private func cannotLower(_ what: String, _ span: Span) -> RuntimeError {
        RuntimeError(
            .notInActivation(what: what), at: span,
            hint: "an activation may use its argument, numbers, + - * / ^, math functions, activations, min/max/clamp and if/then/else")
    }
}
