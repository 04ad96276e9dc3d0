import NeuriteInterpreter
import NeuriteLanguage
import Synchronization

/// An ``OutputSink`` that keeps everything written, in order, for tests.
final class CapturingSink: OutputSink {
    enum Event: Equatable {
        case output(String)
        case error(String)
    }

    private(set) var events: [Event] = []
    /// Every diagnostic reported, as data (its text is in ``events`` too).
    private(set) var diagnostics: [Diagnostic] = []
    let isTerminal = false

    func write(_ text: String) { events.append(.output(text)) }
    func writeError(_ text: String) { events.append(.error(text)) }

    func writeDiagnostic(_ diagnostic: Diagnostic, formatted text: String) {
        diagnostics.append(diagnostic)
        writeError(text)
    }

    var output: String {
        events.compactMap { if case .output(let text) = $0 { text } else { nil } }.joined()
    }

    var errors: String {
        events.compactMap { if case .error(let text) = $0 { text } else { nil } }.joined()
    }

    func clear() {
        events.removeAll()
        diagnostics.removeAll()
    }
}

/// A session with a capturing sink, and shortcuts for one-line checks.
struct TestSession {
    let sink = CapturingSink()
    let interrupt = InterruptFlag()
    let session: Session

    init(width: Int = 80) {
        session = Session(options: SessionOptions(color: false, terminalWidth: width), output: sink, interrupt: interrupt)
    }

    /// Runs `source` echoing every expression; returns what was written to the output.
    @discardableResult
    func run(_ source: String) -> (outcome: RunOutcome, output: String, errors: String) {
        sink.clear()
        let outcome = session.run(source, fileName: "<test>", echo: .everyExpression)
        return (outcome, sink.output, sink.errors)
    }

    /// The echoed value of a single expression, without the newline.
    func value(_ source: String) -> String {
        let result = run(source)
        return result.errors.isEmpty ? String(result.output.dropLast()) : "error: " + result.errors
    }
}
