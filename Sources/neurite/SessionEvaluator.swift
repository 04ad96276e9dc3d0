import LineEditor
import NeuriteInterpreter

/// Connects the language-agnostic ``ReplLoop`` to an interpreter ``Session``: completeness,
/// meta-commands, evaluation with every value echoed, and Tab completion.
final class SessionEvaluator: ReplEvaluator {
    private let session: Session
    private let fileName: String
    private let alignLines: Bool
    private let interruptState: InterruptState?
    private let terminalSize: (() -> (columns: Int, rows: Int)?)?

    /// - Parameters:
    ///   - fileName: the name diagnostics show (`<repl>`, `<stdin>`).
    ///   - alignLines: when true, each entry's diagnostics carry its line number in the whole input
    ///     (for piped stdin); when false every entry starts at line 1 (the REPL).
    ///   - interruptState: told when an evaluation runs (the REPL's Ctrl-C handling), or nil.
    ///   - terminalSize: asked before each evaluation, so plots follow a resized terminal (nil, or a
    ///     nil answer, keeps the session's size).
    init(
        session: Session, fileName: String, alignLines: Bool, interruptState: InterruptState?,
        terminalSize: (() -> (columns: Int, rows: Int)?)? = nil
    ) {
        self.interruptState = interruptState
        self.terminalSize = terminalSize
        self.session = session
        self.fileName = fileName
        self.alignLines = alignLines
    }

    func isComplete(_ input: String) -> Bool {
        Self.isMetaCommand(input) || session.isComplete(input)
    }

    /// A new entry is about to be read: a Ctrl-C pressed at the prompt, or after the previous
    /// evaluation had finished, is forgotten. One pressed from here on (even between Enter and the
    /// start of the evaluation) stops the entry.
    func willReadEntry() {
        interruptState?.flag.clear()
    }

    /// Runs one entry; the session reports an interrupt itself (and clears the flag after it).
    func evaluate(_ entry: ReplEntry) -> ReplAction {
        if let size = terminalSize?() {
            session.updateTerminalSize(width: size.columns, height: size.rows)
        }
        if let interruptState {
            return interruptState.evaluating { handle(entry) }
        }
        return handle(entry)
    }

    private func handle(_ entry: ReplEntry) -> ReplAction {
        if Self.isMetaCommand(entry.text) {
            switch session.meta(entry.text, origin: fileName) {
            case .handled(let outcome): return .proceed(failed: outcome == .failed)
            case .showHistory: return .showHistory
            case .quit: return .quit
            case .notMeta: break
            }
        }
        // Numbered from the entry's real line, so `<stdin>:12:5` points into the input.
        let outcome = session.run(
            entry.text, fileName: fileName, echo: .everyExpression, firstLine: alignLines ? max(1, entry.firstLine) : 1)
        return .proceed(failed: outcome == .failed)
    }

    /// Tab completion: the identifier before the cursor (or `:word` for a meta-command) and what
    /// extends it: an option name or value inside a command, else the session's names.
    func completion(beforeCursor text: String) -> CompletionResult {
        var word = trailingIdentifier(of: text)
        let leading = text.drop(while: \.isWhitespace)
        if leading == ":" + word { word = String(leading) }
        return CompletionResult(word: word, candidates: session.completions(for: word, before: text))
    }

    /// A single line whose first non-blank character is `:`.
    static func isMetaCommand(_ text: String) -> Bool {
        !text.contains("\n") && text.drop(while: \.isWhitespace).hasPrefix(":")
    }
}
