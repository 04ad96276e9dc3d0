import Foundation
import Testing
import NeuriteInterpreter

/// The scenario scripts in `Scripts/examples/` run without errors, and what each one claims
/// is true: after a script has run, the checks are evaluated in the same session, in the language
/// itself, and each must print `true`. They train for real (seeded), a second or so in a debug build.
@Suite struct ExampleScriptsTests {
    struct Example: Sendable, CustomTestStringConvertible {
        let script: String
        /// Boolean expressions over the script's bindings.
        let checks: [String]
        /// Passages the script's own output must contain (seeded, so the figures are fixed).
        var printed: [String] = []
        var testDescription: String { script }
    }

    static let examples: [Example] = [
        Example(script: "deep-sigmoid-vs-relu.nn", checks: [
            // The deep sigmoid network stays at chance; the same network with relu learns the circle.
            "runs[0].loss[-1] > 0.6", "runs[0].accuracy[-1] < 0.6",
            "runs[1].loss[-1] < 0.1", "runs[1].accuracy[-1] > 0.95",
            // Vanishing gradients: the first sigmoid layer gets >1000× less than the last; relu's stay within 10×.
            "runs[0].gradients[-1][-1] / runs[0].gradients[-1][0] > 1000",
            "max(runs[1].gradients[-1]) / min(runs[1].gradients[-1]) < 10",
            // The figures Docs/language-training.md ("Worked scenarios") quotes.
            "round(runs[0].loss[-1] * 10000) == 6926", "round(runs[1].loss[-1] * 10000) == 276",
            "round(runs[0].gradients[-1][0] * 1e6) == 25", "round(runs[0].gradients[-1][-1] * 100) == 13",
            "round(runs[1].gradients[-1][0] * 100) == 12", "round(runs[1].gradients[-1][-1] * 100) == 4",
        ]),
        Example(
            script: "dying-relu.nn", checks: ["runs[1].accuracy[-1] < runs[0].accuracy[-1]"],
            printed: [
                // Healthy, then bias -3, then learning rate 1: dead units counted per layer on the data.
                "net(relu): dead units per layer on ring\n  1 relu: 0 of 16 dead\n  2 relu: 0 of 16 dead\n  3 relu: 1 of 16 dead",
                "variant(net(relu), bias: -3): dead units per layer on ring\n  1 relu: 1 of 16 dead\n  2 relu: 3 of 16 dead\n  3 relu: 11 of 16 dead",
                "net(relu): dead units per layer on ring\n  1 relu: 0 of 16 dead\n  2 relu: 6 of 16 dead\n  3 relu: 9 of 16 dead",
            ]),
        Example(script: "divergence-and-clipping.nn", checks: [
            "wild.stopped == \"diverged\"", "tamed.stopped == \"completed\"", "tamed.loss[-1] < 0.1",
        ]),
        Example(script: "sparsity-relu-vs-tanh.nn", checks: [
            "min(runs[0].sparsity[-1]) > 0.2", "max(runs[1].sparsity[-1]) == 0",
        ]),
        Example(script: "digits.nn", checks: [
            // scikit-learn's MLP reaches about 0.97 on the same split (Docs/datasets.md).
            "result.accuracy >= 0.96",
        ]),
    ]

    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts/examples")
    }

    @Test func everyExampleIsChecked() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".nn") }
        #expect(Set(names) == Set(Self.examples.map(\.script)))
    }

    @Test(arguments: examples)
    func exampleHoldsWhatItClaims(_ example: Example) {
        let sink = CapturingSink()
        let session = Session(options: SessionOptions(), output: sink, interrupt: InterruptFlag())
        let outcome = session.runFile(path: Self.folder.appendingPathComponent(example.script).path, echo: .none)
        #expect(outcome == .success, "\(example.script): \(sink.errors)")
        for passage in example.printed {
            #expect(sink.output.contains(passage), "\(example.script) did not print:\n\(passage)")
        }
        for check in example.checks {
            let before = sink.output.count
            _ = session.run(check, fileName: "<check>", echo: .everyExpression)
            let printed = String(sink.output.dropFirst(before))
            #expect(printed == "true\n", "\(example.script): \(check) → \(printed)\(sink.errors)")
        }
    }
}
