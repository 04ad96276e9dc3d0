/// Terminal output made plain: for files, pipes and notebooks.
public enum TerminalText {
    /// `text` without terminal escape sequences (CSI, OSC, charset designations, two-byte `ESC x`).
    public static func removingEscapes(_ text: String) -> String {
        guard text.contains("\u{1B}") else { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else {
                out.append(scalar)
                continue
            }
            guard let next = scalars.next() else { break }
            switch next {
            case "[":  // CSI: parameters, then a final byte in @…~
                while let c = scalars.next(), !(0x40...0x7E).contains(c.value) {}
            case "]", "_", "P":  // OSC, APC (kitty pictures), DCS (sixel): up to BEL or ESC \
                while let c = scalars.next(), c != "\u{07}" {
                    if c == "\u{1B}" {
                        _ = scalars.next()
                        break
                    }
                }
            case "(", ")":  // character set designation: one more byte
                _ = scalars.next()
            default:
                break
            }
        }
        return String(out)
    }

    /// `text` as a file would keep what a terminal shows: escapes removed, and on each line only
    /// what follows its last carriage return (a line redrawn in place keeps its last drawing).
    public static func plain(_ text: String) -> String {
        removingEscapes(text).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard let last = line.lastIndex(of: "\r") else { return line }
            return line[line.index(after: last)...]
        }.joined(separator: "\n")
    }

    /// The columns `line` (one line, possibly with CSI colour escapes) takes on a terminal.
    public static func columns(_ line: String) -> Int {
        DisplayWidth.of(removingEscapes(line))
    }

    /// `line` cut to at most `width` columns, keeping its CSI escapes (colours) and ending with a
    /// reset when it had escapes and was cut, so no colour leaks into what follows.
    public static func clipped(_ line: String, to width: Int) -> String {
        guard columns(line) > width else { return line }
        var out = String.UnicodeScalarView()
        var used = 0
        var scalars = line.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\u{1B}" {
                out.append(scalar)
                guard let next = scalars.next() else { break }
                out.append(next)
                if next == "[" {
                    while let c = scalars.next() {
                        out.append(c)
                        if (0x40...0x7E).contains(c.value) { break }
                    }
                }
                continue
            }
            let w = DisplayWidth.of(scalar)
            if used + w > width { break }
            used += w
            out.append(scalar)
        }
        return line.contains("\u{1B}") ? String(out) + "\u{1B}[0m" : String(out)
    }
}
