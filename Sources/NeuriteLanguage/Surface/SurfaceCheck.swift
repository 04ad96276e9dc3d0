/// Checks a parsed program against a ``Vocabulary``: layer words and their options in model bodies,
/// and the clauses and options of commands, wherever they appear (in functions, blocks, lambdas).
/// Runs after parsing, before anything is evaluated, so a misspelt word on the last line stops the
/// whole script before its first line runs.
struct SurfaceCheck {
    let vocabulary: Vocabulary
    private(set) var diagnostics: [Diagnostic] = []

    init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
    }

    mutating func check(_ program: Program) {
        for statement in program.statements { check(statement) }
    }

    private mutating func check(_ statement: Statement) {
        switch statement.kind {
        case .expression(let expression): check(expression)
        case .binding(_, _, let value): check(value)
        case let .assignment(target, value):
            check(target)
            check(value)
        case .function(let declaration):
            for parameter in declaration.parameters { parameter.defaultValue.map { check($0) } }
            check(declaration.body)
        case .model(let declaration):
            for parameter in declaration.parameters { parameter.defaultValue.map { check($0) } }
            check(declaration.body)
        }
    }

    private mutating func check(_ items: [LayerItem]) {
        for item in items {
            switch item {
            case let .layer(name, arguments, _):
                for argument in arguments { check(argument.value) }
                guard !vocabulary.layers.isEmpty else { continue }
                guard let entry = vocabulary.layers[name.name] else {
                    let problem = SurfaceDiagnostics.unknownLayer(name.name, among: vocabulary.layers.keys.sorted())
                    report(problem.message, at: name.span, hint: problem.hint)
                    continue
                }
                checkOptions(arguments.compactMap(\.label), of: name.name, entry: entry)
            case let .repetition(count, body, _):
                check(count)
                check(body)
            }
        }
    }

    private mutating func check(_ command: Command) {
        for argument in command.arguments { check(argument.value) }
        for clause in command.clauses { for argument in clause.arguments { check(argument.value) } }
        guard let entry = vocabulary.commands[command.name.name] else { return }
        var options: [Identifier] = []
        // The call form (`train(m, on: d, epochs: 2)`): labelled arguments are clauses or options.
        if command.clauses.isEmpty {
            options = command.arguments.compactMap(\.label).filter { !entry.clauses.contains($0.name) }
        }
        for clause in command.clauses {
            let word = clause.keyword.name
            if word == "with" {
                options += clause.arguments.compactMap(\.label)
            } else if !entry.clauses.contains(word) {
                let problem = SurfaceDiagnostics.unexpectedClause(word, of: command.name.name, takes: entry.clauses)
                report(problem.message, at: clause.keyword.span, hint: problem.hint)
            }
        }
        checkOptions(options, of: command.name.name, entry: entry)
    }

    private mutating func checkOptions(_ labels: [Identifier], of word: String, entry: Vocabulary.Entry) {
        for label in labels where !entry.options.contains(label.name) {
            let problem = SurfaceDiagnostics.unknownOption(label.name, of: word, entry: entry)
            report(problem.message, at: label.span, hint: problem.hint)
        }
    }

    /// Walks `expression` with an explicit stack: operator chains nest the tree up to
    /// ``Parser/maximumChainLength`` deep, more than a recursive walk may take on a small stack.
    private mutating func check(_ expression: Expression) {
        var pending = [expression]
        while let next = pending.popLast() {
            switch next.kind {
            case .number, .string, .boolean, .identifier: break
            case .vector(let elements): pending += elements
            case let .comprehension(element, _, sequence, condition):
                pending += [element, sequence] + (condition.map { [$0] } ?? [])
            case let .range(start, end, step): pending += [start, end] + (step.map { [$0] } ?? [])
            case .unary(_, let operand): pending.append(operand)
            case let .binary(_, left, right): pending += [left, right]
            case let .call(callee, arguments): pending += [callee] + arguments.map(\.value)
            case .derivative(let function, _): pending.append(function)
            case let .index(base, index): pending += [base, index]
            case .member(let base, _): pending.append(base)
            case let .conditional(condition, then, otherwise): pending += [condition, then, otherwise]
            case .block(let statements): for statement in statements { check(statement) }
            case let .lambda(parameters, body): pending += parameters.compactMap(\.defaultValue) + [body]
            case .command(let command): check(command)
            }
        }
    }

    private mutating func report(_ message: String, at span: Span, hint: String?) {
        diagnostics.append(Diagnostic(.error, message, at: span, hint: hint))
    }
}
