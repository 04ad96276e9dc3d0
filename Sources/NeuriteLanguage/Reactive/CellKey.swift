extension Cell {
    /// What identifies the cell's code across edits: its tokens, without the comments and spacing
    /// between them (a line break that separates statements counts once). Two codes with the same
    /// key are the same program, so a cell whose key did not change need not run again.
    public var codeKey: String {
        let tokens = Lexer.tokenize(SourceFile(name: "", text: code)).0
        var parts: [String] = []
        for token in tokens {
            let part: String
            switch token.kind {
            case .endOfInput: continue
            case .newline, .semicolon: part = ";"
            default: part = String(describing: token.kind)
            }
            if part == ";", parts.last == ";" || parts.isEmpty { continue }
            parts.append(part)
        }
        if parts.last == ";" { parts.removeLast() }
        return parts.joined(separator: "\u{1F}")
    }
}
