import NeuriteInterpreter
import NeuritePixels

/// Colour and terminal size for a session, decided from the command line, the environment and
/// whether the streams are terminals (all passed in, so the decision is testable).
enum DisplaySettings {
    /// Colour unless `--no-color`, a non-empty `NO_COLOR`, `TERM=dumb`, or neither output stream
    /// is a terminal. (A stream that is not a terminal gets the colour stripped: see
    /// ``StandardStreamsSink``.)
    static func colorEnabled(
        noColorFlag: Bool, environment: [String: String], stdoutIsTerminal: Bool, stderrIsTerminal: Bool
    ) -> Bool {
        if noColorFlag { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return stdoutIsTerminal || stderrIsTerminal
    }

    /// Whether colour may use the 256-colour palette: when `TERM` says so (`xterm-256color`,
    /// `tmux-256color`, a `-direct` terminal) or `COLORTERM` is set (truecolor terminals set it);
    /// otherwise only the 16 standard ANSI colours, which every colour terminal has.
    static func supports256Colors(environment: [String: String]) -> Bool {
        if let colorTerm = environment["COLORTERM"], !colorTerm.isEmpty { return true }
        let term = environment["TERM"] ?? ""
        return term.contains("256") || term.hasSuffix("-direct")
    }

    /// The terminal's size when standard output is one, else `COLUMNS`/`LINES`, else 80×24.
    static func size(terminal: (columns: Int, rows: Int)?, environment: [String: String])
        -> (columns: Int, rows: Int)
    {
        if let terminal { return terminal }
        func positive(_ name: String) -> Int? {
            guard let value = environment[name].flatMap({ Int($0) }), value > 0 else { return nil }
            return value
        }
        return (positive("COLUMNS") ?? 80, positive("LINES") ?? 24)
    }

    /// The image mode asked for: `--images` wins over `NEURITE_IMAGES`, then `auto`. A value of
    /// `NEURITE_IMAGES` that is not a mode is reported through `warn` and ignored.
    static func imageMode(flag: ImageMode?, environment: [String: String], warn: (String) -> Void) -> ImageMode {
        if let flag { return flag }
        guard let value = environment["NEURITE_IMAGES"], !value.isEmpty else { return .auto }
        if let mode = ImageMode(rawValue: value.lowercased()) { return mode }
        warn("NEURITE_IMAGES=\(value) is not one of \(ImageMode.names.joined(separator: ", ")); using auto")
        return .auto
    }

    /// Whether plots are pictures, and how. Never when images are `off`, colour is off (`NO_COLOR`,
    /// `--no-color`, `TERM=dumb`) or standard output is not a terminal: those keep the text plots
    /// byte for byte, and the terminal is not asked anything. A named protocol is used as asked.
    /// `auto` asks the terminal (`ask`, once) and takes, in order: kitty graphics if it answered the
    /// kitty query, iTerm2's protocol if it names itself iTerm2, sixel if its device attributes
    /// include 4; text if it answered nothing. Inside tmux or screen only sixel counts (the
    /// multiplexer answers for itself, and passes no kitty or iTerm2 images through). The cell size
    /// is the terminal's answer, else the window's pixel size, else 8 × 16.
    static func images(
        mode: ImageMode, colorEnabled: Bool, stdoutIsTerminal: Bool, environment: [String: String],
        windowCell: () -> CellSize?, ask: () -> TerminalReplies?
    ) -> TerminalImageSettings? {
        guard mode != .off, colorEnabled, stdoutIsTerminal else { return nil }
        let windowCell = windowCell()
        let forced: TerminalImageProtocol? =
            switch mode {
            case .kitty: .kitty
            case .sixel: .sixel
            case .iterm: .iterm
            case .auto, .off: nil
            }
        if let forced, let windowCell { return TerminalImageSettings(imageProtocol: forced, cell: windowCell) }
        let replies = ask()
        let cell = replies?.cell ?? windowCell ?? .fallback
        if let forced { return TerminalImageSettings(imageProtocol: forced, cell: cell) }
        guard let replies, replies.deviceAttributes != nil else { return nil }
        let multiplexed = !(environment["TMUX"] ?? "").isEmpty || !(environment["STY"] ?? "").isEmpty
        if !multiplexed, replies.kittyGraphics { return TerminalImageSettings(imageProtocol: .kitty, cell: cell) }
        if !multiplexed, replies.version?.hasPrefix("iTerm2") == true {
            return TerminalImageSettings(imageProtocol: .iterm, cell: cell)
        }
        if replies.sixel { return TerminalImageSettings(imageProtocol: .sixel, cell: cell) }
        return nil
    }
}
