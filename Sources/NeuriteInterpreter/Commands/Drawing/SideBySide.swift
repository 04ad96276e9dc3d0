/// Joins rendered plots horizontally while they fit a terminal width, else in rows of fewer.
enum SideBySide {
    /// Columns between two plots in a row.
    static let gap = 2
    /// The narrowest a plot is drawn when sharing a row.
    static let minimumWidth = 36

    /// How many plots of at least `minimumWidth` fit in `totalWidth` next to each other, and the
    /// width each gets (`preferred` if given and it fits, else an equal share of the row).
    static func layout(count: Int, totalWidth: Int, preferred: Int?) -> (perRow: Int, width: Int) {
        guard count > 1 else { return (1, preferred ?? totalWidth) }
        let narrowest = max(24, preferred ?? minimumWidth)
        var perRow = count
        while perRow > 1 && perRow * narrowest + (perRow - 1) * gap > totalWidth { perRow -= 1 }
        let share = perRow == 1 ? totalWidth : (totalWidth - (perRow - 1) * gap) / perRow
        return (perRow, preferred.map { min($0, share) } ?? share)
    }

    /// `blocks` (each rows of exactly `width` columns) in rows of `perRow`, shorter blocks padded
    /// with blank rows at the bottom; rows of plots separated by an empty line.
    static func join(_ blocks: [String], width: Int, perRow: Int) -> String {
        guard perRow > 1 else { return blocks.joined(separator: "\n\n") }
        var rows: [String] = []
        var start = 0
        while start < blocks.count {
            let group = blocks[start..<min(start + perRow, blocks.count)].map { block in
                block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
            let height = group.map(\.count).max() ?? 0
            let blank = String(repeating: " ", count: width)
            let spacer = String(repeating: " ", count: gap)
            var lines: [String] = []
            for line in 0..<height {
                let parts = group.map { line < $0.count ? $0[line] : blank }
                lines.append(trimmedEnd(parts.joined(separator: spacer)))
            }
            rows.append(lines.joined(separator: "\n"))
            start += perRow
        }
        return rows.joined(separator: "\n\n")
    }

    /// Without trailing spaces (a joined row ends with the last plot's padding).
    private static func trimmedEnd(_ line: String) -> String {
        var result = line
        while result.last == " " { result.removeLast() }
        return result
    }
}
