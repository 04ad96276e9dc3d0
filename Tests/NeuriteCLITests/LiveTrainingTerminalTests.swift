import Foundation
import Testing

/// The live training view in the real REPL under tmux: its panels update while models train, it
/// re-lays itself when the terminal is resized, and Ctrl-C stops training leaving the last frame,
/// a usable prompt and the runs so far.
@Suite(.enabled(
    if: TmuxTerminal.executable != nil || TmuxTerminal.isCI,
    "tmux is not installed: the terminal tests are skipped (install tmux to run them)"))
struct LiveTrainingTerminalTests {
    static let title = "training loss by epoch"

    @Test func panelsUpdateSurviveAResizeAndCtrlCLeavesAPrompt() throws {
        guard ReplTerminalTests.requireTmux() else { return }
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let terminal = try TmuxTerminal(
            command: ReplTerminalTests.neuriteCommand(stateDirectory: state.path), columns: 110, rows: 44)
        defer { terminal.close() }
        try terminal.waitFor("the first prompt") { $0.lastLine == "nn>" }
        for line in [
            "data ring = circle(noise: 0.1, seed: 1)",
            "model net(act) { input 2; dense 8, act; dense 8, act; dense 1, sigmoid }",
        ] {
            try terminal.type(line)
            try ReplTerminalTests.submit(terminal)
        }
        try terminal.type(
            "let runs = train net(tanh), net(relu), net(sigmoid) on ring with epochs: 100000, batch: 10, lr: 0.03, live: true")
        try terminal.press("Enter")

        // Two moments of the same training: the loss curves have moved.
        let first = try terminal.waitFor("the live view", timeout: .seconds(30)) { screen in
            screen.lines.contains { $0.contains(Self.title) } && screen.lines.contains { $0.contains("net(sigmoid)") }
                && screen.lines.contains { $0.contains("L3") }
        }
        usleep(1_500_000)
        let second = try terminal.screen()
        #expect(Self.lossPlot(first) != Self.lossPlot(second), "the loss curves did not move:\n\(second.text)")
        #expect(second.lines.filter { $0.contains(Self.title) }.count == 1, "\(second.text)")

        // Narrower: one frame, laid out again within the new width.
        try terminal.resize(columns: 80, rows: 40)
        try terminal.waitFor("the view laid out again at 80 columns", timeout: .seconds(10)) { screen in
            // (Lines of the old frame that the terminal rewrapped would be 80 columns wide.)
            screen.lines.filter { $0.contains(Self.title) }.count == 1 && screen.lines.allSatisfy { $0.count < 80 }
        }

        try terminal.press("C-c")
        let stopped = try terminal.waitFor("training interrupted", timeout: .seconds(20)) { screen in
            screen.lines.contains { $0.contains("interrupted") } && screen.lastLine == "nn>"
        }
        // The last frame stays above the notes.
        #expect(stopped.lines.contains { $0.contains(Self.title) }, "\(stopped.text)")
        try terminal.type("len(runs) > 0")
        try terminal.press("Enter")
        try terminal.waitFor("the runs so far") { $0.row(after: "nn> len(runs) > 0") == "true" }
        try terminal.press("C-d")
        try terminal.waitFor("neurite to exit") { $0.lines.contains("EXITED rc=0") }
    }

    /// The rows of the loss plot (between its title and the panels).
    static func lossPlot(_ screen: Screen) -> [String] {
        guard let start = screen.lines.firstIndex(where: { $0.contains(title) }) else { return [] }
        return Array(screen.lines[start...].prefix(10))
    }
}
