/// One cell of a notebook-style script: an optional title, the prose of the comment block that
/// opens it, and the code that runs.
///
/// A line starting with `#%%` starts a cell (`#%% Loss curves` gives it a title). A script with no
/// such line is one cell per top-level statement, each with the comments written above it. The
/// comment block right at the start of a cell (after its marker, up to the first line that is not a
/// comment) is its text; the rest is its code, which keeps its place in the file for diagnostics.
public struct Cell: Equatable, Sendable {
    /// The text after `#%%`, trimmed (nil for none, or for a cell without a marker).
    public var title: String?
    /// The opening comment block without its `#` marks, lines joined by newlines (nil for none).
    public var prose: String?
    /// The code, from its first non-comment line to its last non-blank line (empty for a cell of
    /// prose only).
    public var code: String
    /// The file line (counted from 1) on which ``code`` starts.
    public var codeLine: Int

    public init(title: String?, prose: String?, code: String, codeLine: Int) {
        self.title = title
        self.prose = prose
        self.code = code
        self.codeLine = codeLine
    }

    /// True when the cell has code to run.
    public var hasCode: Bool { !code.isEmpty }
}

/// Splits scripts into ``Cell``s.
public enum CellSplitter {
    /// The marker that starts a cell.
    public static let marker = "#%%"

    /// The cells of `text`: by `#%%` markers when it has any, else one per top-level statement (as
    /// the parser finds them with `vocabulary`; a script that does not parse at all is one cell).
    public static func cells(of text: String, vocabulary: Vocabulary = .open) -> [Cell] {
        let lines = splitLines(text)
        if lines.contains(where: isMarker) {
            return markedCells(lines)
        }
        return statementCells(lines, file: SourceFile(name: "", text: text), vocabulary: vocabulary)
    }

    /// Whether `line` starts a cell.
    public static func isMarker(_ line: Substring) -> Bool { line.hasPrefix(marker) }

    private static func splitLines(_ text: String) -> [Substring] {
        // "\r\n" is one Character: split on it too, as the lexer and diagnostics count lines.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    private static func markedCells(_ lines: [Substring]) -> [Cell] {
        var cells: [Cell] = []
        var start = 0
        var title: String?
        func close(upTo end: Int) {
            if let cell = cell(lines, from: start, to: end, title: title) { cells.append(cell) }
        }
        for (index, line) in lines.enumerated() where isMarker(line) {
            close(upTo: index)
            let rest = line.dropFirst(marker.count).trimmingWhitespace()
            title = rest.isEmpty ? nil : rest
            start = index + 1
        }
        close(upTo: lines.count)
        return cells
    }

    /// One cell per top-level statement: a cell runs from the line after the previous statement
    /// ended to the line this one ends on, so the comments above a statement open its cell.
    /// Statements sharing a line share a cell; text after the last statement joins the last cell.
    private static func statementCells(_ lines: [Substring], file: SourceFile, vocabulary: Vocabulary) -> [Cell] {
        let statements = Parser.parse(file, vocabulary: vocabulary).program.statements
        var ends: [Int] = []  // the 0-based last line of each cell
        for statement in statements {
            let first = file.lineIndex(of: statement.span.start)
            let last = file.lineIndex(of: max(statement.span.start, statement.span.end - 1))
            if let previous = ends.last, first <= previous {
                ends[ends.count - 1] = max(previous, last)
            } else {
                ends.append(last)
            }
        }
        guard !ends.isEmpty else { return cell(lines, from: 0, to: lines.count, title: nil).map { [$0] } ?? [] }
        ends[ends.count - 1] = lines.count - 1
        var cells: [Cell] = []
        var start = 0
        for end in ends {
            if let cell = cell(lines, from: start, to: end + 1, title: nil) { cells.append(cell) }
            start = end + 1
        }
        return cells
    }

    /// The cell made of `lines[from..<to]`, or nil when it is blank and has no title.
    private static func cell(_ lines: [Substring], from start: Int, to end: Int, title: String?) -> Cell? {
        var index = start
        while index < end, lines[index].trimmingWhitespace().isEmpty { index += 1 }
        var prose: [String] = []
        while index < end, lines[index].drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("#") {
            prose.append(proseLine(lines[index]))
            index += 1
        }
        while index < end, lines[index].trimmingWhitespace().isEmpty { index += 1 }
        var last = end - 1
        while last >= index, lines[last].trimmingWhitespace().isEmpty { last -= 1 }
        let code = index <= last ? lines[index...last].joined(separator: "\n") : ""
        guard title != nil || !prose.isEmpty || !code.isEmpty else { return nil }
        return Cell(
            title: title, prose: prose.isEmpty ? nil : prose.joined(separator: "\n"), code: code,
            codeLine: index + 1)
    }

    /// A comment line without its `#` and the one space after it.
    private static func proseLine(_ line: Substring) -> String {
        var text = line.drop(while: { $0 == " " || $0 == "\t" }).dropFirst()
        if text.first == " " { text = text.dropFirst() }
        return String(text.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> String {
        let start = drop(while: { $0 == " " || $0 == "\t" })
        return String(start.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}

extension CellSplitter {
    /// All of `text` as one untitled cell (its opening comments as prose): a REPL entry.
    public static func cell(of text: String) -> Cell {
        let lines = splitLines(text)
        return cell(lines, from: 0, to: lines.count, title: nil) ?? Cell(title: nil, prose: nil, code: "", codeLine: 1)
    }
}
