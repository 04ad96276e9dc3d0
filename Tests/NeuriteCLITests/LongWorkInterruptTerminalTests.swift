import Foundation
import Testing

/// Ctrl-C during the long work that is not training — reading a large CSV file, writing an SVG or
/// a PNG of a million-cell heatmap — in the real REPL under tmux: the work stops soon, nothing is
/// bound or written, and the session goes on. The time from the key to the prompt is printed
/// (the screen is polled every 50 ms, so it overstates the real delay by up to that). A picture
/// being drawn is finished before the stop (its work is bounded by its pixel size, not the
/// matrix's: about 2 s in a debug build, a tenth of that in release), so the bound is loose.
@Suite(.enabled(
    if: TmuxTerminal.executable != nil || TmuxTerminal.isCI,
    "tmux is not installed: the terminal tests are skipped (install tmux to run them)"))
struct LongWorkInterruptTerminalTests {
    enum Work: String, CaseIterable, Sendable {
        case csv, svg, png
    }

    /// A CSV file of 800 000 rows (about 30 MB): several seconds to read in a debug build.
    static func writeLargeCSV(to path: String) throws {
        var text = "a,b,c,d,label\n"
        text.reserveCapacity(31_000_000)
        for row in 0..<800_000 {
            let x = Double(row % 977) / 977
            text += "\(x),\(1 - x),\(x * x),\(x / 2),\(row % 3)\n"
        }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    @Test(arguments: Work.allCases)
    func ctrlCStopsTheWorkAndKeepsTheSession(_ work: Work) throws {
        guard ReplTerminalTests.requireTmux() else { return }
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let output = state.path + "/picture.\(work.rawValue)"
        let entry: String
        switch work {
        case .csv:
            try Self.writeLargeCSV(to: state.path + "/big.csv")
            entry = "data big = csv(\"\(state.path)/big.csv\")"
        case .svg, .png:
            entry = "heatmap m with \(work.rawValue): \"\(output)\""
        }
        let terminal = try TmuxTerminal(command: ReplTerminalTests.neuriteCommand(stateDirectory: state.path))
        defer { terminal.close() }
        try terminal.waitFor("the first prompt") { $0.lastLine == "nn>" }
        if work != .csv {
            try terminal.type("let m = [[x * y for x in 1..1000] for y in 1..1000]")
            try ReplTerminalTests.submit(terminal)
            try terminal.waitFor("the matrix made", timeout: .seconds(60)) { $0.lastLine == "nn>" }
        }
        try terminal.type(entry)
        try ReplTerminalTests.submit(terminal)
        usleep(400_000)  // well into the work, which takes seconds
        let clock = ContinuousClock()
        let pressed = clock.now
        try terminal.press("C-c")
        let screen = try terminal.waitFor("the work interrupted", timeout: .seconds(20)) { screen in
            screen.lines.contains { $0.contains("interrupted") } && screen.lastLine == "nn>"
        }
        let delay = clock.now - pressed
        print("Ctrl-C during \(work.rawValue): the prompt back after \(delay) (screen polled every 50 ms)")
        #expect(delay < .seconds(4), "\(screen)")

        try terminal.type("1 + 1")
        try terminal.press("Enter")
        try terminal.waitFor("the session answers") { $0.row(after: "nn> 1 + 1") == "2" }
        if work == .csv {
            try terminal.type("big")
            try terminal.press("Enter")
            try terminal.waitFor("nothing bound") { screen in screen.lines.contains { $0.contains("unknown name 'big'") } }
        } else {
            #expect(!FileManager.default.fileExists(atPath: output), "the \(work.rawValue) file was written after Ctrl-C")
        }
        try terminal.press("C-d")
        try terminal.waitFor("neurite to exit") { $0.lines.contains("EXITED rc=0") }
    }
}
