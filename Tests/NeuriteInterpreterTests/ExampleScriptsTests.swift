import Foundation
import Testing
import NeuriteInterpreter

/// Runs the issue's scenario scripts in `Scripts/examples/` (only with `NEURITE_EXAMPLES=1`: they
/// train for real and take a while in a debug build) and prints what they print. A script fails
/// on any error.
@Suite struct ExampleScriptsTests {
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts/examples")
    }

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".nn") }.sorted()
    }

    @Test func examplesExist() {
        for name in ["deep-sigmoid-vs-relu.nn", "dying-relu.nn", "divergence-and-clipping.nn", "digits.nn"] {
            #expect(Self.names.contains(name), "missing Scripts/examples/\(name)")
        }
    }

    @Test(arguments: names)
    func exampleRuns(_ name: String) {
        guard ProcessInfo.processInfo.environment["NEURITE_EXAMPLES"] != nil else { return }
        let sink = CapturingSink()
        let session = Session(options: SessionOptions(), output: sink, interrupt: InterruptFlag())
        let start = Date()
        _ = session.runFile(path: Self.folder.appendingPathComponent(name).path, echo: .none)
        print("== \(name) (\(String(format: "%.1f", Date().timeIntervalSince(start))) s)\n\(sink.output)\(sink.errors)")
        let errors = sink.errors.split(separator: "\n").filter { $0.contains("error:") }
        #expect(errors.isEmpty, "\(name): \(errors)")
    }
}
