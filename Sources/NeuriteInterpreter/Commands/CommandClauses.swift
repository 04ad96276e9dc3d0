import NeuriteLanguage

/// The clauses of a command, checked against those it accepts: `on d`, `with epochs: 10, lr: 0.1`.
struct CommandClauses {
    let command: Command
    private var byKeyword: [String: Clause] = [:]

    /// The unlabelled arguments before the clauses.
    private(set) var positional: [Argument] = []

    /// Fails on a clause the command does not take, or one given twice.
    ///
    /// The call form `train(m, on: d, epochs: 5)` has no clauses: there a labelled `on:` argument
    /// is the `on` clause and the other labelled arguments are the `with` options.
    init(_ command: Command, allowed: [String]) throws {
        self.command = command
        var clauses = command.clauses
        positional = command.arguments.filter { $0.label == nil }
        let labelled = command.arguments.filter { $0.label != nil }
        if !labelled.isEmpty {
            guard clauses.isEmpty else {
                let label = labelled[0].label?.name ?? ""
                throw RuntimeError(
                    "options go after 'with', not before the clauses", at: labelled[0].label?.span ?? command.name.span,
                    hint: "write '\(command.name.name) … with \(label): …'")
            }
            var options: [Argument] = []
            for argument in labelled {
                guard let label = argument.label else { continue }
                if label.name == "on" {
                    clauses.append(Clause(keyword: label, arguments: [Argument(value: argument.value)]))
                } else {
                    options.append(argument)
                }
            }
            if !options.isEmpty, let first = options[0].label {
                clauses.append(Clause(keyword: Identifier("with", span: first.span), arguments: options))
            }
        }
        for clause in clauses {
            let word = clause.keyword.name
            guard allowed.contains(word) else {
                let takes = allowed.isEmpty ? "no clauses" : allowed.map { "'\($0)'" }.joined(separator: ", ")
                throw RuntimeError("'\(command.name.name)' takes no '\(word)' clause", at: clause.keyword.span, hint: "it takes \(takes)")
            }
            guard byKeyword[word] == nil else {
                throw RuntimeError("'\(word)' is given twice", at: clause.keyword.span)
            }
            byKeyword[word] = clause
        }
    }

    func clause(_ keyword: String) -> Clause? { byKeyword[keyword] }

    /// The single unlabelled argument of clause `keyword` (nil when the clause is absent).
    func single(_ keyword: String) throws -> Expression? {
        guard let clause = byKeyword[keyword] else { return nil }
        guard clause.arguments.count == 1, let argument = clause.arguments.first, argument.label == nil else {
            throw RuntimeError("'\(keyword)' takes one value", at: clause.keyword.span)
        }
        return argument.value
    }

    /// The labelled options of the `with` clause, checked against `known` (did-you-mean for others).
    func options(known: [String]) throws -> [String: Argument] {
        guard let clause = byKeyword["with"] else { return [:] }
        var result: [String: Argument] = [:]
        for argument in clause.arguments {
            guard let label = argument.label else {
                throw RuntimeError(
                    "options after 'with' are named, e.g. 'with epochs: 10'", at: argument.value.span)
            }
            guard known.contains(label.name) else {
                let hint = Suggestion.nearest(to: label.name, among: known).map { "did you mean '\($0)'?" }
                    ?? (known.isEmpty ? "it takes no options" : "the options are \(known.joined(separator: ", "))")
                throw RuntimeError("'\(command.name.name)' has no option '\(label.name)'", at: label.span, hint: hint)
            }
            guard result[label.name] == nil else {
                throw RuntimeError("option '\(label.name)' is given twice", at: label.span)
            }
            result[label.name] = argument
        }
        return result
    }
}
