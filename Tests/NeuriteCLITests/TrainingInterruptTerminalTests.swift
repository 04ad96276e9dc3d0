import Foundation
import Testing

/// Ctrl-C during `train` in the real REPL under tmux: the live progress line is redrawn in place,
/// Ctrl-C stops training between steps, the run is bound and marked interrupted, the model keeps
/// its weights, and the session goes on.
@Suite(.enabled(
    if: TmuxTerminal.executable != nil || TmuxTerminal.isCI,
    "tmux is not installed: the terminal tests are skipped (install tmux to run them)"))
struct TrainingInterruptTerminalTests {
    @Test func ctrlCDuringTrainingKeepsTheModelAndTheSession() throws {
        guard ReplTerminalTests.requireTmux() else { return }
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let terminal = try TmuxTerminal(command: ReplTerminalTests.neuriteCommand(stateDirectory: state.path))
        defer { terminal.close() }
        try terminal.waitFor("the first prompt") { $0.lastLine == "nn>" }

        try terminal.type("model m { input 2; dense 16, relu; dense 1, sigmoid }")
        try terminal.press("Enter")
        try terminal.waitFor("the model defined") { $0.promptLines.count == 2 && $0.lastLine == "nn>" }

        try terminal.type("let r = train m on circle(seed: 1) with epochs: 1000000, batch: 1")
        try ReplTerminalTests.submit(terminal)
        // The progress line (label, epoch count of the total) appears and is redrawn in place.
        try terminal.waitFor("the progress line", timeout: .seconds(30)) { screen in
            screen.lines.contains { $0.hasPrefix("m ") && $0.contains("/1000000") && $0.contains("loss") }
        }
        try terminal.press("C-c")
        let screen = try terminal.waitFor("the interruption note", timeout: .seconds(20)) { screen in
            screen.lines.contains { $0.hasPrefix("note: training of m interrupted after ") } && screen.lastLine == "nn>"
        }
        #expect(screen.lines.filter { $0.contains("/1000000") }.count == 1, "the progress line is redrawn in place\n\(screen)")
        #expect(!screen.lines.contains { $0.hasSuffix("interrupted") && $0.hasPrefix("interrupted") })

        try terminal.type("r.stopped")
        try terminal.press("Enter")
        try terminal.waitFor("the run marked interrupted") { $0.row(after: "nn> r.stopped") == "\"interrupted\"" }
        try terminal.type("m.trained")
        try terminal.press("Enter")
        try terminal.waitFor("the model trained") { $0.row(after: "nn> m.trained") == "true" }
        try terminal.type("len(predict(m, [0, 0]))")
        try terminal.press("Enter")
        try terminal.waitFor("the model predicts") { $0.row(after: "nn> len(predict(m, [0, 0]))") == "1" }

        try terminal.press("C-d")
        try terminal.waitFor("neurite to exit") { $0.lines.contains("EXITED rc=0") }
    }
}
