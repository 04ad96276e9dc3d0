import Foundation
import Testing

/// `neurite FILE.nn --watch` in a real terminal under tmux: an edit runs again exactly the cells it
/// affects (seen in their execution counts, and in the time an update takes against the first, full
/// run), a save by rename is seen, a syntax error keeps the last good outputs, Ctrl-C twice leaves.
/// With standard output redirected, the plain log (and the polling fallback) is checked too.
@Suite(.enabled(
    if: TmuxTerminal.executable != nil || TmuxTerminal.isCI,
    "tmux is not installed: the terminal tests are skipped (install tmux to run them)"))
struct WatchTerminalTests {
    /// An expensive training upstream that no edit below touches, then the cells an edit of `lr:` affects.
    static let script = """
        data d = xor(n: 200, seed: 1)
        model base { input 2; dense 16, tanh; dense 1, sigmoid }
        let upstream = train base on d with epochs: 1500, lr: 0.1
        model m { input 2; dense 16, tanh; dense 1, sigmoid }
        let r = train m on d with epochs: 300, lr: 0.1
        plot r with height: 6, width: 40
        let k = 7
        print(k * 2)

        """

    /// The `[n]` of the cell whose code starts on `line`, from its header `── [n] line L ──…`.
    static func count(_ screen: Screen, line: Int) -> Int? {
        guard let header = screen.lines.first(where: { $0.hasPrefix("── [") && $0.contains("] line \(line) ─") }),
            let close = header.firstIndex(of: "]")
        else { return nil }
        return Int(header[header.index(header.startIndex, offsetBy: 4)..<close])
    }

    /// The seconds in the status line `… ran N cells in S s, kept K`.
    static func seconds(_ screen: Screen) -> Double? {
        guard let line = screen.lines.first(where: { $0.contains(" cells in ") || $0.contains(" cell in ") }),
            let range = line.range(of: " in "), let end = line.range(of: " s,", range: range.upperBound..<line.endIndex)
        else { return nil }
        return Double(line[range.upperBound..<end.lowerBound])
    }

    @Test func anEditRunsExactlyTheCellsItAffects() throws {
        guard ReplTerminalTests.requireTmux() else { return }
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let path = try state.file("w.nn", contents: Self.script)
        let terminal = try TmuxTerminal(
            command: ReplTerminalTests.neuriteCommand(stateDirectory: state.path, arguments: [path, "--watch", "--no-color"]),
            columns: 160, rows: 60)
        defer { terminal.close() }
        let first = try terminal.waitFor("the first run", timeout: .seconds(120)) { $0.text.contains("ran 8 cells in") }
        #expect((1...8).map { Self.count(first, line: $0) } == (1...8).map { $0 })
        #expect(first.lines.contains("14"))
        let full = try #require(Self.seconds(first))

        // An editor writing in place: the training of m, its plot, and nothing else runs again.
        try Self.script.replacingOccurrences(of: "epochs: 300, lr: 0.1", with: "epochs: 300, lr: 0.5")
            .write(toFile: path, atomically: false, encoding: .utf8)
        let second = try terminal.waitFor("the re-run", timeout: .seconds(60)) { $0.text.contains("ran 3 cells in") }
        #expect((1...8).map { Self.count(second, line: $0) } == [1, 2, 3, 9, 10, 11, 7, 8], "\(second)")
        let partial = try #require(Self.seconds(second))
        print("watch: full run \(full) s, after editing lr: \(partial) s (8 cells, then 3)")
        #expect(partial < full * 0.7, "the update took \(partial) s against \(full) s for the full run")

        // An editor saving by rename (a temporary file moved over the script).
        let renamed = Self.script.replacingOccurrences(of: "epochs: 300, lr: 0.1", with: "epochs: 300, lr: 0.5")
            .replacingOccurrences(of: "k * 2", with: "k * 3")
        try renamed.write(toFile: path + ".tmp", atomically: false, encoding: .utf8)
        #expect(rename(path + ".tmp", path) == 0)
        let third = try terminal.waitFor("the renamed save", timeout: .seconds(60)) { $0.text.contains("ran 1 cell in") }
        #expect(third.lines.contains("21") && Self.count(third, line: 8) == 12)

        // A syntax error: its diagnostic, and the last good outputs stay.
        try (renamed + "let broken = (1\n").write(toFile: path, atomically: false, encoding: .utf8)
        let fourth = try terminal.waitFor("the syntax error", timeout: .seconds(60)) { $0.text.contains("does not parse") }
        #expect(fourth.text.contains("w.nn:9:16: error: expected ')' to close '('"), "\(fourth)")
        #expect(fourth.lines.contains("21") && Self.count(fourth, line: 5) == 10)

        try terminal.press("C-c")
        try terminal.waitFor("the first Ctrl-C noted") { $0.text.contains("Ctrl-C again within a second to leave") }
        try terminal.press("C-c")
        try terminal.waitFor("neurite to exit") { $0.lines.contains("EXITED rc=0") }
    }

    @Test func aPlainLogWithPollingNamesDuplicatesAndCyclesAndRewritesTheNotebook() throws {
        guard ReplTerminalTests.requireTmux() else { return }
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let path = try state.file("w.nn", contents: "let a = 1\nprint(a + 1)\n")
        let log = state.path + "/out.log", errors = state.path + "/err.log"
        let terminal = try TmuxTerminal(
            command: ReplTerminalTests.neuriteCommand(
                stateDirectory: state.path, arguments: [path, "--watch", "--notebook", state.path + "/out.md"],
                environment: "NEURITE_WATCH_POLL=1",
                pipeline: "> \(shellQuoted(log)) 2> \(shellQuoted(errors))"))
        defer { terminal.close() }
        func logText() -> String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }
        func waitForLog(_ what: String, _ text: String) throws {
            let clock = ContinuousClock()
            let deadline = clock.now + .seconds(60)
            while !logText().contains(text) {
                if clock.now > deadline { Issue.record("timed out waiting for \(what)\n\(logText())"); throw TmuxError.timedOut(waitingFor: what, screen: try terminal.screen()) }
                usleep(50_000)
            }
        }
        try waitForLog("the first run", "== done: ran 2 cells")
        try waitForLog("the notebook written", "== wrote \(state.path)/out.md ==")
        let exported = try String(contentsOfFile: state.path + "/out.md", encoding: .utf8)
        #expect(exported.contains("print(a + 1)") && exported.contains("```text\n2\n```"), "\(exported)")
        try "let a = 1\nprint(a + 1)\nlet a = 3\nlet x = y\nlet y = x\nprint(7)\n".write(toFile: path, atomically: true, encoding: .utf8)
        try waitForLog("the second run", "== update 2:")
        try waitForLog("the second run's end", "== done: ran 1 cell")
        #expect(logText().contains("== update 2: running line 6; 0 kept ==\n"), "\(logText())")
        #expect(logText().contains("-- line 2: stale, waits for the cell at line 1, which has an error --\n"), "\(logText())")
        let diagnostics = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        #expect(diagnostics.contains("w.nn:1:5: error: 'a' is defined in more than one cell\n1 | let a = 1\n  |     ^"), "\(diagnostics)")
        #expect(diagnostics.contains("w.nn:3:5: error: 'a' is defined in more than one cell"), "\(diagnostics)")
        #expect(diagnostics.contains("w.nn:4:9: error: cells depend on each other: 'y' comes from a cell that needs this one"), "\(diagnostics)")
        #expect(diagnostics.contains("w.nn:5:9: error: cells depend on each other"), "\(diagnostics)")
        // A run with errors does not rewrite the notebook.
        #expect(try String(contentsOfFile: state.path + "/out.md", encoding: .utf8) == exported)
        try terminal.type("q")
        try terminal.press("Enter")
        try terminal.waitFor("neurite to exit") { $0.lines.contains("EXITED rc=0") }
    }

    @Test func ctrlCStopsTheRunningCellAndKeepsWatching() throws {
        guard ReplTerminalTests.requireTmux() else { return }
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let long = "data d = xor(n: 200, seed: 1)\nmodel m { input 2; dense 16, tanh; dense 1, sigmoid }\n"
            + "let r = train m on d with epochs: 1000000\nprint(\"after\")\n"
        let path = try state.file("w.nn", contents: long)
        let terminal = try TmuxTerminal(
            command: ReplTerminalTests.neuriteCommand(stateDirectory: state.path, arguments: [path, "--watch", "--no-color"]),
            columns: 160, rows: 40)
        defer { terminal.close() }
        try terminal.waitFor("the training to start", timeout: .seconds(60)) { $0.text.contains("running…") }
        usleep(300_000)
        try terminal.press("C-c")
        let stopped = try terminal.waitFor("the cell stopped", timeout: .seconds(20)) { $0.text.contains("ran 3 cells in") }
        #expect(stopped.text.contains("interrupted"), "\(stopped)")
        #expect(stopped.text.contains("stale: not run: interrupted"), "\(stopped)")
        usleep(1_200_000)  // more than a second: the next Ctrl-C does not leave
        try long.replacingOccurrences(of: "epochs: 1000000", with: "epochs: 5").write(toFile: path, atomically: true, encoding: .utf8)
        let rerun = try terminal.waitFor("the next save", timeout: .seconds(60)) { $0.text.contains("ran 3 cells in") && $0.lines.contains("after") }
        #expect(Self.count(rerun, line: 1) == 1 && Self.count(rerun, line: 4) == 6, "\(rerun)")
        try terminal.type("q")
        try terminal.press("Enter")
        try terminal.waitFor("neurite to exit") { $0.lines.contains("EXITED rc=0") }
    }
}
