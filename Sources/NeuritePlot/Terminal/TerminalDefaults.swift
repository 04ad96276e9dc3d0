extension ColorMode {
    /// The colour mode a program should use, from its environment: none with the `--no-color`
    /// flag, a non-empty `NO_COLOR` (no-color.org), output that is not a terminal, or
    /// `TERM=dumb`; 256 colours when `TERM` mentions `256color` or `COLORTERM` is `truecolor` or
    /// `24bit`; otherwise 16. Pure: the caller passes what it found.
    public static func preferred(environment: [String: String], isTerminal: Bool, noColorFlag: Bool = false) -> ColorMode {
        if noColorFlag || !isTerminal { return .none }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        let term = environment["TERM"] ?? ""
        if term == "dumb" { return .none }
        let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
        if term.contains("256color") || colorTerm == "truecolor" || colorTerm == "24bit" { return .ansi256 }
        return .ansi16
    }
}

extension CanvasKind {
    /// Braille when the locale is UTF-8 (`LC_ALL`, else `LC_CTYPE`, else `LANG`), else ASCII.
    public static func preferred(environment: [String: String]) -> CanvasKind {
        let locale = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let lower = locale.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8") ? .braille : .ascii
    }
}
