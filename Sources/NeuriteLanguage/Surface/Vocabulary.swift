/// The words a program may use where the grammar alone cannot tell right from wrong: each
/// command's clauses and options, and the layer words of model bodies with their options.
///
/// The parser knows only the shape of commands and layer lines; the interpreter declares what each
/// takes and hands it over as a `Vocabulary`, so that `dnese 8` on line 9 or `with optimzer: adam`
/// is an error before line 1 runs. ``open`` checks nothing.
public struct Vocabulary: Sendable {
    /// What one command or layer word takes.
    public struct Entry: Sendable {
        /// Clause words (`on`, `over`); `with` is always allowed when there are options.
        public var clauses: [String]
        /// Option names (`epochs`, `lr`).
        public var options: [String]
        /// Names from other tools mapped to this word's option (`learning_rate` → `lr`).
        public var otherNames: [String: String]

        public init(clauses: [String] = [], options: [String], otherNames: [String: String] = [:]) {
            self.clauses = clauses
            self.options = options
            self.otherNames = otherNames
        }
    }

    /// Command words and what each takes.
    public var commands: [String: Entry]
    /// Layer words (`input`, `dense`) and what each takes; empty: layer lines are not checked.
    public var layers: [String: Entry]

    public init(commands: [String: Entry], layers: [String: Entry]) {
        self.commands = commands
        self.layers = layers
    }

    /// Checks nothing beyond the grammar.
    public static let open = Vocabulary(commands: [:], layers: [:])
}

/// The messages about words a ``Vocabulary`` does not know, shared by the parse-time check and the
/// interpreter (which meets the same mistakes in values it builds at run time).
public enum SurfaceDiagnostics {
    /// `'train' has no option 'optimzer'` with a hint: did you mean, the name used here for a name
    /// from another tool, or the list of options.
    public static func unknownOption(_ name: String, of word: String, entry: Vocabulary.Entry) -> (message: String, hint: String?) {
        let message = "'\(word)' has no option '\(name)'"
        if let meant = entry.otherNames[name] {
            return (message, "'\(meant)' is the option for that here: \(meant): …")
        }
        if let near = Suggestion.nearest(to: name, among: entry.options) {
            return (message, "did you mean '\(near)'?")
        }
        if name == "verbose" || name == "verbosity" {
            return (message, "there is no verbosity setting: progress shows while training on a terminal, and the results table after it")
        }
        if entry.options.isEmpty { return (message, "it takes no options") }
        return (message, "its options are " + entry.options.joined(separator: ", "))
    }

    /// `unknown layer 'dnese'` with did-you-mean or the list of layer words.
    public static func unknownLayer(_ name: String, among words: [String]) -> (message: String, hint: String) {
        let hint = Suggestion.nearest(to: name, among: words).map { "did you mean '\($0)'?" }
            ?? "layers are \(words.joined(separator: ", ")), and repeat N { … }"
        return ("unknown layer '\(name)'", hint)
    }

    /// `'plot' takes no 'on' clause` with the clauses it does take.
    public static func unexpectedClause(_ clause: String, of word: String, takes: [String]) -> (message: String, hint: String?) {
        ("'\(word)' takes no '\(clause)' clause", takes.isEmpty ? nil : "it takes " + takes.map { "'\($0)'" }.joined(separator: ", "))
    }
}
