import NeuriteLanguage

/// A command's source checked against its ``CommandSignature``: positional arguments, the clauses it
/// takes, and the `with` options, each option read through its declaration (``value(_:)``).
///
/// The call form `train(m, on: d, epochs: 5)` has no clauses: there a labelled `on:` (or `over:`)
/// argument is that clause and the other labelled arguments are the options.
struct CommandInput {
    let command: Command
    /// The whole command's span.
    let span: Span
    let context: CommandContext
    let signature: CommandSignature
    /// Positional arguments (after the command word).
    let arguments: [Argument]
    private let clauseValues: [ClauseWord: Expression]
    private var optionArguments: [String: Argument]

    init(_ command: Command, span: Span, context: CommandContext, signature: CommandSignature) throws {
        self.command = command
        self.span = span
        self.context = context
        self.signature = signature
        let word = command.name.name
        var positional: [Argument] = []
        var clauses = command.clauses
        var options: [Argument] = []
        for argument in command.arguments {
            guard let label = argument.label else {
                positional.append(argument)
                continue
            }
            guard command.clauses.isEmpty else {
                throw RuntimeError(
                    .optionsBeforeClauses, at: label.span,
                    hint: "write '\(word) … with \(label.name): …'")
            }
            if let clause = ClauseWord(rawValue: label.name), signature.clauses.contains(where: { $0.word == clause }) {
                clauses.append(Clause(keyword: label, arguments: [Argument(value: argument.value)]))
            } else {
                options.append(argument)
            }
        }
        var clauseValues: [ClauseWord: Expression] = [:]
        for clause in clauses {
            let keyword = clause.keyword.name
            if keyword == "with" {
                for argument in clause.arguments {
                    guard argument.label != nil else {
                        throw RuntimeError(
                            .unnamedOption(example: signature.options.first?.name ?? "width"),
                            at: argument.value.span)
                    }
                    options.append(argument)
                }
                continue
            }
            guard let clauseWord = ClauseWord(rawValue: keyword), signature.clauses.contains(where: { $0.word == clauseWord })
            else {
                let takes = signature.clauses.map { "'\($0.word.rawValue)'" }
                throw RuntimeError(
                    .noSuchClause(command: word, clause: keyword), at: clause.keyword.span,
                    hint: takes.isEmpty ? nil : "it takes " + takes.joined(separator: ", "))
            }
            guard clause.arguments.count == 1, clause.arguments[0].label == nil else {
                let labelled = clause.arguments.contains { $0.label != nil }
                throw RuntimeError(
                    .clauseTakesOneValue(clause: keyword), at: clause.keyword.span,
                    hint: labelled ? "write the clause before 'with': \(word) … \(keyword) d with …" : nil)
            }
            guard clauseValues[clauseWord] == nil else {
                throw RuntimeError(.clauseGivenTwice(clause: keyword), at: clause.keyword.span)
            }
            clauseValues[clauseWord] = clause.arguments[0].value
        }
        var optionArguments: [String: Argument] = [:]
        for argument in options {
            guard let label = argument.label else { continue }
            guard signature.option(named: label.name) != nil else {
                let problem = CommandSurface.unknownOption(label.name, of: word, among: signature.options)
                throw RuntimeError(.unknownOption(problem.message), at: label.span, hint: problem.hint)
            }
            guard optionArguments[label.name] == nil else {
                throw RuntimeError(.optionGivenTwice(option: label.name), at: label.span)
            }
            optionArguments[label.name] = argument
        }
        arguments = positional
        self.clauseValues = clauseValues
        self.optionArguments = optionArguments
    }

    var word: String { command.name.name }
    var over: Expression? { clauseValues[.over] }
    var on: Expression? { clauseValues[.on] }
    var to: Expression? { clauseValues[.to] }
    var into: Expression? { clauseValues[.into] }

    var reader: ValueReader { ValueReader(evaluator: context.evaluator, scope: context.scope) }

    func evaluate(_ expression: Expression) throws -> Value { try context.evaluate(expression) }

    /// The source text of `expression` as written (used to name series: `relu'`, `fn(x) = x^2`).
    func text(of expression: Expression) -> String { context.evaluator.sourceText(of: expression) }

    // MARK: - Options

    /// The option's value as written, or its default.
    func value<V>(_ option: Option<V>) throws -> V {
        guard let argument = optionArguments[option.name] else { return option.defaultValue }
        return try option.read(argument.value, reader)
    }

    /// True when the option was written.
    func isGiven<V>(_ option: Option<V>) -> Bool { optionArguments[option.name] != nil }

    /// Where the option's value was written (for errors found later), or the command's span.
    func span<V>(of option: Option<V>) -> Span { optionArguments[option.name]?.value.span ?? span }

    /// The same input with option `name` written as `expression` (one point of a sweep).
    func replacing(_ name: String, with expression: Expression) -> CommandInput {
        var copy = self
        copy.optionArguments[name] = Argument(label: Identifier(name, span: expression.span), value: expression)
        return copy
    }

    /// The written expression of the option named `name`, if given.
    func expression(named name: String) -> Expression? { optionArguments[name]?.value }

    /// Throws when positional arguments are missing.
    func requireArguments(_ usage: String) throws {
        guard !arguments.isEmpty else {
            throw RuntimeError(.nothingToDraw(command: word), at: command.name.span, hint: "e.g. \(usage)")
        }
    }
}
