import Foundation
import NeuriteLanguage
import Testing

@testable import NeuriteInterpreter

/// Slips people bring from other tools, and words checked before anything runs: what the session
/// prints for each, compared with `Scripts/DiagnosticGolden/<name>.txt` (NEURITE_RECORD=1 rewrites
/// them and fails, so every change is reviewed).
@Suite struct SurfaceDiagnosticTests {
    static let setUp = "model m { input 2; dense 4, relu; dense 1, sigmoid }\ndata ring = circle(n: 40, seed: 1)\n"

    static let cases: [(name: String, source: String)] = [
        ("option-with-equals", setUp + "train m on ring with epochs=10"),
        ("argument-with-equals", "let d = circle(noise=0.1)"),
        ("layer-with-parentheses", "model net { input 2; dense(8, relu); dense 1, sigmoid }"),
        ("train-as-a-call", setUp + "train(m, ring)"),
        ("options-from-other-tools", setUp + "train m on ring with batch_size: 10, learning_rate: 0.1, verbose: true"),
        ("range-as-a-function", "let v = range(10)"),
        ("unknown-first-word", "import torch\nfit m"),
        ("misspelt-option-value", setUp + "train m on ring with optimizer: adma"),
        ("misspelt-layer-before-anything-runs",
         "print(\"line 1 ran\")\nfn f(x) = x\nlet a = 1\nlet b = 2\nlet c = 3\nlet d = 4\nlet e = 5\nmodel net {\n  input 2\n  dnese 8\n  dense 1, sigmoid\n}"),
        ("misspelt-option-in-a-function", "fn draw(f) = plot f with widht: 40\nprint(\"not run\")"),
        ("clause-the-command-does-not-take", "plot relu on circle()\nprint(\"not run\")"),
    ]

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Scripts/DiagnosticGolden")

    static func render(_ source: String) -> String {
        let test = TestSession()
        let outcome = test.session.run(source, fileName: "slip.nn", echo: .none)
        return "-- source --\n\(source)\n-- output --\n\(test.sink.output)-- errors (\(outcome)) --\n\(test.sink.errors)"
    }

    @Test(arguments: cases.map(\.name))
    func matchesGolden(name: String) throws {
        let source = try #require(Self.cases.first { $0.name == name }?.source)
        let actual = Self.render(source)
        let url = Self.directory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["NEURITE_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(url.path); unset NEURITE_RECORD and review the file")
            return
        }
        #expect(actual == (try String(contentsOf: url, encoding: .utf8)))
    }

    @Test func everyGoldenFileHasACase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
            .filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }
        #expect(Set(files) == Set(Self.cases.map(\.name)))
    }

    /// A script whose last line misspells a layer word fails at parse time: its first line never runs.
    @Test func badLayerWordStopsTheScriptBeforeItsFirstLine() {
        let test = TestSession()
        let outcome = test.session.run(
            "print(\"first\")\nmodel net { input 2; dnese 8 }", fileName: "s.nn", echo: .none)
        #expect(outcome == .failed)
        #expect(test.sink.output.isEmpty)
        #expect(test.sink.errors.hasPrefix("s.nn:2:22: error: unknown layer 'dnese'"))
        #expect(test.sink.errors.contains("did you mean 'dense'?"))
    }

    /// Options are checked at parse time in every command form, and the vocabulary is the declarations'.
    @Test(arguments: [
        ("train(m, on: ring, epochz: 2)", "'train' has no option 'epochz'"),
        ("plot relu with widht: 40", "'plot' has no option 'widht'"),
        ("model q { input 2; dense 4, relu, inti: zeros }", "'dense' has no option 'inti'"),
        ("summary m on ring", "'summary' takes no 'on' clause"),
    ])
    func optionsAreCheckedAtParseTime(source: String, message: String) {
        let parsed = LanguageBridge.parse(SourceFile(name: "t.nn", text: source))
        #expect(parsed.diagnostics.map(\.message) == [message])
    }

    @Test func vocabularyIsTheDeclaredSurface() {
        let vocabulary = CommandSurface.vocabulary
        #expect(Set(vocabulary.commands.keys) == Set(CommandWord.allCases.map(\.rawValue)))
        #expect(vocabulary.commands["train"]?.options == TrainOptions.all.map(\.name))
        #expect(vocabulary.commands["train"]?.otherNames["learning_rate"] == "lr")
        #expect(Set(vocabulary.layers.keys) == Set(LayerWords.all.map(\.word)))
    }
}
