import Foundation
import Testing

/// The examples in Docs/language-training.md are real: each code block after `<!-- example -->`
/// runs in a fresh session (every expression echoed) and must print exactly the `text` block
/// that follows it. `NEURITE_RECORD=1` rewrites those output blocks from the actual output (and
/// the run fails, so a re-recording never passes silently); review the diff.
@Suite struct DocsTrainingExamplesTests {
    struct Example {
        var line: Int
        var source: String
        var expected: String
    }

    static var documentPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Docs/language-training.md").path
    }

    /// The marked examples: the first fenced block after the marker, then the next fenced block.
    static func examples() throws -> [Example] {
        let lines = try String(contentsOfFile: documentPath, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var result: [Example] = []
        var index = 0
        func block() -> String? {
            while index < lines.count, !lines[index].hasPrefix("```") { index += 1 }
            guard index < lines.count else { return nil }
            index += 1
            var body: [String] = []
            while index < lines.count, !lines[index].hasPrefix("```") {
                body.append(lines[index])
                index += 1
            }
            index += 1
            return body.joined(separator: "\n")
        }
        while index < lines.count {
            if lines[index] == "<!-- example -->" {
                let line = index + 1
                guard let source = block(), let expected = block() else { break }
                result.append(Example(line: line, source: source, expected: expected))
            } else {
                index += 1
            }
        }
        return result
    }

    @Test func documentHasExamples() throws {
        #expect(try Self.examples().count >= 6)
    }

    @Test func examplesPrintWhatTheDocumentShows() throws {
        var document = try String(contentsOfFile: Self.documentPath, encoding: .utf8)
        let recording = ProcessInfo.processInfo.environment["NEURITE_RECORD"] != nil
        for example in try Self.examples() {
            let test = TestSession()
            let result = test.run(example.source)
            let actual = (result.output + result.errors).trimmingCharacters(in: .newlines)
            if recording {
                document = document.replacingOccurrences(
                    of: "```\n\(example.source)\n```\n```text\n\(example.expected)\n```",
                    with: "```\n\(example.source)\n```\n```text\n\(actual)\n```")
            } else {
                #expect(actual == example.expected, "Docs/language-training.md:\(example.line) prints:\n\(actual)")
            }
        }
        if recording {
            try document.write(toFile: Self.documentPath, atomically: true, encoding: .utf8)
            Issue.record("re-recorded Docs/language-training.md examples; review the diff and run again without NEURITE_RECORD")
        }
    }
}
