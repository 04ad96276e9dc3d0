/// Which prompt a read shows: the first line of an entry, or a line that continues unfinished input.
public enum PromptKind: Sendable, Equatable {
    case primary
    case continuation
}

/// What one read produced.
public enum LineInput: Sendable, Equatable {
    /// A line of text, without its line terminator.
    case line(String)
    /// The user pressed Ctrl-C at the prompt: the line being typed is dropped.
    case interrupted
    /// End of input (Ctrl-D on an empty line, or the end of a pipe).
    case endOfInput
}

/// A source of input lines with a history: the seam between the REPL loop and the terminal,
/// so the loop can be driven by a script in tests and by libedit in a real terminal.
public protocol LineReader: AnyObject {
    /// Reads one line, showing the given kind of prompt if the reader shows prompts at all.
    func readLine(_ prompt: PromptKind) -> LineInput
    /// Records a complete entry (possibly several lines joined by "\n") in the history.
    func recordHistory(_ entry: String)
    /// The history, oldest first: entries from earlier sessions and this one.
    var historyEntries: [String] { get }
}
