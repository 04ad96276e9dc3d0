import LineEditor
import NeuriteInterpreter
import NeuritePlot

/// The session's output on the process's stdout (values) and stderr (diagnostics). With colour
/// on, escape sequences are removed from whichever stream is not a terminal.
final class StandardStreamsSink: OutputSink {
    let isTerminal: Bool
    private let stripOutput: Bool
    private let stripError: Bool

    init(stdoutIsTerminal: Bool, stderrIsTerminal: Bool) {
        isTerminal = stdoutIsTerminal
        stripOutput = !stdoutIsTerminal
        stripError = !stderrIsTerminal
    }

    func write(_ text: String) {
        StandardStream.output.write(stripOutput ? TerminalText.removingEscapes(text) : text)
    }

    func writeError(_ text: String) {
        StandardStream.error.write(stripError ? TerminalText.removingEscapes(text) : text)
    }
}
