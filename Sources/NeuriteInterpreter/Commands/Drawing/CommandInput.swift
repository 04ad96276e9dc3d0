import NeuriteLanguage

/// A drawing command's source, sorted: positional arguments, the `over` and `on` clauses, and the
/// `with` options, checked against the options the command knows (unknown ones get did-you-mean).
struct CommandInput {
    let command: Command
    let span: Span
    let context: CommandContext
    /// Positional arguments (after the command word).
    let arguments: [Argument]
    /// The `over` clause's expression, if any.
    let over: Expression?
    /// The `on` clause's expression, if any.
    let on: Expression?
    /// `with` options by name.
    let options: [String: Argument]

    /// Reads `command`; `allowed` lists its option names, `clauses` the clause words it takes.
    init(_ command: Command, span: Span, context: CommandContext, allowed: [String],
         clauses: Set<String> = []) throws {
        self.command = command
        self.span = span
        self.context = context
        let word = command.name.name
        var positional: [Argument] = []
        var options: [String: Argument] = [:]
        for argument in command.arguments {
            if let label = argument.label {
                try Self.addOption(label, argument, to: &options, allowed: allowed, command: word)
            } else {
                positional.append(argument)
            }
        }
        var over: Expression?, on: Expression?
        for clause in command.clauses {
            let keyword = clause.keyword.name
            if keyword == "with" {
                for argument in clause.arguments {
                    guard let label = argument.label else {
                        throw RuntimeError(
                            "options after 'with' are named, e.g. 'with width: 60'", at: argument.value.span)
                    }
                    try Self.addOption(label, argument, to: &options, allowed: allowed, command: word)
                }
                continue
            }
            guard clauses.contains(keyword) else {
                throw RuntimeError(
                    "'\(word)' takes no '\(keyword)' clause", at: clause.keyword.span,
                    hint: clauses.isEmpty ? nil : "it takes " + clauses.sorted().map { "'\($0)'" }.joined(separator: ", "))
            }
            guard clause.arguments.count == 1, clause.arguments[0].label == nil else {
                let labelled = clause.arguments.contains { $0.label != nil }
                throw RuntimeError(
                    "'\(keyword)' takes one value here", at: clause.keyword.span,
                    hint: labelled ? "write the clause before 'with': \(word) … \(keyword) d with …" : nil)
            }
            guard (keyword == "over" ? over : on) == nil else {
                throw RuntimeError("'\(keyword)' is given twice", at: clause.keyword.span)
            }
            if keyword == "over" { over = clause.arguments[0].value } else { on = clause.arguments[0].value }
        }
        arguments = positional
        self.over = over
        self.on = on
        self.options = options
    }

    private static func addOption(
        _ label: Identifier, _ argument: Argument, to options: inout [String: Argument], allowed: [String],
        command: String
    ) throws {
        guard allowed.contains(label.name) else {
            let hint = Suggestion.nearest(to: label.name, among: allowed).map { "did you mean '\($0)'?" }
                ?? (allowed.isEmpty ? nil : "'\(command)' takes " + allowed.joined(separator: ", "))
            throw RuntimeError("'\(command)' has no option '\(label.name)'", at: label.span, hint: hint)
        }
        guard options[label.name] == nil else {
            throw RuntimeError("option '\(label.name)' is given twice", at: label.span)
        }
        options[label.name] = argument
    }

    var word: String { command.name.name }

    func evaluate(_ expression: Expression) throws -> Value { try context.evaluate(expression) }

    /// The source text of `expression` as written (used to name series: `relu'`, `fn(x) = x^2`).
    func text(of expression: Expression) -> String {
        let bytes = context.evaluator.currentFile.utf8
        let span = expression.span
        guard span.start >= 0, span.end <= bytes.count, span.start < span.end else { return "?" }
        return String(decoding: bytes[span.start..<span.end], as: UTF8.self)
    }

    // MARK: - Options

    /// Option `name` as a number, if given.
    func number(_ name: String) throws -> Double? {
        guard let argument = options[name] else { return nil }
        let value = try evaluate(argument.value)
        guard case .number(let x) = value else {
            throw RuntimeError("option '\(name)' needs a number, got \(value.typeName)", at: argument.value.span)
        }
        return x
    }

    /// Option `name` as a whole number in `range`, if given.
    func count(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let x = try number(name) else { return nil }
        guard x == x.rounded(), x >= Double(range.lowerBound), x <= Double(range.upperBound) else {
            throw RuntimeError(
                "option '\(name)' needs a whole number from \(range.lowerBound) to \(range.upperBound), got \(ValueFormatter.plain.describe(.number(x)))",
                at: options[name]?.value.span ?? span)
        }
        return Int(x)
    }

    /// Option `name` as a boolean, if given.
    func flag(_ name: String) throws -> Bool? {
        guard let argument = options[name] else { return nil }
        let value = try evaluate(argument.value)
        guard case .boolean(let flag) = value else {
            throw RuntimeError("option '\(name)' needs true or false, got \(value.typeName)", at: argument.value.span)
        }
        return flag
    }

    /// Option `name` as a string, if given.
    func string(_ name: String) throws -> String? {
        guard let argument = options[name] else { return nil }
        let value = try evaluate(argument.value)
        guard case .string(let text) = value else {
            throw RuntimeError("option '\(name)' needs a string, got \(value.typeName)", at: argument.value.span)
        }
        return text
    }

    /// Option `name` as one of `words`, written bare (`canvas: ascii`) or as a string.
    func word(_ name: String, among words: [String]) throws -> String? {
        guard let argument = options[name] else { return nil }
        let written: String
        if case .identifier(let identifier) = argument.value.kind, words.contains(identifier) {
            written = identifier
        } else if case .identifier(let identifier) = argument.value.kind,
            context.scope.lookup(identifier) == nil
        {
            written = identifier
        } else if case .string(let text) = try evaluate(argument.value) {
            written = text
        } else {
            written = text(of: argument.value)
        }
        guard words.contains(written) else {
            let hint = Suggestion.nearest(to: written, among: words).map { "did you mean '\($0)'?" }
                ?? "one of " + words.joined(separator: ", ")
            throw RuntimeError("option '\(name)' has no value '\(written)'", at: argument.value.span, hint: hint)
        }
        return written
    }

    /// Option `name` as text labels: a list literal of strings or numbers (`["a", "b", 3]`), or a vector.
    func labels(_ name: String) throws -> [String]? {
        guard let argument = options[name] else { return nil }
        if case .vector(let elements) = argument.value.kind {
            return try elements.map { element in
                switch try evaluate(element) {
                case .string(let text): return text
                case .number(let x): return ValueFormatter.plain.describe(.number(x))
                case let other:
                    throw RuntimeError("a label must be a string or a number, got \(other.typeName)", at: element.span)
                }
            }
        }
        switch try evaluate(argument.value) {
        case .vector(let values): return values.map { ValueFormatter.plain.describe(.number($0)) }
        case .string(let text): return [text]
        case let other:
            throw RuntimeError(
                "option '\(name)' needs a list of labels such as [\"a\", \"b\"], got \(other.typeName)",
                at: argument.value.span)
        }
    }

    /// Throws when positional arguments are missing.
    func requireArguments(_ usage: String) throws {
        guard !arguments.isEmpty else {
            throw RuntimeError("'\(word)' needs something to draw", at: command.name.span, hint: "e.g. \(usage)")
        }
    }
}
