import Foundation
import LineEditor
import NeuriteInterpreter
import NeuriteLanguage

/// Exit statuses of `neurite`.
enum ExitStatus {
    static let success: Int32 = 0
    static let scriptError: Int32 = 1
    static let usage: Int32 = 2
    static let interrupted: Int32 = 130
}

/// The `neurite` command: parses the arguments and runs the REPL, a script or `-e`.
enum NeuriteCommand {
    static let historyCapacity = 1000

    /// Runs `neurite`; if writing to standard output failed (`neurite -e 1 > /dev/full`), says so
    /// on standard error and exits with status 1 rather than 0.
    static func run(arguments: [String], environment: [String: String]) -> Int32 {
        let status = runMode(arguments: arguments, environment: environment)
        StandardStream.output.write("")  // flushes what is buffered, noting a failure
        guard let code = StandardStream.firstOutputError else { return status }
        StandardStream.error.write("neurite: cannot write to standard output: \(StandardStream.describe(code))\n")
        return status == ExitStatus.success ? ExitStatus.scriptError : status
    }

    private static func runMode(arguments: [String], environment: [String: String]) -> Int32 {
        let invocation: Invocation
        switch Invocation.parse(arguments) {
        case .success(let parsed): invocation = parsed
        case .failure(let error): return usageFailure(error.diagnostic)
        }
        switch invocation.mode {
        case .help:
            StandardStream.output.write(UsageText.help)
            return ExitStatus.success
        case .version:
            StandardStream.output.write(UsageText.version + "\n")
            return ExitStatus.success
        case .script(let path):
            if let problem = unreadableScriptReason(path) {
                return usageFailure(Diagnostic(.error, "cannot read script '\(path)': \(problem)", id: "unreadableScript"), showUsage: false)
            }
            let text: String
            switch ScriptReader.read(path) {
            case .success(let contents): text = contents
            case .failure(let failure):
                return usageFailure(Diagnostic(.error, "cannot read script '\(path)': \(failure)", id: "unreadableScript"), showUsage: false)
            }
            if invocation.watch {
                let (session, _) = makeSession(invocation, environment: environment, textPlots: true)
                return WatchCommand.run(path: path, session: session, notebooks: invocation.notebooks, environment: environment)
            }
            let notebookMode = !invocation.notebooks.isEmpty
            let (session, _) = makeSession(invocation, environment: environment, fixedSize: notebookMode)
            guard invocation.keepGoing || notebookMode else {
                return status(session.run(text, fileName: path, echo: .none))
            }
            let result = ScriptNotebook.run(text, fileName: path, in: session, keepGoing: invocation.keepGoing)
            var code = status(result.outcome)
            for request in invocation.notebooks {
                do {
                    try NotebookFile.write(result.notebook, to: request.path, format: request.format)
                    StandardStream.error.write("neurite: wrote \(request.path)\n")
                } catch {
                    let diagnostic = Diagnostic(
                        .error, "cannot write notebook '\(error.path)': \(error.explanation)", id: "cannotWriteNotebook")
                    StandardStream.error.write(commandLineFormatter.format(diagnostic, origin: "neurite") + "\n")
                    if code == ExitStatus.success { code = ExitStatus.scriptError }
                }
            }
            return code
        case .evaluate(let code):
            let (session, _) = makeSession(invocation, environment: environment)
            return status(session.run(code, fileName: "<-e>", echo: .lastExpression))
        case .standardInput:
            return piped(invocation, environment: environment)
        case .repl:
            return Terminal.isTerminal(STDIN_FILENO)
                ? interactive(invocation, environment: environment)
                : piped(invocation, environment: environment)
        }
    }

    /// Reports a command line that cannot be run (`neurite: error: …`, then the usage) and gives
    /// the exit status for it.
    private static func usageFailure(_ diagnostic: Diagnostic, showUsage: Bool = true) -> Int32 {
        StandardStream.error.write(
            commandLineFormatter.format(diagnostic, origin: "neurite") + "\n"
                + (showUsage ? UsageText.usage + "\nTry 'neurite --help'.\n" : ""))
        return ExitStatus.usage
    }

    /// Errors about the command line come before any colour decision: plain text.
    private static let commandLineFormatter = DiagnosticFormatter(color: false)

    /// Why the script at `path` cannot be run, or nil if it can be read.
    private static func unreadableScriptReason(_ path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return "no such file"
        }
        if isDirectory.boolValue { return "it is a directory" }
        return FileManager.default.isReadableFile(atPath: path) ? nil : "permission denied"
    }

    private static func status(_ outcome: RunOutcome) -> Int32 {
        switch outcome {
        case .success: return ExitStatus.success
        case .failed: return ExitStatus.scriptError
        case .interrupted: return ExitStatus.interrupted
        }
    }

    /// - Parameter fixedSize: plots at `COLUMNS` × `LINES` (else 80 × 24) whatever the terminal's
    ///   size, so a notebook does not depend on the window it was made in.
    ///   `textPlots`: plots as text whatever the terminal can show, and no live training view (a
    ///   watched notebook redraws them).
    private static func makeSession(
        _ invocation: Invocation, environment: [String: String], fixedSize: Bool = false, textPlots: Bool = false
    )
        -> (Session, StandardStreamsSink)
    {
        let stdoutIsTerminal = Terminal.isTerminal(STDOUT_FILENO)
        let stderrIsTerminal = Terminal.isTerminal(STDERR_FILENO)
        let size = DisplaySettings.size(
            terminal: stdoutIsTerminal && !fixedSize ? Terminal.size(of: STDOUT_FILENO) : nil, environment: environment)
        let color = DisplaySettings.colorEnabled(
            noColorFlag: invocation.noColor, environment: environment,
            stdoutIsTerminal: stdoutIsTerminal, stderrIsTerminal: stderrIsTerminal)
        let imageMode = DisplaySettings.imageMode(flag: invocation.images, environment: environment) {
            let warning = Diagnostic(.warning, $0, id: "imageMode")
            StandardStream.error.write(DiagnosticFormatter(color: color).format(warning, origin: "neurite") + "\n")
        }
        let images = textPlots ? nil : DisplaySettings.images(
            mode: imageMode, colorEnabled: color, stdoutIsTerminal: stdoutIsTerminal, environment: environment,
            windowCell: { TerminalQuery.windowCell() }, ask: { TerminalQuery.ask() })
        var options = SessionOptions(
            color: color, colors256: DisplaySettings.supports256Colors(environment: environment),
            terminalWidth: size.columns, terminalHeight: size.rows, plainProgress: true, images: images)
        if stdoutIsTerminal && !fixedSize { options.currentTerminalSize = { Terminal.size(of: STDOUT_FILENO) } }
        // A watched notebook redraws the whole screen itself: training shows progress lines only.
        options.liveView = !textPlots
        let sink = StandardStreamsSink(stdoutIsTerminal: stdoutIsTerminal, stderrIsTerminal: stderrIsTerminal)
        return (Session(options: options, output: sink, interrupt: interruptState.flag), sink)
    }

    /// The size of the terminal on standard output, read afresh (a cheap ioctl) each time it is
    /// called; nil when standard output is not a terminal (the size then stays as first decided).
    private static func liveTerminalSize() -> (() -> (columns: Int, rows: Int)?)? {
        guard Terminal.isTerminal(STDOUT_FILENO) else { return nil }
        return { Terminal.size(of: STDOUT_FILENO) }
    }

    /// Standard input is not a terminal: the REPL without prompts. Every entry runs (errors do not
    /// stop later ones); exit status 1 if any failed.
    private static func piped(_ invocation: Invocation, environment: [String: String]) -> Int32 {
        let (session, sink) = makeSession(invocation, environment: environment)
        let evaluator = SessionEvaluator(
            session: session, fileName: "<stdin>", alignLines: true, interruptState: nil,
            terminalSize: liveTerminalSize())
        let input = DescriptorLines()
        let summary = ReplLoop(reader: PlainLineReader(lines: input), evaluator: evaluator, printOutput: sink.write).run()
        if let line = input.lineTooLong {
            let diagnostic = Diagnostic(
                .error, "the line is longer than \(DescriptorLines.defaultMaximumLineBytes >> 20) MiB; reading stopped",
                id: "lineTooLong")
            sink.writeError(
                DiagnosticFormatter(color: session.options.color).format(diagnostic, origin: "<stdin>:\(line)") + "\n")
            return ExitStatus.scriptError
        }
        return summary.failures > 0 ? ExitStatus.scriptError : ExitStatus.success
    }

    private static func interactive(_ invocation: Invocation, environment: [String: String]) -> Int32 {
        Terminal.useUTF8Locale()
        InterruptHandling.install()
        let (session, sink) = makeSession(invocation, environment: environment)
        let evaluator = SessionEvaluator(
            session: session, fileName: "<repl>", alignLines: false,
            interruptState: interruptState, terminalSize: liveTerminalSize())
        let historyFile = HistoryFile.defaultPath(environment: environment)
            .map { HistoryFile(path: $0, capacity: historyCapacity) }
        let configuration = EditLineConfiguration(
            programName: "neurite", primaryPrompt: "nn> ", continuationPrompt: "..> ",
            historyCapacity: historyCapacity)
        let reader: LineReader =
            EditLineReader(
                configuration: configuration, historyFile: historyFile,
                complete: { [evaluator] in evaluator.completion(beforeCursor: $0) },
                reportError: { [color = session.options.color] in
                    let warning = Diagnostic(.warning, $0, id: "lineEditor")
                    sink.writeError(DiagnosticFormatter(color: color).format(warning, origin: "neurite") + "\n")
                })
            ?? PlainLineReader()
        sink.write("\(UsageText.version) — :help for help, Ctrl-D or :quit to leave\n")
        _ = ReplLoop(reader: reader, evaluator: evaluator, printOutput: sink.write).run()
        (reader as? EditLineReader)?.saveHistory()
        return ExitStatus.success
    }
}
