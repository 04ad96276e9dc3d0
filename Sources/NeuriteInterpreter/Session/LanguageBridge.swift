import NeuriteLanguage

/// The session's entry points into the language module: parsing, completeness, diagnostic
/// rendering and the reserved words. (The evaluator reads the AST types directly.)
enum LanguageBridge {
    static func parse(_ file: SourceFile) -> ParseResult { Parser.parse(file, vocabulary: CommandSurface.vocabulary) }

    static func isComplete(_ input: String) -> Bool { inputIsComplete(input) }

    /// The diagnostic with its line and caret, ending in a newline.
    static func format(_ diagnostic: Diagnostic, in file: SourceFile, color: Bool) -> String {
        DiagnosticFormatter(color: color).format(diagnostic, in: file) + "\n"
    }

    /// A diagnostic about no place in a source, on one line from `origin`, ending in a newline.
    static func format(_ diagnostic: Diagnostic, origin: String, color: Bool) -> String {
        DiagnosticFormatter(color: color).format(diagnostic, origin: origin) + "\n"
    }

    /// Keywords and command words.
    static let keywords: [String] = Lexer.keywords.sorted()
}

