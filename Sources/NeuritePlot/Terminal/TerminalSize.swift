/// The size of a terminal in character cells, as the caller found it: the plot module never reads
/// the terminal or the environment (the executable decides size and colour, see `DisplaySettings`).
public struct TerminalSize: Sendable, Equatable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    public static let fallback = TerminalSize(columns: 80, rows: 24)
}
