import NeuriteLanguage

/// A compact S-expression rendering of the AST, so tests can state trees in one line:
/// `(+ 1 (* 2 3))`, `(call f 2 a:3)`, `(' f)`, `(.. 1 5 0.5)`, `(let x 3)`.
enum SExpression {
    static func render(_ program: Program) -> String {
        program.statements.map(render).joined(separator: "; ")
    }

    static func render(_ statement: Statement) -> String {
        switch statement.kind {
        case .expression(let expression):
            return render(expression)
        case .binding(let kind, let name, let value):
            return "(\(kind.rawValue) \(name.name) \(render(value)))"
        case .function(let declaration):
            return "(fn \(declaration.name.name) \(render(declaration.parameters)) \(render(declaration.body)))"
        case .model(let declaration):
            let items = declaration.body.map(render).joined(separator: " ")
            return "(model \(declaration.name.name) \(render(declaration.parameters)) \(items))"
        case let .assignment(target, value):
            return "(set \(render(target)) \(render(value)))"
        }
    }

    static func render(_ item: LayerItem) -> String {
        switch item {
        case .layer(let name, let arguments, _):
            return "(" + ([name.name] + arguments.map(render)).joined(separator: " ") + ")"
        case .repetition(let count, let body, _):
            return "(repeat \(render(count)) " + body.map(render).joined(separator: " ") + ")"
        }
    }

    static func render(_ parameters: [Parameter]) -> String {
        "(" + parameters.map { parameter in
            parameter.defaultValue.map { "\(parameter.name.name)=\(render($0))" } ?? parameter.name.name
        }.joined(separator: " ") + ")"
    }

    static func render(_ argument: Argument) -> String {
        (argument.label.map { $0.name + ":" } ?? "") + render(argument.value)
    }

    static func render(_ expression: Expression) -> String {
        switch expression.kind {
        case .number(let value):
            return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .string(let value):
            return value.debugDescription
        case .boolean(let value):
            return String(value)
        case .identifier(let name):
            return name
        case .vector(let elements):
            return "[" + elements.map(render).joined(separator: " ") + "]"
        case .comprehension(let element, let variable, let sequence, let condition):
            let filter = condition.map { " if " + render($0) } ?? ""
            return "(for \(render(element)) \(variable.name) \(render(sequence))\(filter))"
        case .range(let start, let end, let step):
            return "(.. \(render(start)) \(render(end))" + (step.map { " " + render($0) } ?? "") + ")"
        case .unary(let op, let operand):
            let name = switch op {
            case .negate: "neg"
            case .plus: "pos"
            case .not: "not"
            }
            return "(\(name) \(render(operand)))"
        case .binary(let op, let left, let right):
            return "(\(op.rawValue) \(render(left)) \(render(right)))"
        case .call(let callee, let arguments):
            return "(call " + ([render(callee)] + arguments.map(render)).joined(separator: " ") + ")"
        case .derivative(let function, let order):
            return "(\(String(repeating: "'", count: order)) \(render(function)))"
        case .index(let base, let index):
            return "(index \(render(base)) \(render(index)))"
        case .member(let base, let member):
            return "(. \(render(base)) \(member.name))"
        case .conditional(let condition, let thenBranch, let elseBranch):
            return "(if \(render(condition)) \(render(thenBranch)) \(render(elseBranch)))"
        case .block(let statements):
            return "{" + statements.map(render).joined(separator: "; ") + "}"
        case .lambda(let parameters, let body):
            return "(lambda \(render(parameters)) \(render(body)))"
        case .command(let command):
            var parts = [command.name.name] + command.arguments.map(render)
            for clause in command.clauses {
                parts.append("(" + ([clause.keyword.name] + clause.arguments.map(render)).joined(separator: " ") + ")")
            }
            return "(" + parts.joined(separator: " ") + ")"
        }
    }
}
