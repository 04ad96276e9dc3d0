import Foundation
import LineEditor
import Testing

/// The REPL in a real terminal: tmux runs the built binary with `LANG` unset and a private
/// `XDG_STATE_HOME`, the test types keys and reads the screen.
@Suite(.enabled(
    if: TmuxTerminal.executable != nil || TmuxTerminal.isCI,
    "tmux is not installed: the terminal tests are skipped (install tmux to run them)"))
struct ReplTerminalTests {
    /// A shell command line running neurite in the pane, then reporting its exit status.
    /// `pipeline` follows the program (e.g. `> log`).
    static func neuriteCommand(
        stateDirectory: String, arguments: [String] = [], environment: String = "", pipeline: String = ""
    ) -> String {
        let program = ([NeuriteBinary.path] + arguments).map(shellQuoted).joined(separator: " ")
        return "env -u LANG -u LC_ALL -u LC_CTYPE -u LANGUAGE -u NO_COLOR OPENBLAS_NUM_THREADS=1 "
            + "XDG_STATE_HOME=\(shellQuoted(stateDirectory)) \(environment) \(program) \(pipeline); "
            + "echo EXITED rc=$?; sleep 60"
    }

    static func requireTmux() -> Bool {
        if TmuxTerminal.executable == nil {
            Issue.record("tmux is required on CI (CI is set) but is not installed")
            return false
        }
        #expect(NeuriteBinary.isBuilt, "neurite is not built at \(NeuriteBinary.path)")
        return NeuriteBinary.isBuilt
    }

    /// Enter, then wait until the cursor has left the input row (the entry is being evaluated).
    static func submit(_ terminal: TmuxTerminal) throws {
        let row = try terminal.cursorRow()
        try terminal.press("Enter")
        _ = try terminal.waitFor("the entry to be accepted") { _ in try terminal.cursorRow() != row }
    }

    @Test func editingHistoryCompletionUnicodeAndInterrupts() throws {
        guard Self.requireTmux() else { return }
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let terminal = try TmuxTerminal(command: Self.neuriteCommand(stateDirectory: state.path))
        defer { terminal.close() }
        try terminal.waitFor("the first prompt") { $0.lastLine == "nn>" }

        // A definition, then using it.
        try terminal.type("fn sq(x) = x * x")
        try terminal.press("Enter")
        try terminal.waitFor("a second prompt") { $0.promptLines.count == 2 && $0.lastLine == "nn>" }
        try terminal.type("sq(7)")
        try terminal.press("Enter")
        try terminal.waitFor("sq(7) = 49") { $0.lines.contains("49") && $0.lastLine == "nn>" }

        // Up recalls the previous entry.
        try terminal.press("Up")
        try terminal.waitFor("sq(7) recalled by Up") { $0.lastLine == "nn> sq(7)" }
        try terminal.press("Enter")
        try terminal.waitFor("49 a second time") { $0.lines.filter { $0 == "49" }.count == 2 }

        // Tab completes a built-in's name.
        try terminal.type("sigm")
        try terminal.press("Tab")
        try terminal.waitFor("sigm completed to sigmoid") { $0.lastLine == "nn> sigmoid" }
        try terminal.type("(0)")
        try terminal.press("Enter")
        try terminal.waitFor("sigmoid(0) = 0.5") { $0.lines.contains("0.5") && $0.lastLine == "nn>" }

        // UTF-8 input survives although LANG is unset.
        try terminal.type("\"héllo\"")
        try terminal.press("Enter")
        try terminal.waitFor("héllo echoed back") { screen in
            screen.lines.contains { !$0.hasPrefix("nn>") && $0.contains("héllo") } && screen.lastLine == "nn>"
        }
        #expect(try terminal.screen().lines.contains("nn> \"héllo\""))

        // Ctrl-C stops a long evaluation and the session goes on.
        try terminal.type("sum([sin(x) for x in 1..100000000])")
        try Self.submit(terminal)
        let clock = ContinuousClock()
        let interruptedAt = clock.now
        // Pressed at once, possibly before the evaluation has started: the press still counts.
        try terminal.press("C-c")
        try terminal.waitFor("the interrupt to be reported") { screen in
            screen.lines.contains(where: { $0.hasSuffix("interrupted") }) && screen.lastLine == "nn>"
        }
        #expect(clock.now - interruptedAt < .seconds(10))
        try terminal.type("sq(3)")
        try terminal.press("Enter")
        try terminal.waitFor("sq(3) = 9 after the interrupt") { $0.lines.contains("9") && $0.lastLine == "nn>" }

        // Ctrl-C at the prompt drops the line being typed.
        try terminal.type("40 + ")
        try terminal.waitFor("the typed line") { $0.lastLine == "nn> 40 +" }
        try terminal.press("C-c")
        try terminal.waitFor("the line cleared") { $0.lines.contains("nn> 40 + ^C") && $0.lastLine == "nn>" }
        try terminal.type("2")
        try terminal.press("Enter")
        try terminal.waitFor("2 evaluated alone") { $0.row(after: "nn> 2") == "2" }
        #expect(try !terminal.screen().lines.contains("42"))

        // Ctrl-D on an empty line leaves with status 0.
        try terminal.press("C-d")
        try terminal.waitFor("neurite to exit") { $0.lines.contains("EXITED rc=0") }

        // The history file holds this session's entries, each once, oldest first.
        let historyPath = state.path + "/neurite/history"
        #expect(try HistoryFile(path: historyPath).load() == [
            "fn sq(x) = x * x", "sq(7)", "sigmoid(0)", "\"héllo\"", "sum([sin(x) for x in 1..100000000])",
            "sq(3)", "2",
        ])

        // The next session starts with that history: Up recalls the previous session's entries.
        let next = try TmuxTerminal(command: Self.neuriteCommand(stateDirectory: state.path))
        defer { next.close() }
        try next.waitFor("the first prompt of the next session") { $0.lastLine == "nn>" }
        try next.press("Up")
        try next.waitFor("the last entry recalled") { $0.lastLine == "nn> 2" }
        try next.press("Up")
        try next.waitFor("the entry before it recalled") { $0.lastLine == "nn> sq(3)" }
        try next.press("Down")
        try next.waitFor("Down back to the last entry") { $0.lastLine == "nn> 2" }
        try next.press("Enter")
        try next.waitFor("the recalled entry evaluated") { $0.row(after: "nn> 2") == "2" }
        try next.press("C-d")
        try next.waitFor("the next session to exit") { $0.lines.contains("EXITED rc=0") }
    }

    /// neurite starts in a 60-column terminal that is then widened to 100: the next plot uses the
    /// new width (the size is read again before each evaluation).
    @Test func plotsFollowAResizedTerminal() throws {
        guard Self.requireTmux() else { return }
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let terminal = try TmuxTerminal(
            command: Self.neuriteCommand(stateDirectory: state.path), columns: 60, rows: 30)
        defer { terminal.close() }
        try terminal.waitFor("the first prompt") { $0.lastLine == "nn>" }
        try terminal.resize(columns: 100, rows: 30)
        try terminal.type("plot relu over -3..3")
        try terminal.press("Enter")
        let screen = try terminal.waitFor("the plot") { $0.promptLines.count == 2 && $0.lastLine == "nn>" }
        let widest = screen.lines.map(\.count).max() ?? 0
        #expect(widest > 60 && widest <= 100, "\(screen)")
        try terminal.press("C-d")
        try terminal.waitFor("neurite to exit") { $0.lines.contains("EXITED rc=0") }
    }

    /// Tab completes an option name after `with` and an option's word value, from the declarations.
    @Test func tabCompletesOptionNamesAndValues() throws {
        guard Self.requireTmux() else { return }
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let terminal = try TmuxTerminal(command: Self.neuriteCommand(stateDirectory: state.path))
        defer { terminal.close() }
        try terminal.waitFor("the first prompt") { $0.lastLine == "nn>" }
        try terminal.type("model m { input 2; dense 4, relu, ini")
        try terminal.press("Tab")
        try terminal.waitFor("ini completed to the layer option init:") {
            $0.lastLine == "nn> model m { input 2; dense 4, relu, init:"
        }
        try terminal.type("he_n")
        try terminal.press("Tab")
        try terminal.waitFor("he_n completed to he_normal") { $0.lastLine == "nn> model m { input 2; dense 4, relu, init: he_normal" }
        try terminal.type("; dense 1, sigmoid }")
        try Self.submit(terminal)
        try terminal.waitFor("the prompt after the model") { $0.lastLine == "nn>" }
        try terminal.type("let r = train m on xor(n: 20, seed: 1) with epo")
        try terminal.press("Tab")
        try terminal.waitFor("epo completed to epochs:") { $0.lastLine == "nn> let r = train m on xor(n: 20, seed: 1) with epochs:" }
        try terminal.type("2, optimizer: rms")
        try terminal.press("Tab")
        try terminal.waitFor("rms completed to rmsprop") {
            $0.lastLine == "nn> let r = train m on xor(n: 20, seed: 1) with epochs: 2, optimizer: rmsprop"
        }
        try Self.submit(terminal)
        try terminal.waitFor("the training to finish") { $0.lastLine == "nn>" }
        try terminal.type("r.epochs")
        try terminal.press("Enter")
        try terminal.waitFor("two epochs trained") { $0.lines.contains("2") && $0.lastLine == "nn>" }
        try terminal.press("C-d")
        try terminal.waitFor("neurite to exit") { $0.lines.contains("EXITED rc=0") }
    }

    @Test func multiLineEntryAndMetaCommands() throws {
        guard Self.requireTmux() else { return }
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let terminal = try TmuxTerminal(command: Self.neuriteCommand(stateDirectory: state.path))
        defer { terminal.close() }
        try terminal.waitFor("the first prompt") { $0.lastLine == "nn>" }

        try terminal.type("fn twice(x) {")
        try terminal.press("Enter")
        try terminal.waitFor("the continuation prompt") { $0.lastLine == "..>" }
        try terminal.type("  x * 2")
        try terminal.press("Enter")
        try terminal.waitFor("the continuation prompt again") { $0.lastLine == "..>  x * 2" || $0.lastLine == "..>" }
        try terminal.type("}")
        try terminal.press("Enter")
        try terminal.waitFor("the primary prompt after the block") { $0.lastLine == "nn>" }
        try terminal.type("twice(21)")
        try terminal.press("Enter")
        try terminal.waitFor("twice(21) = 42") { $0.lines.contains("42") && $0.lastLine == "nn>" }

        // Tab completes the user's own name.
        try terminal.type("twi")
        try terminal.press("Tab")
        try terminal.waitFor("twi completed to twice") { $0.lastLine == "nn> twice" }
        try terminal.press("C-u")
        try terminal.waitFor("the line erased") { $0.lastLine == "nn>" }

        // An ambiguous prefix lists the candidates and keeps the line.
        try terminal.type("si")
        try terminal.press("Tab")
        try terminal.waitFor("the candidates for si listed") { screen in
            screen.lines.contains { $0.contains("sigmoid") && $0.contains("sinh") } && screen.lastLine == "nn> si"
        }
        try terminal.press("C-u")

        // Ctrl-R searches the history backwards as one types.
        try terminal.press("C-r")
        try terminal.type("twi")
        try terminal.waitFor("the search prompt") { $0.lines.contains { $0.contains("twi") && !$0.hasPrefix("nn>") } }
        try terminal.press("Enter")
        try terminal.waitFor("the found entry evaluated again") { $0.lines.filter { $0 == "42" }.count == 2 }

        try terminal.type(":history")
        try terminal.press("Enter")
        try terminal.waitFor("the numbered history") { screen in
            screen.lines.contains("1  fn twice(x) {") && screen.lines.contains("2  twice(21)")
                && screen.lines.contains("3  :history") && screen.lastLine == "nn>"
        }
        try terminal.type(":quit")
        try terminal.press("Enter")
        try terminal.waitFor("neurite to exit on :quit") { $0.lines.contains("EXITED rc=0") }
        #expect(try HistoryFile(path: state.path + "/neurite/history").load()
            == ["fn twice(x) {\n  x * 2\n}", "twice(21)", ":history", ":quit"])
    }

    /// `:notebook` and `:save` typed in a terminal: the notebook holds what the entries showed (the
    /// live progress line of `train` left out), and the saved script runs on its own.
    @Test func notebookAndSaveFromATerminalSession() throws {
        guard Self.requireTmux() else { return }
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let terminal = try TmuxTerminal(command: Self.neuriteCommand(stateDirectory: state.path))
        defer { terminal.close() }
        try terminal.waitFor("the first prompt") { $0.lastLine == "nn>" }
        for entry in [
            "data d = circle(n: 50, noise: 0.1, seed: 1)", "model m { input 2; dense 4, tanh; dense 1, sigmoid }",
            "let r = train m on d with epochs: 30, lr: 0.1", "print(r.epochs)",
        ] {
            try terminal.type(entry)
            try Self.submit(terminal)
            try terminal.waitFor("the prompt after \(entry)") { $0.lastLine == "nn>" }
        }
        try terminal.type(":notebook \(state.path)/s.md")
        try Self.submit(terminal)
        try terminal.waitFor("the notebook saved") { $0.lines.contains("saved \(state.path)/s.md") }
        try terminal.type(":save \(state.path)/s.nn")
        try Self.submit(terminal)
        try terminal.waitFor("the script saved") { $0.lines.contains("saved 4 entries to \(state.path)/s.nn") }
        try terminal.type(":quit")
        try terminal.press("Enter")
        try terminal.waitFor("neurite to exit") { $0.lines.contains("EXITED rc=0") }

        let markdown = try String(contentsOfFile: state.path + "/s.md", encoding: .utf8)
        #expect(markdown.hasSuffix("```neurite\nprint(r.epochs)\n```\n\n```text\n30\n```\n"), "\(markdown)")
        #expect(!markdown.contains("30/30") && !markdown.contains("\u{1B}"), "the progress line leaked: \(markdown)")
        let rerun = try ProcessRun.neurite([state.path + "/s.nn"])
        #expect(rerun.status == 0 && rerun.standardOutput == "30\n", "\(rerun.standardError)")
    }

    @Test func suspendAndResumeRedrawsThePromptAndKeepsTheLine() throws {
        guard Self.requireTmux() else { return }
        let state = try TemporaryDirectory()
        defer { state.remove() }
        // A shell with job control, so that Ctrl-Z stops neurite and `fg` resumes it.
        // `timeout` ends the shell (and so the tmux server) even if this test dies before closing it.
        let terminal = try TmuxTerminal(command: "timeout --foreground 120 env PS1='sh$ ' bash --norc --noprofile -i")
        defer { terminal.close() }
        try terminal.waitFor("the shell prompt") { $0.lastLine == "sh$" }
        let program = [NeuriteBinary.path].map(shellQuoted).joined()
        try terminal.type("env -u LANG XDG_STATE_HOME=\(shellQuoted(state.path)) \(program)")
        try terminal.press("Enter")
        try terminal.waitFor("the first prompt") { $0.lastLine == "nn>" }
        try terminal.type("7 *")
        try terminal.waitFor("the typed line") { $0.lastLine == "nn> 7 *" }
        // Ctrl-Z while neurite waits for a key (a Ctrl-Z that lands while libedit is still drawing
        // is only noticed at the next key after `fg`: a known limitation, see Docs/cli.md).
        try terminal.waitUntilReadingInput()
        try terminal.press("C-z")
        try terminal.waitFor("neurite stopped") { $0.lines.contains { $0.contains("Stopped") } && $0.lastLine == "sh$" }
        try terminal.type("fg")
        try terminal.press("Enter")
        try terminal.waitFor("the prompt redrawn with the typed line") { $0.lastLine == "nn> 7 *" }
        try terminal.type(" 6")
        try terminal.press("Enter")
        try terminal.waitFor("the finished line evaluated") { $0.row(after: "nn> 7 * 6") == "42" }
        try terminal.press("C-d")
        try terminal.waitFor("back in the shell") { $0.lastLine == "sh$" }
    }

    /// A file in the history's place that is not a Neurite history: said once, never
    /// overwritten, and the session works as usual.
    @Test func aForeignHistoryFileIsLeftAloneAndTheSessionGoesOn() throws {
        guard Self.requireTmux() else { return }
        let state = try TemporaryDirectory()
        defer { state.remove() }
        try FileManager.default.createDirectory(atPath: state.path + "/neurite", withIntermediateDirectories: true)
        let historyPath = state.path + "/neurite/history"
        try "someone else's notes\n".write(toFile: historyPath, atomically: false, encoding: .utf8)
        let terminal = try TmuxTerminal(command: Self.neuriteCommand(stateDirectory: state.path))
        defer { terminal.close() }
        try terminal.waitFor("the warning and the first prompt") { screen in
            screen.lines.contains { $0.hasPrefix("neurite: warning:") }
                && screen.lines.joined().contains("Neurite history file") && screen.lastLine == "nn>"
        }
        for (entry, value) in [("1 + 1", "2"), ("2 * 3", "6")] {
            try terminal.type(entry)
            try terminal.press("Enter")
            try terminal.waitFor("\(entry) evaluated") { $0.row(after: "nn> \(entry)") == value }
        }
        try terminal.press("C-d")
        try terminal.waitFor("neurite to exit") { $0.lines.contains("EXITED rc=0") }
        let warnings = try terminal.screen().lines.filter { $0.hasPrefix("neurite: warning:") }
        #expect(warnings.count == 1)
        #expect(try String(contentsOfFile: historyPath, encoding: .utf8) == "someone else's notes\n")
    }

    @Test func twoSessionsAtOnceShareTheHistoryFile() throws {
        guard Self.requireTmux() else { return }
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let first = try TmuxTerminal(command: Self.neuriteCommand(stateDirectory: state.path))
        defer { first.close() }
        let second = try TmuxTerminal(command: Self.neuriteCommand(stateDirectory: state.path))
        defer { second.close() }
        for terminal in [first, second] {
            try terminal.waitFor("the first prompt") { $0.lastLine == "nn>" }
        }
        // Interleaved entries: each save re-reads the file, so neither session drops the other's.
        for (terminal, entry, value) in [(first, "1 + 1", "2"), (second, "2 + 2", "4"), (first, "3 + 3", "6")] {
            try terminal.type(entry)
            try terminal.press("Enter")
            try terminal.waitFor("\(entry) evaluated") { $0.row(after: "nn> \(entry)") == value }
        }
        for terminal in [second, first] {
            try terminal.press("C-d")
            try terminal.waitFor("neurite to exit") { $0.lines.contains("EXITED rc=0") }
        }
        #expect(try HistoryFile(path: state.path + "/neurite/history").load() == ["1 + 1", "2 + 2", "3 + 3"])
    }

    /// `neurite > log` (or `| tee log`): standard output is not a terminal but the user still is,
    /// so the prompt, editing and completion work on standard error (libedit fell back to reading
    /// plain lines without a prompt), and the values go to the file.
    @Test func replWithRedirectedOutputStillEdits() throws {
        guard Self.requireTmux() else { return }
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let log = state.path + "/session.log"
        let terminal = try TmuxTerminal(
            command: Self.neuriteCommand(stateDirectory: state.path, pipeline: "> \(shellQuoted(log))"))
        defer { terminal.close() }
        try terminal.waitFor("the first prompt") { $0.lastLine == "nn>" }
        try terminal.type("sigm")
        try terminal.press("Tab")
        try terminal.waitFor("sigm completed to sigmoid") { $0.lastLine == "nn> sigmoid" }
        try terminal.type("(0)")
        try terminal.press("Enter")
        try terminal.waitFor("a second prompt") { $0.promptLines.count == 2 && $0.lastLine == "nn>" }
        try terminal.press("C-d")
        try terminal.waitFor("neurite to exit") { $0.lines.contains("EXITED rc=0") }
        #expect(try String(contentsOfFile: log, encoding: .utf8).hasSuffix("\n0.5\n"))
    }

    @Test(arguments: [
        (arguments: ["-e", "undefined_name_xyz"], environment: "", colored: true),
        (arguments: ["-e", "undefined_name_xyz"], environment: "NO_COLOR=1", colored: false),
        (arguments: ["--no-color", "-e", "undefined_name_xyz"], environment: "", colored: false),
    ])
    func colourOnlyOnATerminalAndUnlessDisabled(arguments: [String], environment: String, colored: Bool) throws {
        guard Self.requireTmux() else { return }
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let terminal = try TmuxTerminal(
            command: Self.neuriteCommand(stateDirectory: state.path, arguments: arguments, environment: environment))
        defer { terminal.close() }
        let screen = try terminal.waitFor("neurite -e to exit", escapes: true) { $0.text.contains("EXITED rc=1") }
        #expect(screen.text.contains("undefined_name_xyz"))
        #expect(screen.text.contains("\u{1B}[") == colored, "\(screen)")
    }
}
