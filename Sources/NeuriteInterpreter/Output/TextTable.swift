
/// A plain text table: a header row, a rule, then rows; columns padded to their widest cell
/// (in characters). Numeric columns are right-aligned.
struct TextTable {
    enum Alignment { case left, right }

    var header: [String]
    var alignments: [Alignment]
    var rows: [[String]] = []
    /// The widest a line may be (nil: no limit). A wider table narrows its left-aligned (text)
    /// columns, widest first and to no fewer than ``narrowestText`` characters. A long cell first
    /// loses what it shares with every row of its column from the start (`…(tanh, 3)` under
    /// `deep_network(relu, 3)`), then its middle; numbers are never cut.
    var maxWidth: Int?

    static let narrowestText = 11

    init(header: [String], alignments: [Alignment], maxWidth: Int? = nil) {
        self.header = header
        self.alignments = alignments
        self.maxWidth = maxWidth
    }

    mutating func append(_ row: [String]) { rows.append(row) }

    /// The table as lines (each without a newline), two spaces between columns.
    func render() -> [String] {
        let all = [header] + rows
        let count = header.count
        var widths = [Int](repeating: 0, count: count)
        for row in all {
            for column in 0..<min(count, row.count) {
                widths[column] = max(widths[column], row[column].count)
            }
        }
        if let maxWidth {
            let textColumns = (0..<count).filter { column in (column < alignments.count ? alignments[column] : .left) == .left }
            while widths.reduce(0, +) + 2 * max(0, count - 1) > maxWidth,
                let widest = textColumns.max(by: { widths[$0] < widths[$1] }), widths[widest] > Self.narrowestText
            {
                widths[widest] -= 1
            }
        }
        let shared = (0..<count).map { column in Self.commonPrefixLength(rows.map { column < $0.count ? $0[column] : "" }) }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for column in 0..<count {
                let cell = Self.shortened(column < cells.count ? cells[column] : "", to: widths[column], shared: shared[column])
                let padding = String(repeating: " ", count: max(0, widths[column] - cell.count))
                let alignment = column < alignments.count ? alignments[column] : .left
                parts.append(alignment == .right ? padding + cell : cell + padding)
            }
            var text = parts.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return [line(header), rule] + rows.map(line)
    }

    /// `text` in `width` characters: without (some of) its first `shared` characters, which every
    /// row of the column has, then cut in the middle.
    static func shortened(_ text: String, to width: Int, shared: Int) -> String {
        guard text.count > width else { return text }
        let dropped = min(shared, text.count - width + 1)
        let rest = dropped > 0 ? "…" + text.dropFirst(dropped) : text
        return elided(rest, to: width)
    }

    /// How many characters every one of `cells` starts with (0 for fewer than two cells).
    static func commonPrefixLength(_ cells: [String]) -> Int {
        guard cells.count > 1, var prefix = cells.first.map(Array.init) else { return 0 }
        for cell in cells.dropFirst() {
            let characters = Array(cell)
            var n = 0
            while n < min(prefix.count, characters.count), prefix[n] == characters[n] { n += 1 }
            prefix = Array(prefix.prefix(n))
        }
        return prefix.count
    }

    /// `text` cut to `width` characters with `…` in the middle when it is longer.
    static func elided(_ text: String, to width: Int) -> String {
        guard text.count > width, width >= 2 else { return text }
        let head = width / 2, tail = width - 1 - head
        return String(text.prefix(head)) + "…" + String(text.suffix(tail))
    }
}
