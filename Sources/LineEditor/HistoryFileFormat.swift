/// The text format of Neurite's history file: a header line, then one entry per line, oldest
/// first. Inside an entry, a backslash is written `\\`, a newline `\n` and a carriage return `\r`,
/// so a multi-line entry stays one line of the file. Unknown escapes are read literally.
public enum HistoryFileFormat {
    public static let header = "#neurite-history-v1"

    public static func encode(_ entries: [String]) -> String {
        var out = header + "\n"
        for entry in entries {
            out += escape(entry) + "\n"
        }
        return out
    }

    /// Entries in `text`; a missing header is tolerated (every line is then an entry).
    public static func decode(_ text: String) -> [String] {
        decodeLines(Substring(text)).map { unescape($0) }
    }

    /// The non-empty lines of `text` after the header (if any), still escaped.
    static func decodeLines(_ text: Substring) -> [Substring] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        if lines.first == Substring(header) { lines.removeFirst() }
        return lines
    }

    static func escape(_ entry: String) -> String {
        var out = ""
        for character in entry {
            switch character {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\r\n": out += "\\r\\n"
            default: out.append(character)
            }
        }
        return out
    }

    static func unescape(_ line: Substring) -> String {
        var out = ""
        var escaping = false
        for character in line {
            if escaping {
                switch character {
                case "n": out += "\n"
                case "r": out += "\r"
                case "\\": out += "\\"
                default: out += "\\" + String(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        if escaping { out += "\\" }
        return out
    }
}
