import CEditLine
import Glibc
import SafeFiles
import Synchronization

/// Facts about the process's terminal, read from the system (never cached).
public enum Terminal {
    /// Whether the file descriptor is a terminal.
    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// Columns and rows of the terminal on `fd` (TIOCGWINSZ), or nil when it is not a terminal.
    public static func size(of fd: Int32) -> (columns: Int, rows: Int)? {
        var columns: Int32 = 0
        var rows: Int32 = 0
        guard neurite_terminal_size(fd, &columns, &rows) == 0 else { return nil }
        return (Int(columns), Int(rows))
    }

    /// Sets the locale from the environment (`setlocale(LC_ALL, "")`) and makes sure the character
    /// type is UTF-8 (else libedit drops non-ASCII input): if the environment's codeset is not UTF-8,
    /// `C.UTF-8` is used for LC_CTYPE. Numbers keep the "C" format (a decimal point) whatever the
    /// environment says. Returns the codeset in effect.
    @discardableResult
    public static func useUTF8Locale() -> String {
        setlocale(LC_ALL, "")
        setlocale(LC_NUMERIC, "C")
        if !isUTF8(currentCodeset()) {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        return currentCodeset()
    }

    private static func currentCodeset() -> String {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return "" }
        return String(cString: codeset)
    }

    private static func isUTF8(_ codeset: String) -> Bool {
        let normalized = codeset.lowercased().filter { $0 != "-" }
        return normalized == "utf8"
    }

    /// Installs `handler` for SIGINT with `sigaction` and without SA_RESTART, so that a blocked
    /// terminal read returns EINTR (the prompt sees Ctrl-C). The handler must be async-signal-safe:
    /// set an atomic flag, nothing more. Returns false if the system refused.
    @discardableResult
    public static func installInterruptHandler(_ handler: @convention(c) (Int32) -> Void) -> Bool {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        return sigaction(SIGINT, &action, nil) == 0
    }
}

/// The process's standard output streams, written through C stdio (the same buffers libedit
/// uses, so prompts and output never overtake each other) and flushed after every write.
public enum StandardStream: Sendable {
    case output
    case error

    /// The POSIX file descriptor of the stream.
    public var fileDescriptor: Int32 { self == .output ? STDOUT_FILENO : STDERR_FILENO }

    /// Writes `text` through the C stream and flushes it. A failure (a full disk, a closed pipe)
    /// is remembered: see ``firstOutputError``.
    public func write(_ text: String) {
        let file = self == .output ? neurite_stdout() : neurite_stderr()
        if fputs(text, file) == EOF || fflush(file) == EOF {
            if self == .output { _ = outputErrorCode.compareExchange(expected: 0, desired: errno, ordering: .relaxed) }
            clearerr(file)
        }
    }

    /// The `errno` of the first failed write to standard output, nil if every write succeeded.
    /// The program reports it and exits with status 1 (writing to a full disk is not success).
    public static var firstOutputError: Int32? {
        let code = outputErrorCode.load(ordering: .relaxed)
        return code == 0 ? nil : code
    }

    /// ``firstOutputError`` in plain words.
    public static func describe(_ code: Int32) -> String { SafeFileError.plainWords(for: code) }
}

/// Written once by ``StandardStream/write(_:)``; 0 while standard output works.
private let outputErrorCode = Atomic<Int32>(0)
