/// Reads lines without prompts or editing, for standard input that is not a terminal (a pipe or a
/// file) and for tests. History is kept in memory only.
public final class PlainLineReader: LineReader {
    private let nextLine: () -> String?
    public private(set) var historyEntries: [String] = []

    /// Reads from standard input.
    public convenience init() {
        self.init(lines: DescriptorLines())
    }

    /// Reads the lines of a descriptor (check its ``DescriptorLines/lineTooLong`` afterwards).
    public convenience init(lines: DescriptorLines) {
        self.init(nextLine: lines.next)
    }

    /// Reads from a function that returns the next line, or nil at the end of input.
    public init(nextLine: @escaping () -> String?) {
        self.nextLine = nextLine
    }

    /// Reads the given lines, one per call, then reports the end of input.
    public convenience init(lines: [String]) {
        var remaining = lines[...]
        self.init(nextLine: { remaining.popFirst() })
    }

    public func readLine(_ prompt: PromptKind) -> LineInput {
        guard let line = nextLine() else { return .endOfInput }
        return .line(line)
    }

    public func recordHistory(_ entry: String) {
        historyEntries.append(entry)
    }
}
