/// Lays words out in columns that fit a terminal width, filled top to bottom then left to right
/// (as shells list completions). Rows carry no trailing spaces; each ends with a newline.
public enum ColumnList {
    /// `words` in columns no wider than `width` in total.
    public static func format(_ words: [String], width: Int) -> String {
        guard let longest = words.map(\.count).max() else { return "" }
        let columnWidth = longest + 2
        let columns = max(1, min(words.count, (max(width, 1) + 2) / columnWidth))
        let rows = (words.count + columns - 1) / columns
        var out = ""
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < words.count else { break }
                let word = words[index]
                line += word
                if column < columns - 1, index + rows < words.count {
                    line += String(repeating: " ", count: columnWidth - word.count)
                }
            }
            out += line + "\n"
        }
        return out
    }
}
