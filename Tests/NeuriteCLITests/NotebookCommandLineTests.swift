import Foundation
import Testing

/// `neurite FILE.nn --keep-going / --notebook / --ipynb`, and `:save` / `:notebook` in piped
/// input, run as a user runs them: the built program, files on disk.
@Suite struct NotebookCommandLineTests {
    static let script = """
        #%% Values
        let a = 6
        print(a * 7)
        #%% A mistake
        print(nope)
        #%% Still runs with --keep-going
        plot relu with height: 4
        print("done")
        """

    @Test func keepGoingRunsTheCellsAfterAnErrorAndExitsWithOne() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.file("s.nn", contents: Self.script)
        let stopped = try ProcessRun.neurite([path])
        #expect(stopped.status == 1)
        #expect(stopped.standardOutput == "42\n")
        let kept = try ProcessRun.neurite([path, "--keep-going"])
        #expect(kept.status == 1)
        #expect(kept.standardOutput.hasPrefix("42\n") && kept.standardOutput.hasSuffix("done\n"))
        #expect(kept.standardError.hasPrefix("\(path):5:7: error: unknown name 'nope'"), "\(kept.standardError)")
    }

    @Test func notebookFilesAreWrittenBesideTheScript() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.file("s.nn", contents: Self.script)
        let markdown = directory.path + "/out.md", jupyter = directory.path + "/out.ipynb"
        let result = try ProcessRun.neurite([path, "--keep-going", "--notebook", markdown, "--ipynb", jupyter])
        #expect(result.status == 1)
        #expect(result.standardError.contains("neurite: wrote \(markdown)\nneurite: wrote \(jupyter)\n"))
        let text = try String(contentsOfFile: markdown, encoding: .utf8)
        #expect(text.hasPrefix("## Values\n\n```neurite\nlet a = 6\nprint(a * 7)\n```\n\n```text\n42\n```\n"))
        #expect(text.contains("![plot 1 of cell 3](out_files/cell-3-1.svg)"))
        #expect(FileManager.default.fileExists(atPath: directory.path + "/out_files/cell-3-1.svg"))
        #expect(try String(contentsOfFile: jupyter, encoding: .utf8).contains("\"nbformat_minor\": 5"))
    }

    @Test func aNotebookThatCannotBeWrittenIsAnError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.file("ok.nn", contents: "print(1)\n")
        let result = try ProcessRun.neurite([path, "--ipynb", directory.path + "/missing/out.ipynb"])
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("neurite: error: cannot write notebook"), "\(result.standardError)")
    }

    /// `:save` in a session, then the saved script run on its own, prints what the session printed.
    @Test func savedSessionRunsAsAScript() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let saved = directory.path + "/session.nn"
        let session = try ProcessRun.neurite(["-"], input: """
            data ring = circle(n: 60, noise: 0.1, seed: 4)
            model net { input 2; dense 3, tanh; dense 1, sigmoid }
            let run = train net on ring with epochs: 2, lr: 0.1
            print(run.final_loss)
            print(nope)
            :save \(saved)
            """)
        #expect(session.status == 1)  // the 'nope' entry failed
        #expect(session.standardOutput.hasSuffix("saved 4 entries to \(saved)\n"), "\(session.standardOutput)")
        let rerun = try ProcessRun.neurite([saved])
        #expect(rerun.status == 0, "\(rerun.standardError)")
        #expect(session.standardOutput.hasPrefix(rerun.standardOutput))
        #expect(rerun.standardOutput.count > 2)
    }
}
