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

    // Escaping works on Unicode scalars, not characters: a combining mark after a line break would
    // otherwise join the escape's letter (`\r` + U+0711 read back as `\` + `r` with the mark) and
    // the entry would not come back as it was (found by the history fuzz target).
    static func escape(_ entry: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in entry.unicodeScalars {
            switch scalar {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    static func unescape(_ line: Substring) -> String {
        var out = String.UnicodeScalarView()
        var escaping = false
        for scalar in line.unicodeScalars {
            if escaping {
                switch scalar {
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "\\": out.append("\\")
                default: out.append(contentsOf: ["\\", scalar])
                }
                escaping = false
            } else if scalar == "\\" {
                escaping = true
            } else {
                out.append(scalar)
            }
        }
        if escaping { out.append("\\") }
        return String(out)
    }
}
