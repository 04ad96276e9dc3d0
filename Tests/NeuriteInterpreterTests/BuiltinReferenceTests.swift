import Foundation
import Testing

@testable import NeuriteInterpreter

/// Docs/language-builtins.md carries a reference of every built-in, generated from the built-in
/// table with each example's actual result. This test fails when the file is out of date;
/// `NEURITE_RECORD=1 swift test --filter BuiltinReferenceTests` rewrites it (and still fails, so a
/// re-recording never passes silently).
@Suite struct BuiltinReferenceTests {
    static let begin = "<!-- BEGIN GENERATED BUILT-IN REFERENCE (BuiltinReferenceTests) -->"
    static let end = "<!-- END GENERATED BUILT-IN REFERENCE -->"

    static var documentPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Docs/language-builtins.md").path
    }

    /// The reference, evaluated in a fresh session.
    static func generate() -> String {
        let test = TestSession()
        var text = ""
        for group in BuiltinGroup.allCases {
            text += "\n### \(group.rawValue.prefix(1).uppercased() + group.rawValue.dropFirst())\n\n"
            if group == .constants {
                for constant in test.session.constants {
                    text += "- `\(constant.name)` = `\(test.value(constant.name))`: \(constant.summary)\n"
                }
                continue
            }
            for builtin in test.session.builtins where builtin.group == group {
                let result = test.value(builtin.example).replacingOccurrences(of: "\n ", with: " ")
                text += "- `\(builtin.signature)`: \(builtin.summary)."
                if builtin.isDifferentiable { text += " Differentiable." }
                text += "\n"
                for line in builtin.formula.split(separator: "\n") { text += "  - \(line)\n" }
                let shown = result.isEmpty ? test.run(builtin.example).output.trimmingCharacters(in: .newlines) : result
                text += "  - Example: `\(builtin.example)` → `\(shown)`\n"
            }
        }
        return text
    }

    @Test func referenceIsUpToDate() throws {
        let document = try String(contentsOfFile: Self.documentPath, encoding: .utf8)
        let generated = Self.generate()
        guard let start = document.range(of: Self.begin), let stop = document.range(of: Self.end) else {
            Issue.record("the markers are missing from Docs/language-builtins.md")
            return
        }
        let current = String(document[start.upperBound..<stop.lowerBound])
        if ProcessInfo.processInfo.environment["NEURITE_RECORD"] == "1" {
            let updated = document.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: generated)
            try updated.write(toFile: Self.documentPath, atomically: true, encoding: .utf8)
            Issue.record("re-recorded Docs/language-builtins.md; review it and run again without NEURITE_RECORD")
            return
        }
        // Numbers are compared to 1e-12 (relative), so a last-digit change in NeuriteNumerics does
        // not make the document stale; everything else must match exactly.
        let (currentText, currentNumbers) = NumberedText.split(current)
        let (generatedText, generatedNumbers) = NumberedText.split(generated)
        let numbersAgree = currentNumbers.count == generatedNumbers.count
            && zip(currentNumbers, generatedNumbers).allSatisfy { a, b in
                a == b || abs(a - b) <= 1e-12 * max(abs(a), abs(b))
            }
        #expect(
            currentText == generatedText && numbersAgree,
            "Docs/language-builtins.md is out of date; re-record with NEURITE_RECORD=1")
    }
}
