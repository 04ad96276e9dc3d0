import NeuriteLanguage

/// What Tab offers inside a command's options or a layer line, from the declarations: option names
/// after `with` (`epo` → `epochs: `) and an option's word values after `name: ` (`ad` → `adam`).
enum OptionCompletion {
    /// Candidates for the word being typed at the end of `text` (the text before the cursor, the
    /// word included), or nil when the cursor is not in an option position.
    static func candidates(before text: String, word: String) -> [String]? {
        let head = String(text.dropLast(word.count))
        let (tokens, _) = Lexer.tokenize(SourceFile(name: "<completion>", text: head))
        let statement = Array(tokens.dropLast().reversed().prefix { token in
            token.kind != .newline && token.kind != .semicolon && token.kind != .leftBrace
        }.reversed())
        guard let owner = owner(of: statement) else { return nil }
        // `name: ` then the value: the option's words.
        if statement.last?.kind == .colon, statement.count >= 2, case .identifier(let name) = statement[statement.count - 2].kind {
            return owner.options.first { $0.name == name }.map { $0.kind.completions }
        }
        // After `with`, or after a comma in a `with` clause or a layer line: option names.
        guard let last = statement.last, last.kind == .keyword(.with) || last.kind == .comma else { return nil }
        if owner.isCommand, !statement.contains(where: { $0.kind == .keyword(.with) }) { return nil }
        return owner.options.map { $0.name + ": " }
    }

    private struct Owner {
        let options: [OptionSpec]
        let isCommand: Bool
    }

    /// The command (the last command word) or layer line (its first word) the statement is in.
    private static func owner(of statement: [Token]) -> Owner? {
        if let command = statement.last(where: { if case .command = $0.kind { true } else { false } }),
            case .command(let word) = command.kind, let signature = CommandSurface.signature(of: word)
        {
            return Owner(options: signature.options, isCommand: true)
        }
        if case .identifier(let word)? = statement.first?.kind, let layer = LayerWords.named(word) {
            return Owner(options: layer.options, isCommand: false)
        }
        return nil
    }
}
