import NeuriteLanguage

// CONTRACT STUB (to be implemented): the public face of the interpreter used by the executable.

/// Where the interpreter's output goes. The executable writes to stdout/stderr; tests capture.
public protocol OutputSink: AnyObject {
    /// Normal output (values, prints, plots).
    func write(_ text: String)
    /// Diagnostics and warnings.
    func writeError(_ text: String)
    /// True when output is an interactive terminal (live progress lines may redraw in place).
    var isTerminal: Bool { get }
}

/// Presentation settings fixed for a session: colour and width are parameters so tests can pin them.
public struct SessionOptions: Sendable {
    public var color: Bool
    public var terminalWidth: Int
    public var terminalHeight: Int
    public init(color: Bool = false, terminalWidth: Int = 80, terminalHeight: Int = 24) {
        self.color = color
        self.terminalWidth = terminalWidth
        self.terminalHeight = terminalHeight
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
