/// Commands (`train m on d with lr: 0.1`), their clauses, and argument lists.
extension Parser {
    /// True if the current token is a command word with `(` directly after it: `predict(m, x)`.
    var commandIsCalled: Bool {
        guard case .command = current.kind, position + 1 < tokens.count else { return false }
        let next = tokens[position + 1]
        return next.kind == .leftParen && next.span.start == current.span.end
    }

    /// `plot relu, relu' over -5..5`, `train m on ring with epochs: 100`.
    mutating func parseCommand() throws(ParseAbort) -> Expression {
        let wordToken = advance()
        let arguments = canStartExpression ? try parseArguments(of: wordToken.text) : []
        let command = Command(
            name: Identifier(wordToken.text, span: wordToken.span), arguments: arguments,
            clauses: try parseClauses())
        return Expression(.command(command), span: span(from: wordToken.span.start))
    }

    /// The call form of a command, `predict(m, x)`: its arguments in parentheses written
    /// directly after the word. It is an operand like a function call, without clauses.
    mutating func parseCommandCall() throws(ParseAbort) -> Expression {
        let wordToken = advance()
        let open = advance()
        let arguments = try parseArguments(closedBy: .rightParen, opener: open)
        let command = Command(
            name: Identifier(wordToken.text, span: wordToken.span), arguments: arguments, clauses: [])
        return Expression(.command(command), span: span(from: wordToken.span.start))
    }

    /// `on ring with epochs: 100, lr: 0.03`: clause keywords and their arguments.
    mutating func parseClauses() throws(ParseAbort) -> [Clause] {
        var clauses: [Clause] = []
        while case .keyword(let keyword) = current.kind, keyword.isClause {
            let keywordToken = advance()
            skipNewlines()
            guard canStartExpression else {
                throw fail(ParserDiagnostics.expectedClauseArgument(keyword.rawValue))
            }
            let arguments = try parseArguments(of: keyword.rawValue)
            clauses.append(Clause(keyword: Identifier(keyword.rawValue, span: keywordToken.span), arguments: arguments))
        }
        return clauses
    }

    // MARK: - Arguments

    /// Comma-separated arguments with no brackets, after the command, clause or layer `word`.
    /// A second argument with no comma before it (`dense 1 sigmoid`) is reported as such.
    mutating func parseArguments(of word: String) throws(ParseAbort) -> [Argument] {
        var arguments = [try parseArgument()]
        while eat(.comma) != nil {
            skipNewlines()
            arguments.append(try parseArgument())
        }
        // `with epochs=10`: an option written with '=' instead of ':'.
        if at(.assign), let last = arguments.last, last.label == nil, case .identifier(let name) = last.value.kind {
            throw fail(ParserDiagnostics.optionWithEquals(name), hint: ParserDiagnostics.optionIsWrittenWithColon(name))
        }
        if canStartExpression {
            // `with lr 0.1`: an option name without its colon.
            var hint: String?
            if word == Keyword.with.rawValue, let last = arguments.last, last.label == nil,
                case .identifier(let name) = last.value.kind
            {
                hint = ParserDiagnostics.optionNeedsColon(name)
            }
            throw fail(ParserDiagnostics.expectedArgumentComma(word), hint: hint)
        }
        return arguments
    }

    /// Arguments after `(` up to and including `closer` (a trailing comma is allowed).
    mutating func parseArguments(closedBy closer: TokenKind, opener: Token) throws(ParseAbort)
        -> [Argument]
    {
        var arguments: [Argument] = []
        while !at(closer) && !atEnd {
            arguments.append(try parseArgument())
            // `circle(noise=0.1)`: a named argument written with '='.
            if at(.assign), let last = arguments.last, last.label == nil, case .identifier(let name) = last.value.kind {
                throw fail(ParserDiagnostics.optionWithEquals(name), hint: ParserDiagnostics.optionIsWrittenWithColon(name))
            }
            if eat(.comma) == nil { break }
        }
        _ = try expectClosing(closer, opener: opener)
        return arguments
    }

    /// `e` or `label: e`; the label may be any word, keywords included (`fn: sin`).
    mutating func parseArgument() throws(ParseAbort) -> Argument {
        var label: Identifier?
        if let word = current.kind.word, peek(1) == .colon {
            label = Identifier(word, span: advance().span)
            advance()
            skipNewlines()
        }
        return Argument(label: label, value: try parseExpression())
    }
}
