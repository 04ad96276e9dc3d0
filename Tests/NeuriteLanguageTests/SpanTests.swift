import Testing
import NeuriteLanguage

/// Every node's span lies inside its parent's, and inside its statement's.
struct SpanTests {
    static let programs = [
        "let runs = train deep(sigmoid), deep(relu) on ring with epochs: 100, lr: 0.03",
        "model deep(act, n = 2) { input 2; repeat n { dense 8, act }; dense 1, sigmoid }",
        "fn g(x) {\n  let y = x + 1\n  y * 2\n}\n[x for x in 1..10 if x % 2 == 0]",
        "plot relu, relu', swish over -5..5 step 0.1\nif x > 0 then x else \"neg\\n\"",
        "let e = mean((predict(m, x) - y)^2)\nplot(f) over 0..1\nrun.loss[0]' + -2^2",
        "let f = fn(x) = x * x\n{ let a = [[1, 2], [3, 4]]; a[1][0] }\nnot a and b or c",
    ]

    @Test(arguments: programs)
    func childSpansNestInParentSpans(source: String) throws {
        let result = Parser.parse(SourceFile(name: "t", text: source))
        try #require(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        for statement in result.program.statements {
            check(statement, within: Span(start: 0, end: source.utf8.count))
        }
    }

    func check(_ inner: Span, within outer: Span, _ what: String) {
        #expect(outer.start <= inner.start && inner.end <= outer.end, "\(what) \(inner) outside \(outer)")
    }

    func check(_ statement: Statement, within outer: Span) {
        check(statement.span, within: outer, "statement")
        let span = statement.span
        switch statement.kind {
        case .expression(let expression):
            check(expression, within: span)
        case .binding(_, let name, let value):
            check(name.span, within: span, "name")
            check(value, within: span)
        case .function(let declaration):
            check(declaration.name.span, within: span, "function name")
            for parameter in declaration.parameters {
                check(parameter.name.span, within: span, "parameter")
                if let value = parameter.defaultValue { check(value, within: span) }
            }
            check(declaration.body, within: span)
        case let .assignment(target, value):
            check(target, within: span)
            check(value, within: span)
        case .model(let declaration):
            for item in declaration.body { check(item, within: span) }
        }
    }

    func check(_ item: LayerItem, within outer: Span) {
        switch item {
        case .layer(let name, let arguments, let span):
            check(span, within: outer, "layer")
            check(name.span, within: span, "layer name")
            for argument in arguments { check(argument.value, within: span) }
        case .repetition(let count, let body, let span):
            check(span, within: outer, "repeat")
            check(count, within: span)
            for inner in body { check(inner, within: span) }
        }
    }

    func check(_ expression: Expression, within outer: Span) {
        check(expression.span, within: outer, "expression")
        let span = expression.span
        var children: [Expression] = []
        switch expression.kind {
        case .number, .string, .boolean, .identifier: break
        case .vector(let elements): children = elements
        case .comprehension(let element, _, let sequence, let condition):
            children = [element, sequence] + (condition.map { [$0] } ?? [])
        case .range(let start, let end, let step): children = [start, end] + (step.map { [$0] } ?? [])
        case .unary(_, let operand): children = [operand]
        case .binary(_, let left, let right): children = [left, right]
        case .call(let callee, let arguments): children = [callee] + arguments.map(\.value)
        case .derivative(let function, _): children = [function]
        case .index(let base, let index): children = [base, index]
        case .member(let base, let member):
            children = [base]
            check(member.span, within: span, "member")
        case .conditional(let condition, let thenBranch, let elseBranch):
            children = [condition, thenBranch, elseBranch]
        case .block(let statements):
            for statement in statements { check(statement, within: span) }
        case .lambda(let parameters, let body):
            children = [body] + parameters.compactMap(\.defaultValue)
        case .command(let command):
            check(command.name.span, within: span, "command name")
            children = command.arguments.map(\.value) + command.clauses.flatMap { $0.arguments.map(\.value) }
            for clause in command.clauses { check(clause.keyword.span, within: span, "clause") }
        }
        for child in children { check(child, within: span) }
    }
}
