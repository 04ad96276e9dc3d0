import NeuriteInterpreter
import NeuritePlot
import Testing
@testable import neurite

@Suite struct InvocationTests {
    @Test(arguments: [
        ([], Invocation(mode: .repl)),
        (["script.nn"], Invocation(mode: .script(path: "script.nn"))),
        (["-e", "1 + 2"], Invocation(mode: .evaluate(code: "1 + 2"))),
        (["--eval", "x"], Invocation(mode: .evaluate(code: "x"))),
        (["--no-color", "-e", "x"], Invocation(mode: .evaluate(code: "x"), noColor: true)),
        (["--help", "--bogus"], Invocation(mode: .help)),
        (["-h"], Invocation(mode: .help)),
        (["--version"], Invocation(mode: .version)),
        (["--", "-odd.nn"], Invocation(mode: .script(path: "-odd.nn"))),
        (["-"], Invocation(mode: .standardInput)),
        (["--no-color", "-"], Invocation(mode: .standardInput, noColor: true)),
        (["-e", "-1"], Invocation(mode: .evaluate(code: "-1"))),
        (["s.nn", "--keep-going"], Invocation(mode: .script(path: "s.nn"), keepGoing: true)),
        (["s.nn", "--watch"], Invocation(mode: .script(path: "s.nn"), watch: true)),
        (["--notebook", "out.md", "s.nn"], Invocation(
            mode: .script(path: "s.nn"), notebooks: [NotebookRequest(path: "out.md", format: .markdown)])),
        (["s.nn", "--notebook", "o.IPYNB", "--ipynb", "other"], Invocation(
            mode: .script(path: "s.nn"),
            notebooks: [NotebookRequest(path: "o.IPYNB", format: .jupyter), NotebookRequest(path: "other", format: .jupyter)])),
    ])
    func parsesValidCommandLines(arguments: [String], expected: Invocation) {
        #expect(Invocation.parse(arguments) == .success(expected))
    }

    @Test(arguments: [
        (["--frobnicate"], UsageError.unknownOption("--frobnicate", suggestion: nil)),
        (["--hepl"], .unknownOption("--hepl", suggestion: "--help")),
        (["--no-colour"], .unknownOption("--no-colour", suggestion: "--no-color")),
        (["--evla"], .unknownOption("--evla", suggestion: "--eval")),
        (["-e"], .missingValue(option: "-e")),
        (["a.nn", "b.nn"], .unexpectedArgument("b.nn")),
        (["a.nn", "-e", "1"], .scriptAndExpression),
        (["-e", "1", "-e", "2"], .unexpectedArgument("-e")),
        (["--keep-going"], .needsScript(option: "--keep-going")),
        (["--watch"], .needsScript(option: "--watch")),
        (["--wacth"], .unknownOption("--wacth", suggestion: "--watch")),
        (["-e", "1", "--ipynb", "x.ipynb"], .needsScript(option: "--ipynb")),
        (["-", "--notebook", "x.md"], .needsScript(option: "--notebook")),
        (["s.nn", "--notebook", "x.txt"], .unknownNotebookFormat(path: "x.txt")),
        (["s.nn", "--notebook"], .missingValue(option: "--notebook")),
        (["--keep-ging"], .unknownOption("--keep-ging", suggestion: "--keep-going")),
    ])
    func rejectsBadUsage(arguments: [String], expected: UsageError) {
        #expect(Invocation.parse(arguments) == .failure(expected))
    }
}

@Suite struct DisplaySettingsTests {
    @Test(arguments: [
        (false, [String: String](), true, true, true),
        (true, [:], true, true, false),
        (false, ["NO_COLOR": "1"], true, true, false),
        (false, ["NO_COLOR": ""], true, true, true),  // the convention: only a non-empty value counts
        (false, ["TERM": "dumb"], true, true, false),
        (false, [:], false, false, false),
        (false, [:], false, true, true),
    ])
    func colour(flag: Bool, environment: [String: String], stdoutTTY: Bool, stderrTTY: Bool, expected: Bool) {
        #expect(DisplaySettings.colorEnabled(
            noColorFlag: flag, environment: environment, stdoutIsTerminal: stdoutTTY,
            stderrIsTerminal: stderrTTY) == expected)
    }

    @Test(arguments: [
        ([String: String](), false), (["TERM": "xterm"], false), (["TERM": "linux"], false),
        (["TERM": "xterm-256color"], true), (["TERM": "tmux-256color"], true), (["TERM": "xterm-direct"], true),
        (["TERM": "xterm", "COLORTERM": "truecolor"], true), (["TERM": "screen", "COLORTERM": ""], false),
    ])
    func palette(environment: [String: String], expected: Bool) {
        #expect(DisplaySettings.supports256Colors(environment: environment) == expected)
    }

    @Test func sizePrefersTheTerminalThenTheEnvironment() {
        #expect(DisplaySettings.size(terminal: (120, 40), environment: ["COLUMNS": "50"]) == (120, 40))
        #expect(DisplaySettings.size(terminal: nil, environment: ["COLUMNS": "50", "LINES": "10"]) == (50, 10))
        #expect(DisplaySettings.size(terminal: nil, environment: ["COLUMNS": "wide", "LINES": "-3"]) == (80, 24))
    }
}

@Suite struct EscapeRemovalTests {
    @Test(arguments: [
        ("\u{1B}[1;31merror\u{1B}[0m: x", "error: x"),
        ("plain é text", "plain é text"),
        ("\u{1B}[38;5;208mhot\u{1B}[m", "hot"),
        ("\u{1B}", ""),
        ("a\u{1B}(Bb", "ab"),
        ("\u{1B}]0;title\u{07}x\u{1B}]8;;u\u{1B}\\y", "xy"),
        ("a\u{1B}_Gf=100;AAAA\u{1B}\\b", "ab"),  // a kitty picture (APC)
        ("a\u{1B}Pq#0;2;0;0;0~-\u{1B}\\b", "ab"),  // a sixel picture (DCS)
    ])
    func removesEscapeSequences(text: String, expected: String) {
        #expect(TerminalText.removingEscapes(text) == expected)
    }

    @Test(arguments: [
        ("epoch 1\repoch 2\r\u{1B}[Kdone\nnext", "done\nnext"),
        ("no return", "no return"),
    ])
    func plainKeepsWhatALineShowsLast(text: String, expected: String) {
        #expect(TerminalText.plain(text) == expected)
    }
}

@Suite struct MetaCommandTests {
    @Test(arguments: [(":quit", true), ("  :history", true), ("x = 1", false), (":load a\nb", false), ("a :b", false)])
    func recognisesMetaCommandLines(text: String, isMeta: Bool) {
        #expect(SessionEvaluator.isMetaCommand(text) == isMeta)
    }
}

@Suite struct InterruptStateTests {
    @Test func atThePromptAPressOnlyRaisesTheFlag() {
        let state = InterruptState(flag: InterruptFlag())
        for _ in 0..<5 { #expect(!state.interruptReceived()) }
        #expect(state.flag.isRaised)
    }

    @Test func thirdPressDuringOneEvaluationForcesAnExit() {
        let state = InterruptState(flag: InterruptFlag())
        let answers = state.evaluating { (1...InterruptState.forcedExitPresses).map { _ in state.interruptReceived() } }
        #expect(answers == [false, false, true])
        // A new evaluation starts counting again.
        #expect(!state.evaluating { state.interruptReceived() })
    }
}
