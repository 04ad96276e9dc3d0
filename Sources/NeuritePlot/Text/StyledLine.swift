/// One output row: runs of text with optional colour, and its display width.
struct StyledLine: Sendable {
    struct Run: Sendable {
        var text: String
        var paint: Paint
    }

    private(set) var runs: [Run] = []
    private(set) var width = 0

    init() {}

    init(_ text: String, paint: Paint = Paint()) {
        append(text, paint: paint)
    }

    mutating func append(_ text: String, paint: Paint = Paint()) {
        guard !text.isEmpty else { return }
        width += DisplayWidth.of(text)
        if let last = runs.last, last.paint == paint {
            runs[runs.count - 1].text += text
        } else {
            runs.append(Run(text: text, paint: paint))
        }
    }

    mutating func append(_ other: StyledLine) {
        for run in other.runs { append(run.text, paint: run.paint) }
    }

    mutating func appendSpaces(_ count: Int) {
        if count > 0 { append(String(repeating: " ", count: count)) }
    }

    /// Pads with spaces to `target` columns (never cuts).
    mutating func pad(to target: Int) {
        appendSpaces(target - width)
    }

    func padded(to target: Int) -> StyledLine {
        var copy = self
        copy.pad(to: target)
        return copy
    }

    /// A line with `text` centred in `target` columns.
    static func centered(_ text: String, in target: Int) -> StyledLine {
        let w = DisplayWidth.of(text)
        var line = StyledLine()
        line.appendSpaces(max(0, (target - w) / 2))
        line.append(text)
        line.pad(to: target)
        return line
    }

    /// The text, with SGR escapes around coloured runs.
    var rendered: String {
        var out = ""
        for run in runs {
            if run.paint.isPlain {
                out += run.text
            } else {
                out += run.paint.escape + run.text + Paint.reset
            }
        }
        return out
    }

    var plainText: String { runs.map(\.text).joined() }
}

extension Array where Element == StyledLine {
    /// All lines padded to the widest, joined by newlines, with no trailing newline.
    func renderedBlock(width: Int? = nil) -> String {
        let target = width ?? (map(\.width).max() ?? 0)
        return map { $0.padded(to: target).rendered }.joined(separator: "\n")
    }
}
