import Foundation
import Testing
@testable import NeuriteNumerics

/// Docs/activations.md carries tables generated from the code. This test regenerates them and fails
/// when the file differs; `NEURITE_RECORD=1 swift test --filter ActivationsDocTests` rewrites the
/// file and still fails, so that a re-recording never passes silently.
struct ActivationsDocTests {
    static let docURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Docs/activations.md")

    static func cell(_ s: String) -> String { "`" + s.replacingOccurrences(of: "|", with: "\\|") + "`" }

    static func activationTable() -> String {
        var lines = ["| name | formula | derivative | convention | range |", "|---|---|---|---|---|"]
        for a in Activation.allCases {
            let names = ([a.name] + Activation.aliases.filter { $0.value == a }.keys.sorted()).joined(separator: ", ")
            lines.append("| \(names) | \(cell(a.formula)) | \(cell(a.derivativeFormula)) | "
                + "\(a.convention.replacingOccurrences(of: "|", with: "\\|")) | \(cell(a.outputRange.description)) |")
        }
        return lines.joined(separator: "\n")
    }

    static func mathTable() -> String {
        var lines = ["| function | meaning | example |", "|---|---|---|"]
        for f in MathFunction.allCases { lines.append("| \(f.name)(x) | \(f.summary) | `\(f.example)` |") }
        for f in MultiArgumentFunction.allCases { lines.append("| \(f.signature) | \(f.summary) | `\(f.example)` |") }
        return lines.joined(separator: "\n")
    }

    /// Replaces the text between `<!-- BEGIN name -->` and `<!-- END name -->`.
    static func replacing(_ name: String, with body: String, in text: String) -> String? {
        guard let begin = text.range(of: "<!-- BEGIN \(name) -->\n"),
            let end = text.range(of: "<!-- END \(name) -->", range: begin.upperBound..<text.endIndex)
        else { return nil }
        return text.replacingCharacters(in: begin.upperBound..<end.lowerBound, with: body + "\n")
    }

    @Test func docTablesAreUpToDate() throws {
        let current = try String(contentsOf: Self.docURL, encoding: .utf8)
        let withActivations = try #require(Self.replacing("ACTIVATIONS", with: Self.activationTable(), in: current))
        let expected = try #require(Self.replacing("MATH FUNCTIONS", with: Self.mathTable(), in: withActivations))
        if ProcessInfo.processInfo.environment["NEURITE_RECORD"] == "1" {
            try expected.write(to: Self.docURL, atomically: true, encoding: .utf8)
            Issue.record("re-recorded \(Self.docURL.path); review it and run again without NEURITE_RECORD")
            return
        }
        #expect(current == expected, "Docs/activations.md is out of date: run with NEURITE_RECORD=1")
    }
}
