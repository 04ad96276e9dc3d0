/// Which colour escapes a terminal rendering may use. Deciding it (NO_COLOR, `--no-color`,
/// whether stdout is a terminal) is the caller's job.
public enum ColorMode: String, Sendable, CaseIterable {
    /// No escapes at all; series are told apart by markers.
    case none
    /// The 16 standard ANSI colours (SGR 30–37, 90–97 and backgrounds).
    case ansi16
    /// The xterm 256-colour palette (SGR 38;5;n and 48;5;n).
    case ansi256
}

/// One terminal colour, already resolved for a colour mode.
enum TerminalColor: Equatable, Sendable {
    /// Index 0–15 into the 16 ANSI colours.
    case basic(UInt8)
    /// Index 0–255 into the xterm palette.
    case indexed(UInt8)

    func sgr(background: Bool) -> String {
        switch self {
        case .basic(let i):
            let base = i < 8 ? (background ? 40 : 30) : (background ? 100 : 90)
            return String(base + Int(i % 8))
        case .indexed(let i):
            return (background ? "48;5;" : "38;5;") + String(i)
        }
    }
}

/// Foreground and background of a run of text.
struct Paint: Equatable, Sendable {
    var foreground: TerminalColor?
    var background: TerminalColor?

    init(foreground: TerminalColor? = nil, background: TerminalColor? = nil) {
        self.foreground = foreground
        self.background = background
    }

    var isPlain: Bool { foreground == nil && background == nil }

    /// The SGR escape that switches to this paint (from the default).
    var escape: String {
        var codes: [String] = []
        if let foreground { codes.append(foreground.sgr(background: false)) }
        if let background { codes.append(background.sgr(background: true)) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    static let reset = "\u{1B}[0m"
}
