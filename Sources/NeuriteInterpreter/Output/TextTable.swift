
/// A plain text table: a header row, a rule, then rows; columns padded to their widest cell
/// (in characters). Numeric columns are right-aligned.
struct TextTable {
    enum Alignment { case left, right }

    var header: [String]
    var alignments: [Alignment]
    var rows: [[String]] = []

    init(header: [String], alignments: [Alignment]) {
        self.header = header
        self.alignments = alignments
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
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for column in 0..<count {
                let cell = column < cells.count ? cells[column] : ""
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
}
