import LineEditor
import NeuriteInterpreter

/// Connects the language-agnostic ``ReplLoop`` to an interpreter ``Session``: completeness,
/// meta-commands, evaluation with every value echoed, and Tab completion.
final class SessionEvaluator: ReplEvaluator {
    private let session: Session
    private let interrupt: InterruptFlag
    private let fileName: String
    private let alignLines: Bool
    private let reportError: (String) -> Void

    /// - Parameters:
    ///   - fileName: the name diagnostics show (`<repl>`, `<stdin>`).
    ///   - alignLines: when true, each entry's diagnostics carry its line number in the whole input
    ///     (for piped stdin); when false every entry starts at line 1 (the REPL).
    init(session: Session, interrupt: InterruptFlag, fileName: String, alignLines: Bool,
         reportError: @escaping (String) -> Void) {
        self.session = session
        self.interrupt = interrupt
        self.fileName = fileName
        self.alignLines = alignLines
        self.reportError = reportError
    }

    func isComplete(_ input: String) -> Bool {
        Self.isMetaCommand(input) || session.isComplete(input)
    }

    func evaluate(_ entry: ReplEntry) -> ReplAction {
        interrupt.clear()  // a Ctrl-C typed at the prompt must not stop this entry
        if Self.isMetaCommand(entry.text) {
            switch session.meta(entry.text.trimmingWhitespace()) {
            case .handled(let outcome): return .proceed(failed: outcome == .failed)
            case .showHistory: return .showHistory
            case .quit: return .quit
            case .notMeta: break
            }
        }
        // Leading newlines shift the entry to its real line, so `<stdin>:12:5` points into the input.
        let padding = alignLines ? String(repeating: "\n", count: max(0, entry.firstLine - 1)) : ""
        let outcome = session.run(padding + entry.text, fileName: fileName, echo: .everyExpression)
        if outcome == .interrupted { reportError("interrupted\n") }
        return .proceed(failed: outcome == .failed)
    }

    /// Tab completion: the identifier before the cursor and the session's names that extend it.
    func completion(beforeCursor text: String) -> CompletionResult {
        let word = trailingIdentifier(of: text)
        return CompletionResult(word: word, candidates: session.completions(forPrefix: word))
    }

    /// A single line whose first non-blank character is `:`.
    static func isMetaCommand(_ text: String) -> Bool {
        !text.contains("\n") && text.trimmingWhitespace().hasPrefix(":")
    }
}

extension String {
    func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
