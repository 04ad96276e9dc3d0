import Foundation
import Testing

@testable import NeuriteInterpreter

/// The two examples of `Docs/language.md` that claim to be real output — the first taste and the
/// rendered diagnostic — are what a session really prints, so a newcomer can reproduce them.
@Suite struct LanguageDocTests {
    static let documentPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Docs/language.md").path

    /// The fenced blocks of the page, in order, each as its lines.
    static func blocks() throws -> [[String]] {
        let text = try String(contentsOfFile: documentPath, encoding: .utf8)
        var blocks: [[String]] = []
        var current: [String]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                if let block = current { blocks.append(block); current = nil } else { current = [] }
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    /// `nn> INPUT` lines followed by the value the REPL echoes.
    @Test func firstTasteIsRealOutput() throws {
        let block = try #require(try Self.blocks().first { $0.first?.hasPrefix("nn> ") == true })
        let test = TestSession()
        var transcript: [String] = []
        for line in block where line.hasPrefix("nn> ") {
            let result = test.run(String(line.dropFirst(4)))
            transcript.append(line)
            transcript += result.output.split(separator: "\n").map(String.init)
        }
        #expect(transcript == block)
    }

    /// The diagnostic example: its source line, put on the line it names, gives exactly that text.
    @Test func diagnosticExampleIsRealOutput() throws {
        let block = try #require(try Self.blocks().first { $0.first?.hasPrefix("tutorial.nn:") == true })
        let lineNumber = try #require(Int(block[0].split(separator: ":")[1]))
        let sourcePrefix = "\(lineNumber) | "
        let source = try #require(block.first { $0.hasPrefix(sourcePrefix) }).dropFirst(sourcePrefix.count)
        let script = String(repeating: "\n", count: lineNumber - 1) + source + "\n"
        let test = TestSession()
        test.sink.clear()
        _ = test.session.run(script, fileName: "tutorial.nn", echo: .none)
        #expect(test.sink.errors == block.joined(separator: "\n") + "\n")
    }
}
