/// One complete entry handed to the evaluator: its text and the input line it started on (1-based,
/// counting every line read, blank ones included), so diagnostics can point into a piped file.
public struct ReplEntry: Sendable, Equatable {
    public var text: String
    public var firstLine: Int
    public init(text: String, firstLine: Int) {
        self.text = text
        self.firstLine = firstLine
    }
}

/// What the evaluator asks the loop to do after an entry.
public enum ReplAction: Sendable, Equatable {
    /// Keep reading; `failed` marks an entry that reported an error.
    case proceed(failed: Bool)
    /// Print the numbered history, then keep reading.
    case showHistory
    /// Leave the loop.
    case quit
}

/// The language side of a REPL, injected into ``ReplLoop``: the loop itself knows no language.
public protocol ReplEvaluator: AnyObject {
    /// Whether `input` is a finished entry, or needs more lines (an open bracket, a trailing operator…).
    func isComplete(_ input: String) -> Bool
    /// Evaluates (or otherwise handles) one complete entry.
    func evaluate(_ entry: ReplEntry) -> ReplAction
    /// Called just before the first line of a new entry is read (the primary prompt), so anything
    /// left from the previous entry (a Ctrl-C that arrived after it finished) can be forgotten.
    /// Whatever happens after this, up to the end of the entry's evaluation, belongs to the entry.
    func willReadEntry()
}

extension ReplEvaluator {
    /// By default nothing needs resetting before an entry.
    public func willReadEntry() {}
}

/// How a REPL session ended.
public struct ReplSummary: Sendable, Equatable {
    /// Entries handed to the evaluator.
    public var entries: Int
    /// Entries whose evaluation reported an error.
    public var failures: Int
    /// True when the user asked to quit (rather than reaching the end of input).
    public var quit: Bool
}

/// Read–evaluate–print loop: reads lines until an entry is complete (continuation prompt
/// meanwhile), records it in the history as one entry, hands it to the evaluator, and repeats until
/// end of input or quit. Ctrl-C at a prompt drops the unfinished entry.
public final class ReplLoop {
    private let reader: LineReader
    private let evaluator: ReplEvaluator
    private let printOutput: (String) -> Void

    /// - Parameter printOutput: where the loop writes what it prints itself (the `:history` listing).
    public init(reader: LineReader, evaluator: ReplEvaluator, printOutput: @escaping (String) -> Void) {
        self.reader = reader
        self.evaluator = evaluator
        self.printOutput = printOutput
    }

    /// Runs until the end of input or a quit request.
    public func run() -> ReplSummary {
        var summary = ReplSummary(entries: 0, failures: 0, quit: false)
        var pending: [String] = []
        var firstLine = 1
        var linesRead = 0
        while true {
            if pending.isEmpty { evaluator.willReadEntry() }
            switch reader.readLine(pending.isEmpty ? .primary : .continuation) {
            case .interrupted:
                pending.removeAll()
            case .endOfInput:
                if !pending.isEmpty {
                    // Unfinished input at the end: let the evaluator report what is wrong with it.
                    if submit(pending, firstLine: firstLine, summary: &summary) { summary.quit = true }
                }
                return summary
            case .line(let line):
                linesRead += 1
                if pending.isEmpty {
                    if line.allSatisfy(\.isWhitespace) { continue }
                    firstLine = linesRead
                }
                pending.append(line)
                guard evaluator.isComplete(pending.joined(separator: "\n")) else { continue }
                let quit = submit(pending, firstLine: firstLine, summary: &summary)
                pending.removeAll()
                if quit {
                    summary.quit = true
                    return summary
                }
            }
        }
    }

    /// Hands one entry over; returns true when the evaluator asked to quit.
    private func submit(_ lines: [String], firstLine: Int, summary: inout ReplSummary) -> Bool {
        let text = lines.joined(separator: "\n")
        reader.recordHistory(text)
        summary.entries += 1
        switch evaluator.evaluate(ReplEntry(text: text, firstLine: firstLine)) {
        case .proceed(let failed):
            if failed { summary.failures += 1 }
        case .showHistory:
            printOutput(HistoryListing.format(reader.historyEntries))
        case .quit:
            return true
        }
        return false
    }
}
