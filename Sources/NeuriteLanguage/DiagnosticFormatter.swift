/// Renders a ``Diagnostic`` as text:
///
/// ```
/// tutorial.nn:3:29: error: unknown name 'rleu'
/// 3 | model m { input 2; dense 4, rleu; dense 1, sigmoid }
///   |                             ^~~~ did you mean 'relu'?
///   = note: … (one line per note, if any)
/// ```
///
/// The caret marks the first character of the span and `~` the rest of it on that line (a span
/// running onto later lines is marked to the end of its first line; an empty span gets a lone
/// caret; a line longer than ``maximumLineLength`` is cut to a window around the span, with `…`
/// where text was left out). Columns count characters; tabs in the line are copied into the marker line and wide
/// characters get two marker cells, so the caret lines up in a terminal. The gutter is as wide
/// as the line number. With `color`, only decoration is added (bold red `error:`, blue gutter and
/// caret); the text is otherwise identical. No trailing newline.
///
/// Every error Neurite shows goes through here: parse and runtime errors with their source line
/// (``format(_:in:)``), and those about no place in a source — the command line, meta-commands,
/// unreadable files, the count of errors not shown — on one line (``format(_:origin:)``).
public struct DiagnosticFormatter: Sendable {
    /// Whether to add ANSI colour to the decoration.
    public var color: Bool

    /// Source lines longer than this many characters are shown as a window around the span.
    public static let maximumLineLength = 160

    public init(color: Bool) {
        self.color = color
    }

    /// The diagnostic as `file:line:col: error: message`, the source line, a caret line with the
    /// hint, then the notes.
    public func format(_ diagnostic: Diagnostic, in file: SourceFile) -> String {
        let start = min(max(0, diagnostic.span.start), file.utf8.count)
        let end = min(max(start, diagnostic.span.end), file.utf8.count)
        let location = file.location(of: start)
        let lineIndex = file.lineIndex(of: start)
        let lineText = file.lineText(lineIndex)
        let lineNumber = String(lineIndex + file.firstLine)
        let gutter = String(repeating: " ", count: lineNumber.count)

        // Characters before the span, and the span's characters on this line.
        let lineStart = file.lineStarts[lineIndex]
        let lineEnd = lineStart + lineText.utf8.count
        var prefix = visible(file.text(of: Span(start: lineStart, end: min(start, lineEnd))))
        var marked = visible(file.text(of: Span(start: min(start, lineEnd), end: min(end, lineEnd))))
        var suffix = visible(file.text(of: Span(start: min(end, lineEnd), end: lineEnd)))
        // A very long line is shown as a window around the span, elided with "…" on either side.
        if prefix.count + marked.count + suffix.count > Self.maximumLineLength {
            let context = Self.maximumLineLength / 4
            if prefix.count > context { prefix = "…" + prefix.suffix(context - 1) }
            let room = max(1, Self.maximumLineLength - prefix.count)
            if marked.count > room {
                marked = String(marked.prefix(room))
                suffix = "…"
            } else if marked.count + suffix.count > room {
                suffix = String(suffix.prefix(max(0, room - marked.count - 1))) + "…"
            }
        }
        let shownLine = prefix + marked + suffix

        var padding = ""
        for character in prefix {
            padding += character == "\t" ? "\t" : String(repeating: " ", count: displayWidth(of: character))
        }
        let markedWidth = marked.reduce(0) { $0 + ($1 == "\t" ? 1 : displayWidth(of: $1)) }
        let marker = "^" + String(repeating: "~", count: max(0, markedWidth - 1))

        var lines: [String] = []
        lines.append(
            "\(file.name):\(location.line):\(location.column): "
                + paint(diagnostic.severity.rawValue + ":", severityStyle(diagnostic.severity))
                + " " + diagnostic.message)
        lines.append(paint("\(lineNumber) |", .blue) + (shownLine.isEmpty ? "" : " " + shownLine))
        lines.append(
            paint("\(gutter) |", .blue) + " " + padding + paint(marker, .blue)
                + (diagnostic.hint.map { " " + $0 } ?? ""))
        for note in diagnostic.notes {
            let labelled = note.hasPrefix("note:") || note.hasPrefix("help:") ? note : "note: " + note
            lines.append("\(gutter) = \(labelled)")
        }
        return lines.joined(separator: "\n")
    }

    /// A diagnostic about no place in a source text, on one line: `origin: error: message; hint`, then
    /// one line per note (`  = note: …`). `origin` says where it came from: `neurite` for the command
    /// line, `<repl>` or `<stdin>` for a meta-command, `<stdin>:12` for a line of input. The span is
    /// not used. No trailing newline.
    ///
    /// ```
    /// neurite: error: unknown option '--hepl'; did you mean '--help'?
    /// <repl>: error: unknown command ':hlep'; did you mean ':help'?
    /// ```
    public func format(_ diagnostic: Diagnostic, origin: String) -> String {
        var lines = [
            "\(origin): " + paint(diagnostic.severity.rawValue + ":", severityStyle(diagnostic.severity))
                + " " + diagnostic.message + (diagnostic.hint.map { "; " + $0 } ?? "")
        ]
        for note in diagnostic.notes {
            lines.append("  = " + (note.hasPrefix("note:") || note.hasPrefix("help:") ? note : "note: " + note))
        }
        return lines.joined(separator: "\n")
    }

    /// Several diagnostics, one after another, separated by newlines.
    public func format(_ diagnostics: [Diagnostic], in file: SourceFile) -> String {
        diagnostics.map { format($0, in: file) }.joined(separator: "\n")
    }

    // MARK: - Styling

    private enum Style: String {
        case boldRed = "\u{1B}[1;31m"
        case boldYellow = "\u{1B}[1;33m"
        case boldCyan = "\u{1B}[1;36m"
        case blue = "\u{1B}[34m"
    }

    private func severityStyle(_ severity: Diagnostic.Severity) -> Style {
        switch severity {
        case .error: .boldRed
        case .warning: .boldYellow
        case .note: .boldCyan
        }
    }

    private func paint(_ text: String, _ style: Style) -> String {
        color ? style.rawValue + text + "\u{1B}[0m" : text
    }
}

/// The text with control characters other than tab replaced by visible symbols (␛ for escape,
/// ␍ for a carriage return, ␡ for delete, � for the C1 controls), one cell each, so a quoted source
/// line cannot drive the terminal and the caret still lines up.
func visible(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\t" })
    else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0x09: result.append(scalar)
        case 0x00...0x1F: result.append(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}")
        case 0x7F: result.append("\u{2421}")
        case 0x80...0x9F: result.append("\u{FFFD}")
        default: result.append(scalar)
        }
    }
    return String(result)
}

/// Terminal cells a character occupies: 2 for East Asian wide and emoji, 0 for combining marks.
func displayWidth(of character: Character) -> Int {
    guard let scalar = character.unicodeScalars.first else { return 0 }
    let value = scalar.value
    if value < 0x1100 {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .control, .format: return 0
        default: return 1
        }
    }
    let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]
    if wideRanges.contains(where: { $0.contains(value) }) { return 2 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: return 1
    }
}
