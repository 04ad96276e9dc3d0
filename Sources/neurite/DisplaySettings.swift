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
