import Foundation
import Testing

@testable import NeuriteInterpreter

/// The reference tables in `Docs/` are the declarations' own text: every `<!-- generated: NAME -->`
/// block is regenerated and compared. `NEURITE_RECORD=1` rewrites the docs and fails the run.
@Suite struct ReferenceDocsTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Docs")

    static var markdownFiles: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: docs.path))?.filter { $0.hasSuffix(".md") }.sorted() ?? []
    }

    @Test(arguments: markdownFiles)
    func generatedBlocksAreCurrent(_ file: String) throws {
        let url = Self.docs.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let (regenerated, names) = ReferenceDocs.regenerate(text)
        for name in names { #expect(ReferenceDocs.blocks[name] != nil, "\(file): no generated block '\(name)'") }
        if ProcessInfo.processInfo.environment["NEURITE_RECORD"] == "1", regenerated != text {
            try regenerated.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("rewrote the generated blocks of \(file); unset NEURITE_RECORD and review the diff")
            return
        }
        #expect(regenerated == text, "\(file) has drifted from the declarations: run with NEURITE_RECORD=1 and review")
    }

    /// The blocks the docs must carry are all placed somewhere.
    @Test func everyReferenceBlockIsPlaced() throws {
        var placed: Set<String> = []
        for file in Self.markdownFiles {
            let text = try String(contentsOf: Self.docs.appendingPathComponent(file), encoding: .utf8)
            placed.formUnion(ReferenceDocs.regenerate(text).names)
        }
        for name in ["commands", "train-options", "drawing-options", "layers", "meta-commands"] {
            #expect(placed.contains(name), "no doc carries the generated block '\(name)'")
        }
    }

    /// Every command and every one of its options appears in the reference.
    @Test func referenceNamesEveryCommandAndOption() {
        let reference = ReferenceDocs.commandReference()
        for signature in CommandSurface.signatures {
            #expect(reference.contains("### `\(signature.word.rawValue)`"))
            for option in signature.options where !DrawingOptions.all.contains(option) {
                #expect(reference.contains("`\(option.name): "), "\(signature.word): \(option.name)")
            }
        }
    }
}
