import NeuriteLanguage

/// A clause word a command may take, and what its one value is.
enum ClauseWord: String, Sendable, CaseIterable {
    /// `on d`: the data.
    case on
    /// `over -5..5`: a range or x values.
    case over
    /// `to "net.safetensors"`: a file to write.
    case to
    /// `into m`: a model to load weights into.
    case into
}

/// A positional part of a command or layer line, for `:help` and the reference: `m` (a model), `d…`.
struct PartSpec: Sendable, Equatable {
    /// The placeholder: `m`, `f`, `UNITS`.
    let name: String
    /// What it is: `a model`, `functions, vectors or runs`.
    let summary: String
    /// True when several may be written, separated by commas.
    var repeats = false
    /// True when it may be left out.
    var optional = false
}

/// A command's whole surface, declared once: its positional parts, clauses and options, with the
/// `:help` text, the reference in `Docs/`, parse-time checks and Tab completion all derived from it.
struct CommandSignature: Sendable {
    let word: CommandWord
    /// The forms, e.g. `train m on d with …`, `train a, b, c on d with …`.
    let usage: [String]
    let summary: String
    let parts: [PartSpec]
    /// The clauses it takes, with what each names.
    let clauses: [(word: ClauseWord, summary: String)]
    let options: [OptionSpec]
    /// Neurite source that shows it at work; a test runs it in a fresh session.
    let example: String

    /// A command that draws shows its result itself: its value (`let t = dead m on d`) is not
    /// echoed again when the command stands alone as a statement.
    var draws: Bool { options.contains(DrawingOptions.width.spec) }

    func option(named name: String) -> OptionSpec? { options.first { $0.name == name } }

    /// `:help WORD`.
    var helpText: String {
        var text = "\(word.rawValue)  [command]\n  \(summary)\n"
        text += usage.map { "  usage: \($0)\n" }.joined()
        if !clauses.isEmpty {
            text += "  clauses:\n" + clauses.map { "    \($0.word.rawValue) …  \($0.summary)\n" }.joined()
        }
        if !options.isEmpty { text += "  options:\n" + options.map { "    \($0.helpLine)\n" }.joined() }
        text += "  example:\n" + example.split(separator: "\n").map { "    \($0)\n" }.joined()
        return text
    }
}
