/// The `:history` listing: entries numbered from 1, oldest first; the extra lines of a multi-line
/// entry are indented under its first line.
public enum HistoryListing {
    /// The listing of `entries`, oldest first, each line ending in a newline.
    public static func format(_ entries: [String]) -> String {
        let width = String(entries.count).count
        var out = ""
        for (index, entry) in entries.enumerated() {
            let number = String(index + 1)
            let gutter = String(repeating: " ", count: width - number.count) + number + "  "
            let indent = String(repeating: " ", count: gutter.count)
            for (lineIndex, line) in entry.split(separator: "\n", omittingEmptySubsequences: false)
                .enumerated()
            {
                out += (lineIndex == 0 ? gutter : indent) + line + "\n"
            }
        }
        return out
    }
}
