import NeuritePlot

/// Redraws a block of lines in place on a terminal, without flicker: each frame is one write that
/// moves the cursor back to the first line of the last frame (cursor-relative, so it works in any
/// terminal and in scrollback), rewrites every line, clears what the last frame left below, and is
/// wrapped in synchronized-output mode (`ESC[?2026h … ESC[?2026l`), which terminals that know it use
/// to show the frame at once and others ignore.
///
/// Lines are cut one column short of the width so the terminal never wraps them, and a frame is at
/// most one row shorter than the screen, so its first line is always reachable again. When the
/// terminal narrows between frames, the last frame's lines are counted as the terminal rewraps them.
struct LiveRedraw {
    /// The last frame, as written, and the width it was written for.
    private var previous: [String] = []
    private var previousColumns = 0

    /// The text that replaces the last frame with `lines` on a terminal of `columns` × `rows`.
    mutating func frame(_ lines: [String], columns: Int, rows: Int) -> String {
        let width = max(1, columns - 1)
        let shown = lines.prefix(max(1, rows - 1)).map { TerminalText.clipped($0, to: width) }
        var out = "\u{1B}[?2026h\r"
        let up = rowsAbove(columns: max(1, columns))
        if up > 0 { out += "\u{1B}[\(up)A" }
        out += shown.joined(separator: "\u{1B}[K\n") + "\u{1B}[K\u{1B}[J\u{1B}[?2026l"
        previous = shown
        previousColumns = max(1, columns)
        return out
    }

    /// Leaves the last frame on screen and puts the cursor on the line below it ("" if nothing was drawn).
    mutating func finish() -> String {
        defer { previous = [] }
        return previous.isEmpty ? "" : "\n"
    }

    /// How many rows above the cursor (at the end of its last line) the last frame begins.
    private func rowsAbove(columns: Int) -> Int {
        guard !previous.isEmpty else { return 0 }
        let rows = previous.reduce(0) { total, line in
            let used = TerminalText.columns(line)
            return total + (columns < previousColumns && used > columns ? (used + columns - 1) / columns : 1)
        }
        return rows - 1
    }
}
