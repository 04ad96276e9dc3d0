import Testing
import NeuriteInterpreter
import NeuritePlot

/// The live progress line: redrawn in place on a terminal, absent otherwise (so script output
/// stays the same on every machine).
@Suite struct TrainingProgressTests {
    final class TerminalSink: OutputSink {
        var text = ""
        let isTerminal = true
        func write(_ text: String) { self.text += text }
        func writeError(_ text: String) { self.text += text }
    }

    static let script = """
        model m { input 2; dense 4, tanh; dense 1, sigmoid }
        let r = train m on xor(n: 40, seed: 1) with epochs: 5
        """

    @Test func terminalGetsARedrawnProgressLine() {
        let sink = TerminalSink()
        let session = Session(options: SessionOptions(terminalWidth: 60), output: sink, interrupt: InterruptFlag())
        #expect(session.run(Self.script, fileName: "<test>", echo: .everyExpression) == .success)
        // Each frame is one synchronized write that returns to the line's start.
        #expect(sink.text.hasPrefix("\u{1B}[?2026h\r"), "\(sink.text)")
        #expect(sink.text.contains("\rm 5/5 "))
        #expect(sink.text.contains("loss "))
        #expect(sink.text.hasSuffix("\n"))
        for line in TerminalText.removingEscapes(sink.text).split(separator: "\r") {
            let visible = line.replacingOccurrences(of: "\n", with: "")
            #expect(visible.count < 60, "\(visible)")
        }
    }

    @Test func nonTerminalGetsNoProgress() {
        let test = TestSession()
        let result = test.run(Self.script)
        #expect(result.outcome == .success)
        #expect(result.output.isEmpty, "\(result.output)")
    }
}
