import Foundation
import NeuriteLanguage
import NeuritePixels


/// Where the interpreter's output goes. The executable writes to stdout/stderr; tests capture.
public protocol OutputSink: AnyObject {
    /// Normal output (values, prints, plots).
    func write(_ text: String)
    /// Diagnostics and warnings.
    func writeError(_ text: String)
    /// A diagnostic, with `text` its rendering by ``DiagnosticFormatter``; by default written with
    /// ``writeError(_:)``. A sink that wants the diagnostic as data (its id) implements this.
    func writeDiagnostic(_ diagnostic: Diagnostic, formatted text: String)
    /// Plots drawn by a command; `shown` is what goes to the screen (their text side by side, or
    /// pictures). By default written with ``write(_:)``; a sink that keeps plots implements this.
    func writePlots(_ plots: [ShownPlot], shown: String)
    /// A progress line of `train` (redrawn in place on a terminal). By default written with
    /// ``write(_:)`` on a terminal and ``writeError(_:)`` otherwise.
    func writeProgress(_ text: String)
    /// True when output is an interactive terminal (live progress lines may redraw in place).
    var isTerminal: Bool { get }
}

extension OutputSink {
    public func writeDiagnostic(_ diagnostic: Diagnostic, formatted text: String) { writeError(text) }
    public func writePlots(_ plots: [ShownPlot], shown: String) { write(shown) }
    public func writeProgress(_ text: String) {
        if isTerminal { write(text) } else { writeError(text) }
    }
}

/// Presentation settings of a session: colour and size are parameters so tests can pin them. The
/// size can change later (``Session/updateTerminalSize(width:height:)``).
public struct SessionOptions: Sendable {
    public var color: Bool
    /// With colour: the xterm 256-colour palette (true) or only the 16 standard ANSI colours.
    public var colors256: Bool
    public var terminalWidth: Int
    public var terminalHeight: Int
    /// When output is not a terminal, `train` writes its progress as plain periodic lines (the first
    /// epoch, about every tenth, the last) to the error stream, so standard output stays the
    /// script's own. The executable turns this on; it is off by default so captured output is exact.
    public var plainProgress: Bool
    /// Plots as pictures in the terminal by this protocol and cell size (nil: as text). The
    /// executable decides, by asking the terminal; the interpreter only passes it to the drawing.
    public var images: TerminalImageSettings?
    /// The terminal's size (columns, rows) right now, for views redrawn while a command runs (the
    /// live training view follows a resize); nil uses `terminalWidth` × `terminalHeight`.
    public var currentTerminalSize: (@Sendable () -> (columns: Int, rows: Int)?)?
    /// Whether `train` may show its live view on a terminal (false: progress lines only, whatever
    /// `live:` says; a watched notebook, which redraws the whole screen itself, turns it off).
    public var liveView = true
    public init(
        color: Bool = false, colors256: Bool = true, terminalWidth: Int = 80, terminalHeight: Int = 24,
        plainProgress: Bool = false, images: TerminalImageSettings? = nil
    ) {
        self.color = color
        self.colors256 = colors256
        self.terminalWidth = terminalWidth
        self.terminalHeight = terminalHeight
        self.plainProgress = plainProgress
        self.images = images
    }
}

/// Whether the value of each top-level expression is printed.
public enum EchoMode: Sendable {
    /// REPL and piped stdin: every expression statement's value is shown.
    case everyExpression
    /// `neurite -e`: only the value of the last statement, if it is an expression.
    case lastExpression
    /// Scripts: only `print` (and commands that draw) produce output.
    case none
}

/// The outcome of running one piece of source.
public enum RunOutcome: Sendable, Equatable {
    case success
    /// Diagnostics were written to the sink's error stream.
    case failed
    /// Stopped by an interrupt (Ctrl-C); everything defined before the interrupted statement stays.
    case interrupted
}

/// What a `:` line did (see ``Session/meta(_:)``).
public enum MetaResult: Sendable, Equatable {
    /// The command ran (or failed, with diagnostics written).
    case handled(RunOutcome)
    /// `:history`: the executable shows its line history.
    case showHistory
    /// `:quit`: the executable leaves.
    case quit
    /// The line is not a meta command; run it as source.
    case notMeta
}

/// A running interpreter: everything defined so far, and the means to run more.
///
/// After an error, the statements before the failing one keep their effect and the session
/// carries on. Parse errors are all reported, and then nothing of that entry is evaluated.
public final class Session {
    /// The current presentation settings.
    public private(set) var options: SessionOptions
    /// Everything goes through here: it passes output on and records each run in ``transcript``.
    let recorder: TranscriptSink
    var output: any OutputSink { recorder }
    let interrupt: InterruptFlag
    let builtins: [Builtin]
    let constants: [BuiltinConstant]
    private(set) var evaluator: Evaluator
    /// Every run so far, with what it showed (what `:save` and `:notebook` write).
    public private(set) var transcript: [TranscriptEntry] = []
    /// How many times ``reset()`` was called.
    private(set) var resets = 0
    /// How the user's names were computed (`:deps`, `:rerun`).
    var dependencies = SessionDependencies()
    /// The program the latest run parsed (read by ``run(_:fileName:echo:firstLine:)`` to record it).
    private var parsedProgram: Program?
    /// True while `:rerun` runs entries again (they do not announce stale values).
    var rerunning = false
    /// False in a watched notebook, which keeps its own graph of cells.
    var tracksDependencies = true

    public init(options: SessionOptions, output: any OutputSink, interrupt: InterruptFlag) {
        self.options = options
        self.recorder = TranscriptSink(output)
        self.interrupt = interrupt
        builtins = BuiltinLibrary.all()
        constants = BuiltinLibrary.constants
        evaluator = Session.makeEvaluator(
            builtins: builtins, constants: constants, interrupt: interrupt, output: recorder, options: options)
    }

    deinit {
        evaluator.globals.removeAll()  // see reset()
    }

    private static func makeEvaluator(
        builtins: [Builtin], constants: [BuiltinConstant], interrupt: InterruptFlag,
        output: any OutputSink, options: SessionOptions
    ) -> Evaluator {
        let evaluator = Evaluator(
            builtins: builtins, constants: constants, interrupt: interrupt,
            commands: CommandRegistry.standard(), printLine: { [weak output] line in output?.write(line + "\n") })
        evaluator.output = output
        evaluator.sessionOptions = options
        return evaluator
    }

    /// The terminal was resized: plots and progress lines drawn from now on use `width` columns
    /// and `height` rows. A size below one column or row (an unknown size) is ignored.
    public func updateTerminalSize(width: Int, height: Int) {
        guard width > 0, height > 0 else { return }
        guard width != options.terminalWidth || height != options.terminalHeight else { return }
        options.terminalWidth = width
        options.terminalHeight = height
        evaluator.sessionOptions = options
    }

    /// Parses and runs `source`, writing values (per `echo`) and diagnostics to the sink.
    ///
    /// The interrupt flag is not cleared first: a Ctrl-C that arrived after the entry was accepted
    /// stops it before its first statement. Whoever reads entries clears the flag before reading
    /// one (the REPL); after an interrupt, the session clears it, so the next run starts clean.
    /// Diagnostics number the source's lines from `firstLine` (where the entry starts in piped input).
    public func run(_ source: String, fileName: String, echo: EchoMode, firstLine: Int = 1) -> RunOutcome {
        let outer = recorder.current
        recorder.current = TranscriptEntry(source: source, fileName: fileName, generation: resets)
        let outcome = runRecorded(source, fileName: fileName, echo: echo, firstLine: firstLine)
        if var entry = recorder.current {
            entry.outcome = outcome
            if outcome == .success { entry.completedSource = source }
            if var outer {  // a run inside a run shows its output as part of the outer one
                for shown in entry.outputs { outer.append(shown) }
                recorder.current = outer
                return outcome
            }
            transcript.append(entry)
            if outcome == .success, tracksDependencies, let program = parsedProgram {
                recordDependencies(program, source: source, fileName: fileName, firstLine: firstLine)
            }
        }
        recorder.current = outer
        return outcome
    }

    private func runRecorded(_ source: String, fileName: String, echo: EchoMode, firstLine: Int) -> RunOutcome {
        if let (line, bytes) = Limits.overlongLine(in: source) {
            report(
                .lineTooLong(bytes: bytes, limitMiB: Limits.sourceLineBytes >> 20), hint: "split it into shorter lines",
                origin: "\(fileName):\(firstLine + line - 1)")
            return .failed
        }
        let file = SourceFile(name: fileName, text: source, firstLine: firstLine)
        parsedProgram = nil
        let parsed = LanguageBridge.parse(file)
        let errors = parsed.diagnostics.filter { $0.severity == .error }
        report(parsed.diagnostics, in: file)
        guard errors.isEmpty else { return .failed }
        parsedProgram = parsed.program
        var outcome = RunOutcome.success
        evaluator.currentFile = file
        LargeStack.run { outcome = self.execute(parsed.program, in: file, echo: echo) }
        return outcome
    }

    /// Reads and runs a script file; an unreadable file is reported as an error.
    /// `origin` names where the request came from in that error (`<repl>: error: cannot read …`).
    public func runFile(path: String, echo: EchoMode, origin: String = "<repl>") -> RunOutcome {
        guard let data = FileManager.default.contents(atPath: path) else {
            report(.fileNotReadable(path: path), origin: origin)
            return .failed
        }
        guard let text = String(data: data, encoding: .utf8) else {
            report(.fileNotUTF8(path: path), origin: origin)
            return .failed
        }
        return run(text, fileName: path, echo: echo)
    }

    /// Whether `input` is a complete entry (false while a bracket or block is still open).
    public func isComplete(_ input: String) -> Bool { LanguageBridge.isComplete(input) }

    /// Forgets everything the user defined; built-ins stay.
    public func reset() {
        resets += 1
        dependencies.removeAll()
        // Functions hold the scope that holds them; emptying it breaks the cycle.
        evaluator.globals.removeAll()
        evaluator = Session.makeEvaluator(
            builtins: builtins, constants: constants, interrupt: interrupt, output: output, options: options)
    }

    private func execute(_ program: Program, in file: SourceFile, echo: EchoMode) -> RunOutcome {
        let formatter = ValueFormatter.fitting(width: options.terminalWidth)
        var completed = 0
        defer { recorder.current?.completedSource = Self.source(of: program.statements.prefix(completed), in: file) }
        for (index, statement) in program.statements.enumerated() {
            completed = index
            do {
                try evaluator.checkInterrupt()
                let value = try evaluator.execute(statement, in: evaluator.globals)
                let isLast = index == program.statements.count - 1
                let shows: Bool
                switch echo {
                case .everyExpression: shows = true
                case .lastExpression: shows = isLast
                case .none: shows = false
                }
                if shows, case .expression(let expression) = statement.kind, !value.isNothing,
                    !Self.drawsItself(expression)
                {
                    output.write(formatter.describe(value) + "\n")
                }
            } catch let error as RuntimeError {
                evaluator.callDepth = 0
                report([error.diagnostic], in: error.file ?? file)
                return .failed
            } catch {
                evaluator.callDepth = 0
                interrupt.clear()
                output.writeError("interrupted\n")
                return .interrupted
            }
        }
        completed = program.statements.count
        return .success
    }

    /// The text of `statements`: from the first one's start to the last one's end (the comments
    /// between them kept), or empty.
    private static func source(of statements: ArraySlice<Statement>, in file: SourceFile) -> String {
        guard let first = statements.first, let last = statements.last else { return "" }
        return file.text(of: first.span.union(last.span))
    }

    /// A drawing command standing alone: what it drew is how its value is shown.
    private static func drawsItself(_ expression: NeuriteLanguage.Expression) -> Bool {
        guard case .command(let command) = expression.kind, let word = CommandWord(rawValue: command.name.name) else {
            return false
        }
        return CommandSurface.signature(of: word)?.draws ?? false
    }

    /// At most this many diagnostics are shown per entry (like clang's error limit), so binary junk
    /// with thousands of errors gives a screenful, not megabytes; the rest are counted.
    static let maximumReportedDiagnostics = 50

    /// Writes parse or runtime diagnostics with their source lines, then how many were not shown.
    func report(_ diagnostics: [Diagnostic], in file: SourceFile) {
        for diagnostic in diagnostics.prefix(Session.maximumReportedDiagnostics) {
            output.writeDiagnostic(diagnostic, formatted: LanguageBridge.format(diagnostic, in: file, color: options.color))
        }
        let hidden = diagnostics.count - Session.maximumReportedDiagnostics
        if hidden > 0 {
            report(.moreErrorsNotShown(count: hidden), origin: file.name)
        }
    }

    /// Writes an error about no place in a source text (a meta-command, a file), from `origin`.
    func report(_ message: RuntimeMessage, hint: String? = nil, origin: String) {
        let diagnostic = Diagnostic(.error, message.text, hint: hint, id: message.id.rawValue)
        output.writeDiagnostic(diagnostic, formatted: LanguageBridge.format(diagnostic, origin: origin, color: options.color))
    }
}

extension Value {
    var isNothing: Bool {
        if case .nothing = self { return true }
        return false
    }
}
