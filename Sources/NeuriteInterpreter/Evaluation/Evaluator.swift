import NeuriteLanguage
import NeuriteNumerics

/// Walks the AST and computes values. One per session; holds the scopes, the call depth and the
/// interrupt flag. Expression kinds are handled here; calls, collections, statements and
/// differentiation live in extensions (one file each).
final class Evaluator {
    /// Built-ins and constants, below the globals.
    let builtinScope: Scope
    /// What the user defined at top level.
    let globals: Scope
    let interrupt: InterruptFlag
    let commands: CommandRegistry
    /// Where `print` writes (a line at a time, with its newline).
    let printLine: (String) -> Void
    /// Deepest allowed nesting of calls; deeper is "recursion too deep".
    let maximumCallDepth: Int
    /// The most elements a vector or matrix may have ("too large" beyond).
    let maximumElements: Int
    var callDepth = 0
    /// Where commands draw and report (plots, progress lines); set by the session.
    weak var output: (any OutputSink)?
    /// Terminal size and colour for commands that draw; set by the session.
    var sessionOptions = SessionOptions()
    /// The source being evaluated: the entry, or the file a called function was written in.
    var currentFile = SourceFile(name: "<none>", text: "")

    init(
        builtins: [Builtin], constants: [BuiltinConstant], interrupt: InterruptFlag,
        commands: CommandRegistry, maximumCallDepth: Int = 1000, maximumElements: Int = 10_000_000,
        printLine: @escaping (String) -> Void
    ) {
        builtinScope = Scope(parent: nil)
        for builtin in builtins { builtinScope.define(builtin.name, .function(.builtin(builtin))) }
        for constant in constants { builtinScope.define(constant.name, .number(constant.value)) }
        globals = Scope(parent: builtinScope)
        self.interrupt = interrupt
        self.commands = commands
        self.maximumCallDepth = maximumCallDepth
        self.maximumElements = maximumElements
        self.printLine = printLine
    }

    /// Stops the evaluation if Ctrl-C was pressed.
    @inline(__always) func checkInterrupt() throws {
        if interrupt.isRaised { throw Interruption() }
    }

    func evaluate(_ expression: Expression, in scope: Scope) throws -> Value {
        switch expression.kind {
        case .number(let number): return .number(number)
        case .string(let text): return .string(text)
        case .boolean(let flag): return .boolean(flag)
        case .identifier(let name): return try lookup(name, at: expression.span, in: scope)
        case .vector(let elements): return try evaluateVector(elements, in: scope)
        case .comprehension(let element, let variable, let sequence, let condition):
            return try evaluateComprehension(
                element: element, variable: variable, sequence: sequence, condition: condition,
                in: scope)
        case .range(let start, let end, let step):
            let range = try evaluateRange(start: start, end: end, step: step, in: scope)
            return .vector(try materialize(range, span: expression.span))
        case .unary(let op, let operand):
            return try evaluateUnary(op, operand, span: expression.span, in: scope)
        case .binary(let op, let lhs, let rhs):
            return try evaluateBinary(op, lhs, rhs, span: expression.span, in: scope)
        case .call(let callee, let arguments):
            return try evaluateCall(callee, arguments, span: expression.span, in: scope)
        case .derivative(let base, let order):
            let function = try evaluateFunction(base, in: scope, purpose: "take a derivative of")
            let derivative = function.differentiated(order: order)
            try checkDifferentiable(derivative, span: expression.span)
            return .function(derivative)
        case .index(let base, let index):
            return try evaluateIndex(base, index, in: scope)
        case .member(let base, let member):
            return try self.member(of: try evaluate(base, in: scope), member)
        case .conditional(let condition, let thenBranch, let elseBranch):
            let flag = try evaluateCondition(condition, in: scope)
            return try evaluate(flag ? thenBranch : elseBranch, in: scope)
        case .block(let statements):
            return try executeBlock(statements, in: Scope(parent: scope))
        case .lambda(let parameters, let body):
            return .function(
                .user(
                    UserFunction(
                        name: nil, parameters: parameters, body: body, span: expression.span,
                        file: currentFile, closure: scope)))
        case .command(let command):
            return try commands.run(command, span: expression.span, evaluator: self, scope: scope)
        }
    }

    func lookup(_ name: String, at span: Span, in scope: Scope) throws -> Value {
        if let value = scope.lookup(name) { return value }
        var hint = Suggestion.nearest(to: name, among: scope.visibleNames).map {
            "did you mean '\($0)'?"
        }
        if let meta = MetaCommand(rawValue: name) ?? (name == "exit" ? .quit : nil) {
            hint = "REPL commands start with a colon: :\(meta.rawValue)"  // `quit`, `help`, `vars`
        }
        if name == "range" || name == "arange" {
            hint = "a range is written a..b (both ends included): range(10) is 0..9, range(2, 10, 2) is 2..8 step 2"
        }
        throw RuntimeError(.unknownName(name: name), at: span, hint: hint)
    }

    func evaluateCondition(_ condition: Expression, in scope: Scope) throws -> Bool {
        let value = try evaluate(condition, in: scope)
        guard case .boolean(let flag) = value else {
            throw RuntimeError(
                .conditionNotBoolean(typeName: value.typeName), at: condition.span,
                hint: "compare it, e.g. 'x > 0'")
        }
        return flag
    }

    func evaluateFunction(_ expression: Expression, in scope: Scope, purpose: String) throws
        -> FunctionValue
    {
        let value = try evaluate(expression, in: scope)
        guard case .function(let function) = value else {
            throw RuntimeError(.notAFunction(purpose: purpose, typeName: value.typeName), at: expression.span)
        }
        return function
    }

    private func evaluateUnary(_ op: UnaryOperator, _ operand: Expression, span: Span, in scope: Scope)
        throws -> Value
    {
        let value = try evaluate(operand, in: scope)
        switch op {
        case .negate: return try Arithmetic.negate(value, span: span)
        case .plus:
            switch value {
            case .number, .jet, .vector, .matrix: return value
            default: throw RuntimeError(.unaryPlusNeedsNumber(typeName: value.typeName), at: span)
            }
        case .not:
            guard case .boolean(let flag) = value else {
                throw RuntimeError(.notNeedsBoolean(typeName: value.typeName), at: operand.span)
            }
            return .boolean(!flag)
        }
    }

    private func evaluateBinary(
        _ op: BinaryOperator, _ lhs: Expression, _ rhs: Expression, span: Span, in scope: Scope
    ) throws -> Value {
        if op == .and || op == .or {
            let left = try evaluateCondition(lhs, in: scope)
            if op == .and && !left { return .boolean(false) }
            if op == .or && left { return .boolean(true) }
            return .boolean(try evaluateCondition(rhs, in: scope))
        }
        let left = try evaluate(lhs, in: scope)
        let right = try evaluate(rhs, in: scope)
        return try Arithmetic.binary(op, left, right, span: span, lhsSpan: lhs.span, rhsSpan: rhs.span)
    }
}
