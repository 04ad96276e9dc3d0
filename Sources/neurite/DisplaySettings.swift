import NeuriteInterpreter

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
}
