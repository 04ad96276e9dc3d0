import Foundation
import Testing

@testable import NeuriteInterpreter

/// `:save FILE.nn` writes what ran as a script that redoes it; `:notebook FILE` writes the session
/// as a notebook from what it showed, running nothing again.
@Suite struct SessionSavingTests {
    static func temporaryPath(_ name: String) -> String {
        NSTemporaryDirectory() + "neurite-saving-\(UUID().uuidString)-" + name
    }

    @Test func savedScriptReproducesTheSessionsValues() throws {
        let test = TestSession()
        test.run("# the data\ndata ring = circle(noise: 0.1, seed: 3)")
        test.run("model net { input 2; dense 4, tanh; dense 1, sigmoid }")
        test.run("let run = train net on ring with epochs: 3, lr: 0.1, seed: 2")
        test.run("let kept = 5; print(missing); let lost = 6")  // fails at 'missing': 'kept' stays
        test.run("print(oops(")  // does not parse: nothing of it ran
        test.run("net.layers[0].bias[1] = -1")
        let path = Self.temporaryPath("s.nn")
        #expect(test.session.meta(":save \(path)") == .handled(.success))
        #expect(test.sink.output == "saved 5 entries to \(path)\n")
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(saved.contains("\nlet kept = 5\n# (the rest of this entry failed and is left out)\n"))
        #expect(!saved.contains("oops") && !saved.contains("lost") && !saved.contains("missing"))

        let again = TestSession()
        #expect(again.session.runFile(path: path, echo: .none) == .success)
        for probe in ["run.final_loss", "kept", "predict(net, [[0.5, -0.5]])", "net.layers[0].bias"] {
            #expect(again.value(probe) == test.value(probe), "\(probe)")
        }
    }

    @Test func saveKeepsOnlyWhatCameAfterTheLastReset() throws {
        let test = TestSession()
        test.run("let old = 1")
        #expect(test.session.meta(":reset") == .handled(.success))
        test.run("let new = 2")
        let path = Self.temporaryPath("r.nn")
        _ = test.session.meta(":save \(path)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "let new = 2\n")
    }

    /// The notebook holds what was shown, even for what the session has since forgotten.
    @Test func notebookIsWrittenFromWhatWasShown() throws {
        let test = TestSession()
        test.run("# Say hello.\nprint(\"hello\")")
        test.run("plot relu")
        test.run("1 +")
        _ = test.session.meta(":reset")
        test.run("2 * 21")
        let path = Self.temporaryPath("n.md")
        #expect(test.session.meta(":notebook \(path)") == .handled(.success))
        let markdown = try String(contentsOfFile: path, encoding: .utf8)
        let expected = """
            Say hello.

            ```neurite
            print("hello")
            ```

            ```text
            hello
            ```

            ```neurite
            plot relu
            ```

            ![plot 1 of cell 2](\(URL(fileURLWithPath: NotebookFile.plotFolder(of: path)).lastPathComponent)/cell-2-1.svg)

            ```neurite
            1 +
            ```

            ```text
            <test>:1:4: error: expected expression after '+'
            1 | 1 +
              |    ^
            ```

            *`:reset` — everything defined above was forgotten here.*

            ```neurite
            2 * 21
            ```

            ```text
            42
            ```

            """
        #expect(markdown == expected)
        #expect(FileManager.default.fileExists(atPath: NotebookFile.plotFolder(of: path) + "/cell-2-1.svg"))
    }

    @Test(arguments: [
        (":save", RuntimeErrorID.sessionFileNeeded),
        (":notebook", .sessionFileNeeded),
        (":notebook notes.txt", .notebookFormatUnknown),
        (":save /nonexistent-folder/s.nn", .cannotWriteFile),
        (":notebook /nonexistent-folder/s.ipynb", .cannotWriteFile),
    ])
    func badRequestsAreErrors(line: String, id: RuntimeErrorID) {
        let test = TestSession()
        test.run("let a = 1")
        test.sink.clear()
        #expect(test.session.meta(line) == .handled(.failed))
        #expect(test.sink.diagnostics.map(\.id) == [id.rawValue])
    }
}
