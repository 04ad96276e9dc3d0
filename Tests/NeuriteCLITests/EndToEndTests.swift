import Foundation
import Testing

/// The built `neurite` run as a program with stdin, stdout and stderr that are not terminals.
@Suite struct EndToEndTests {
    init() {
        #expect(NeuriteBinary.isBuilt, "neurite is not built at \(NeuriteBinary.path)")
    }

    @Test func helpGoesToStandardOutput() throws {
        let result = try ProcessRun.neurite(["--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("usage: neurite"))
        #expect(result.standardOutput.contains("--no-color"))
        #expect(result.standardError.isEmpty)
    }

    /// Without a terminal, training progress is plain periodic lines on standard error (first epoch,
    /// about every tenth, the last); standard output keeps only the script's own output.
    @Test func trainingProgressIsPlainLinesOnStandardError() throws {
        let result = try ProcessRun.neurite(["-e", """
            data ring = circle(n: 100, noise: 0.1, seed: 1)
            model net { input 2; dense 4, relu; dense 1, sigmoid }
            let run = train net on ring with epochs: 20, lr: 0.03
            run.epochs
            """])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "20\n")
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.first?.hasPrefix("net  1/20 ") == true, "\(result.standardError)")
        #expect(lines.last?.hasPrefix("net 20/20 ") == true, "\(result.standardError)")
        #expect((3...12).contains(lines.count), "\(result.standardError)")
        #expect(!result.standardError.contains("\u{1B}"))
    }

    /// Models training at once write their plain progress lines whole, each named by its model.
    @Test func parallelTrainingWritesWholePlainLines() throws {
        let result = try ProcessRun.neurite(["-e", """
            data ring = circle(n: 100, noise: 0.1, seed: 1)
            model net(act) { input 2; dense 4, act; dense 1, sigmoid }
            let runs = train net(relu), net(tanh) on ring with epochs: 20, lr: 0.03, workers: 2
            len(runs)
            """])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "2\n")
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.allSatisfy { $0.hasPrefix("net(relu) ") || $0.hasPrefix("net(tanh) ") }, "\(result.standardError)")
        #expect(lines.contains { $0.hasPrefix("net(relu) 20/20 ") }, "\(result.standardError)")
        #expect(lines.contains { $0.hasPrefix("net(tanh) 20/20 ") }, "\(result.standardError)")
    }

    /// `neurite -` reads standard input as piped input is read: entries echoed, errors by line.
    @Test func dashReadsStandardInput() throws {
        let result = try ProcessRun.neurite(["-"], input: "fn f(x) {\n  x * 2\n}\nf(21)\nnope\n")
        #expect(result.standardOutput == "42\n")
        #expect(result.standardError.hasPrefix("<stdin>:5:1: error: unknown name 'nope'"), "\(result.standardError)")
        #expect(result.status == 1)
    }

    @Test func versionIsOneLine() throws {
        let result = try ProcessRun.neurite(["--version"])
        #expect(result.status == 0)
        #expect(result.standardOutput.wholeMatch(of: /neurite \d+\.\d+\.\d+\n/) != nil)
    }

    @Test(arguments: [["--frobnicate"], ["--hepl"], ["-e"], ["a.nn", "b.nn"], ["a.nn", "-e", "1"]])
    func badUsageExitsTwoWithUsageOnStandardError(arguments: [String]) throws {
        let result = try ProcessRun.neurite(arguments)
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("neurite: error: "))
        #expect(result.standardError.contains("usage: neurite"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test func unknownOptionSuggestsTheNearestOne() throws {
        let result = try ProcessRun.neurite(["--hepl"])
        let firstLine = result.standardError.split(separator: "\n").first.map(String.init)
        #expect(firstLine == "neurite: error: unknown option '--hepl'; did you mean '--help'?")
    }

    /// Meta-command errors in piped input name their origin, as every error at no place in a source does.
    @Test func metaCommandErrorsNameTheirOrigin() throws {
        let result = try ProcessRun.neurite([], input: ":hepl\n:load /nonexistent/x.nn\n")
        #expect(result.status == 1)
        #expect(result.standardError == """
            <stdin>: error: unknown command ':hepl'; did you mean ':help'?
            <stdin>: error: cannot read '/nonexistent/x.nn': no such file, or not readable

            """)
    }

    /// A script that cannot be read is bad usage (exit 2), like an unknown option: nothing ran.
    @Test func missingScriptIsBadUsage() throws {
        let result = try ProcessRun.neurite(["/nonexistent/neurite/missing.nn"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("cannot read script '/nonexistent/neurite/missing.nn': no such file"))
        #expect(result.standardOutput.isEmpty)
    }

    /// A binary file given as the script is unreadable too: exit 2, one message.
    @Test func scriptThatIsNotTextIsBadUsage() throws {
        let path = NSTemporaryDirectory() + "neurite-binary-\(UUID().uuidString).nn"
        try Data([0x70, 0xFF, 0xFE, 0x00, 0x0A]).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try ProcessRun.neurite([path])
        #expect(result.status == 2)
        #expect(result.standardError == "neurite: error: cannot read script '\(path)': it is not UTF-8 text\n")
        #expect(result.standardOutput.isEmpty)
    }

    @Test func directoryAsScriptIsBadUsage() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try ProcessRun.neurite([directory.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("it is a directory"))
    }

    @Test func evaluatePrintsOnlyTheLastValue() throws {
        let result = try ProcessRun.neurite(["-e", "1 + 1\n2 * 21"])
        #expect(result.status == 0)
        #expect(result.standardOutput == "42\n")
        #expect(result.standardError.isEmpty)
    }

    @Test func evaluateErrorExitsOneWithALocatedDiagnostic() throws {
        let result = try ProcessRun.neurite(["-e", "1 +\n  undefined_name_xyz"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("<-e>:2:3:"))
        #expect(result.standardError.contains("undefined_name_xyz"))
        #expect(!result.standardError.contains("\u{1B}"))
    }

    @Test func scriptRunsWithoutEchoAndPrints() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let script = try directory.file("ok.nn", contents: "let x = 6\nx * 100\nprint(x * 7)\n")
        let result = try ProcessRun.neurite([script])
        #expect(result.status == 0)
        #expect(result.standardOutput == "42\n")
        #expect(result.standardError.isEmpty)
    }

    @Test func scriptErrorExitsOneWithFileLineColumnAndCaret() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let script = try directory.file("bad.nn", contents: "let x = 1\nlet y = x + undefined_name_xyz\n")
        let result = try ProcessRun.neurite([script])
        #expect(result.status == 1)
        #expect(result.standardError.contains("bad.nn:2:13: error"))
        #expect(result.standardError.contains("let y = x + undefined_name_xyz"))
        #expect(result.standardError.contains("^"))
        #expect(!result.standardError.contains("\u{1B}"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test func pipedInputIsTheReplWithoutPrompts() throws {
        let input = """
            fn twice(x) {
              x * 2
            }
            twice(21)

            1 + undefined_name_xyz
            "après"
            """
        let result = try ProcessRun.neurite([], input: input + "\n")
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("42\n"))
        #expect(result.standardOutput.contains("après"))
        #expect(!result.standardOutput.contains("nn>"))
        #expect(result.standardError.contains("<stdin>:6:5:"))
        #expect(result.standardError.contains("1 + undefined_name_xyz"))
        #expect(!result.standardError.contains("\u{1B}"))
    }

    @Test func pipedInputWithoutErrorsExitsZero() throws {
        let result = try ProcessRun.neurite([], input: "let a = 20\na + 22\n:vars\n")
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("42\n"))
        #expect(result.standardError.isEmpty)
    }

    @Test func pipedQuitStopsReading() throws {
        let result = try ProcessRun.neurite([], input: "1 + 1\n:quit\n3 + 3\n")
        #expect(result.status == 0)
        #expect(result.standardOutput == "2\n")
    }

    @Test func unfinishedPipedInputIsAnError() throws {
        let result = try ProcessRun.neurite([], input: "1 + 1\nf(1,\n")
        #expect(result.status == 1)
        #expect(result.standardOutput == "2\n")
        #expect(result.standardError.contains("<stdin>:"))
    }

    /// Each entry of a long piped input is numbered from its real line (speed is Scripts/bench's).
    @Test func longPipedInputIsNumberedByLine() throws {
        let lines = (0..<20000).map { "let v\($0 % 100) = \($0)" } + ["nope"]
        let result = try ProcessRun.neurite([], input: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("<stdin>:20001:1: error: unknown name 'nope'\n20001 | nope\n"))
    }

    /// Endless input without line breaks stops with an error instead of filling memory.
    @Test func pipedDevZeroStopsWithAnError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_STATE_HOME"] = directory.path
        let status = try Subprocess.run(
            NeuriteBinary.path, [], environment: environment, inputPath: "/dev/zero",
            outputPath: directory.path + "/out", errorPath: directory.path + "/err")
        #expect(status == 1)
        let errors = try String(contentsOfFile: directory.path + "/err", encoding: .utf8)
        #expect(errors == "<stdin>:1: error: the line is longer than 16 MiB; reading stopped\n")
    }

    @Test func noColourWhenOutputIsNotATerminalEvenIfAsked() throws {
        for environment in [["NO_COLOR": "1"], ["TERM": "xterm-256color"]] {
            let result = try ProcessRun.neurite(["-e", "undefined_name_xyz"], environment: environment)
            #expect(result.status == 1)
            #expect(!result.standardError.contains("\u{1B}"))
        }
    }
}
