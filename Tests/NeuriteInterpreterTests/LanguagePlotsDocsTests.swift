import Foundation
import Testing

@testable import NeuriteInterpreter

/// The pictures in Docs/language-plots.md are real output: every ```nn block runs, in order, in one
/// session of 80 × 24 without colour, and the ```text block after it must be what it printed.
/// `NEURITE_RECORD=1` rewrites the text blocks (and fails the run).
@Suite struct LanguagePlotsDocsTests {
    static let docsFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Docs/language-plots.md")

    @Test func docsShowRealOutput() throws {
        let text = try String(contentsOf: Self.docsFile, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        let sink = CapturingSink()
        let session = Session(
            options: SessionOptions(color: false, terminalWidth: 80, terminalHeight: 24), output: sink,
            interrupt: InterruptFlag())
        let recording = ProcessInfo.processInfo.environment["NEURITE_RECORD"] == "1"
        var changed = false
        var blocks = 0
        var index = 0
        while index < lines.count {
            guard lines[index] == "```nn", let sourceEnd = lines[(index + 1)...].firstIndex(of: "```") else {
                index += 1
                continue
            }
            let source = lines[(index + 1)..<sourceEnd].joined(separator: "\n")
            sink.clear()
            let outcome = session.run(source, fileName: "language-plots.md", echo: .none)
            #expect(outcome == .success, "\(source)\n\(sink.errors)")
            blocks += 1
            var output = sink.output
            if output.hasSuffix("\n") { output.removeLast() }
            guard let open = lines[(sourceEnd + 1)...].firstIndex(where: { !$0.isEmpty }), lines[open] == "```text",
                let close = lines[(open + 1)...].firstIndex(of: "```")
            else {
                Issue.record("the nn block at line \(index + 1) must be followed by a ```text block")
                index = sourceEnd + 1
                continue
            }
            let shown = lines[(open + 1)..<close].joined(separator: "\n")
            if shown != output {
                if recording {
                    lines.replaceSubrange((open + 1)..<close, with: output.components(separatedBy: "\n"))
                    changed = true
                } else {
                    Issue.record("Docs/language-plots.md block at line \(index + 1) differs; now:\n\(output)")
                }
            }
            index += 1
        }
        #expect(blocks >= 15)
        if changed {
            try lines.joined(separator: "\n").write(to: Self.docsFile, atomically: true, encoding: .utf8)
            Issue.record("rewrote Docs/language-plots.md; review it and rerun without NEURITE_RECORD")
        }
    }
}
