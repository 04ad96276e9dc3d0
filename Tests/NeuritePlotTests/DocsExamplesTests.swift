import Foundation
import Testing
@testable import NeuritePlot

/// The pictures in Docs/plots.md are real output: each block after `<!-- example: NAME -->` must
/// equal the rendering below. `NEURITE_RECORD=1` rewrites the blocks (and fails the run).
@Suite struct DocsExamplesTests {
    static let docsFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Docs/plots.md")

    static let options = RenderOptions(width: 72, height: 12)

    static var examples: [String: String] {
        var progress = ProgressLine(current: 12, total: 100, losses: (1...12).map { 2 / Double($0 + 1) }, elapsed: 1.2)
        let first = progress.render()
        progress.metrics = [.init(name: "accuracy", value: 0.8125)]
        let second = progress.render(canvas: .ascii)
        return [
            "line-activations": render(Fixtures.activations, options),
            "line-activations-ascii": render(Fixtures.activations, RenderOptions(width: 72, height: 10, canvas: .ascii)),
            "line-losses": render(Fixtures.losses, options),
            "scatter": render(Fixtures.scatter, options),
            "heatmap-gradients": render(Fixtures.gradientNorms, options),
            "heatmap-surface": render(Fixtures.decisionSurface, RenderOptions(width: 72, height: 10)),
            "histogram": render(Fixtures.weights, options),
            "bars": render(Fixtures.layerBars, RenderOptions(width: 60)),
            "sparkline": Sparkline((0..<40).map { sin(Double($0) / 4) * exp(-Double($0) / 30) }).render(),
            "progress": first + "\n" + second,
        ]
    }

    @Test func docsShowRealOutput() throws {
        let text = try String(contentsOf: Self.docsFile, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        var seen = Set<String>()
        var index = 0
        var changed = false
        let examples = Self.examples
        while index < lines.count {
            let line = lines[index]
            guard line.hasPrefix("<!-- example: "), line.hasSuffix(" -->") else { index += 1; continue }
            let name = String(line.dropFirst("<!-- example: ".count).dropLast(" -->".count))
            guard let expected = examples[name] else {
                Issue.record("Docs/plots.md names unknown example \(name)")
                index += 1
                continue
            }
            seen.insert(name)
            guard index + 1 < lines.count, lines[index + 1] == "```text",
                  let end = lines[(index + 2)...].firstIndex(of: "```") else {
                Issue.record("example \(name) must be followed by a ```text block")
                index += 1
                continue
            }
            let actual = lines[(index + 2)..<end].joined(separator: "\n")
            let trimmedExpected = expected.components(separatedBy: "\n").map { trimTrailing($0) }.joined(separator: "\n")
            if actual != trimmedExpected {
                if Golden.isRecording {
                    lines.replaceSubrange((index + 2)..<end, with: trimmedExpected.components(separatedBy: "\n"))
                    changed = true
                } else {
                    Issue.record(Comment(rawValue: "Docs/plots.md example \(name) differs:\n"
                        + Golden.lineDiff(expected: actual, actual: trimmedExpected)))
                }
            }
            index += 1
        }
        #expect(seen == Set(examples.keys), "examples missing from the docs: \(Set(examples.keys).subtracting(seen).sorted())")
        if changed {
            try lines.joined(separator: "\n").write(to: Self.docsFile, atomically: true, encoding: .utf8)
            Issue.record("rewrote examples in Docs/plots.md; review them and rerun without NEURITE_RECORD")
        }
    }

    /// Markdown viewers keep trailing spaces, but editors strip them; the docs store rows without.
    private func trimTrailing(_ line: String) -> String {
        var s = Substring(line)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
