import NeuriteLanguage

/// The interpreter's few uses of the language module, in one place: parsing, completeness,
/// diagnostic rendering and the reserved words.
enum LanguageBridge {
    static func parse(_ file: SourceFile) -> ParseResult { Parser.parse(file) }

    static func isComplete(_ input: String) -> Bool { inputIsComplete(input) }

    /// The diagnostic with its line and caret, ending in a newline.
    static func format(_ diagnostic: Diagnostic, in file: SourceFile, color: Bool) -> String {
        DiagnosticFormatter(color: color).format(diagnostic, in: file) + "\n"
    }

    /// Keywords and command words.
    static let keywords: [String] = Lexer.keywords.sorted()
}

/// "Did you mean": forwards to the language module's edit-distance suggestion.
enum NameSuggestion {
    static func nearest(to name: String, among candidates: [String]) -> String? {
        Suggestion.nearest(to: name, among: candidates)
    }
}
