/// Statements, declarations and model bodies.
extension Parser {
    /// Statements separated by newlines or `;`, up to the end of input or (in a block) a `}`,
    /// which is left for the caller. Recovers from errors at statement boundaries.
    mutating func parseStatements(inBlock: Bool) -> [Statement] {
        var statements: [Statement] = []
        while true {
            skipSeparators()
            if atEnd || (inBlock && at(.rightBrace)) { break }
            let before = position
            do {
                let statement = try parseStatement()
                try expectStatementEnd(after: statement, inBlock: inBlock)
                statements.append(statement)
            } catch {
                synchronize(inBlock: inBlock)
            }
            if position == before { advance() }
        }
        return statements
    }

    /// Words that start a statement, for "did you mean" on a misspelt one.
    static let statementWords = [Keyword.let, .fn, .data, .model, .if].map(\.rawValue)
        + CommandWord.allCases.map(\.rawValue)

    mutating func skipSeparators() {
        while at(.newline) || at(.semicolon) { advance() }
    }

    private mutating func expectStatementEnd(after statement: Statement, inBlock: Bool) throws(ParseAbort) {
        // `lte x = 1`, `plto f`: a misspelt keyword or command reads as a name followed by more.
        if case .expression(let expression) = statement.kind, case .identifier(let name) = expression.kind,
            canStartExpression
        {
            // A word from another language (`import torch`) gets its own hint, not a near miss.
            if case .identifier = current.kind, let hint = ParserDiagnostics.wordFromElsewhere(name) {
                throw fail(ParserDiagnostics.notAStatementWord(name), at: expression.span, hint: hint)
            }
            if let word = Suggestion.nearest(to: name, among: Self.statementWords) {
                throw fail(
                    ParserDiagnostics.notAStatementWord(name), at: expression.span,
                    hint: ParserDiagnostics.didYouMean(word))
            }
            // `import torch`, `fit m`: an unknown first word followed by a name.
            if case .identifier = current.kind {
                throw fail(
                    ParserDiagnostics.notAStatementWord(name), at: expression.span,
                    hint: ParserDiagnostics.unknownStatementWordHint(name))
            }
        }
        switch current.kind {
        case .newline, .semicolon, .endOfInput: return
        case .rightBrace where inBlock: return
        case .rightParen, .rightBracket, .rightBrace:
            throw fail(ParserDiagnostics.unmatchedClosing(current.text))
        case .keyword(.step):
            throw fail(ParserDiagnostics.stepWithoutRange)
        default:
            var hint: String?
            if current.kind == .colon, position > 0, case .number = tokens[position - 1].kind {
                hint = ParserDiagnostics.rangeIsWrittenWithDots  // `plot f over -5:5`
            } else if case .expression(let expression) = statement.kind,
                case .identifier(let name) = expression.kind, current.kind.isLiteral
            {
                hint = ParserDiagnostics.callNeedsParentheses(name)  // `print "a"`, `sigmoid 3`
            }
            throw fail(ParserDiagnostics.expectedStatementEnd(found: ParserDiagnostics.describe(current)), hint: hint)
        }
    }

    mutating func parseStatement() throws(ParseAbort) -> Statement {
        let start = current.span.start
        switch current.kind {
        case .keyword(.let):
            return try parseBinding(.let)
        case .keyword(.data):
            return try parseBinding(.data)
        case .keyword(.fn) where peek(1) != .leftParen:
            let declaration = try parseFunctionDeclaration()
            return Statement(.function(declaration), span: declaration.span)
        case .keyword(.model):
            let declaration = try parseModelDeclaration()
            return Statement(.model(declaration), span: declaration.span)
        default:
            let expression = try parseExpression(allowingCommand: true)
            if at(.assign), case .identifier(let name) = expression.kind {
                throw fail(ParserDiagnostics.assignmentNeedsLet(name))
            }
            if at(.assign), expression.isAssignable {
                advance()
                skipNewlines()
                let value = try parseExpression()
                return Statement(.assignment(target: expression, value: value), span: span(from: start))
            }
            return Statement(.expression(expression), span: span(from: start))
        }
    }

    /// `let x = e` or `data x = e`.
    private mutating func parseBinding(_ kind: BindingKind) throws(ParseAbort) -> Statement {
        let start = advance().span.start
        let name = try parseDeclaredName(after: kind.rawValue)
        guard eat(.assign) != nil else {
            throw fail(ParserDiagnostics.expectedAssign(after: "\(kind.rawValue) \(name.name)"))
        }
        skipNewlines()
        let value = try parseExpression(allowingCommand: true)
        return Statement(.binding(kind, name: name, value: value), span: span(from: start))
    }

    /// A name being defined: reserved words are refused with a message saying why.
    mutating func parseDeclaredName(after keyword: String) throws(ParseAbort) -> Identifier {
        switch current.kind {
        case .identifier(let name):
            return Identifier(name, span: advance().span)
        case .command(let word):
            throw fail(ParserDiagnostics.commandAsName(word.rawValue))
        case .keyword(let word):
            throw fail(ParserDiagnostics.keywordAsName(word.rawValue))
        default:
            throw fail(ParserDiagnostics.expectedName(after: keyword))
        }
    }

    /// `fn f(x, a = 1) = e` or `fn f(x) { … }`.
    private mutating func parseFunctionDeclaration() throws(ParseAbort) -> FunctionDeclaration {
        let start = advance().span.start
        let name = try parseDeclaredName(after: "fn")
        guard let open = eat(.leftParen) else {
            throw fail(ParserDiagnostics.expectedParameters(function: name.name))
        }
        let parameters = try parseParameters(opener: open)
        let body = try parseFunctionBody(
            allowingCommand: true, missing: ParserDiagnostics.expectedFunctionBody(name.name))
        return FunctionDeclaration(name: name, parameters: parameters, body: body, span: span(from: start))
    }

    /// `= e` or `{ … }` after a parameter list.
    mutating func parseFunctionBody(allowingCommand: Bool, missing message: String) throws(ParseAbort)
        -> Expression
    {
        if eat(.assign) != nil {
            skipNewlines()
            return try parseExpression(allowingCommand: allowingCommand)
        }
        if at(.leftBrace) { return try parseBlock() }
        throw fail(message)
    }

    /// The parameters after `(` up to and including `)`: `x`, `a = 1` (a trailing comma is allowed).
    mutating func parseParameters(opener: Token) throws(ParseAbort) -> [Parameter] {
        var parameters: [Parameter] = []
        while !at(.rightParen) {
            let name: Identifier
            switch current.kind {
            case .identifier, .command, .keyword:
                name = try parseDeclaredName(after: "(")
            case .endOfInput:
                _ = try expectClosing(.rightParen, opener: opener)
                return parameters
            default:
                throw fail(ParserDiagnostics.expectedParameterName)
            }
            if parameters.contains(where: { $0.name.name == name.name }) {
                record(ParserDiagnostics.duplicateParameter(name.name), at: name.span)
            }
            var defaultValue: Expression?
            if eat(.assign) != nil {
                defaultValue = try parseExpression()
            } else if at(.colon) {
                record(ParserDiagnostics.defaultWithColon(name.name))
                advance()
                defaultValue = try parseExpression()
            }
            parameters.append(Parameter(name: name, defaultValue: defaultValue))
            if eat(.comma) == nil { break }
        }
        _ = try expectClosing(.rightParen, opener: opener)
        return parameters
    }

    /// `model deep(act) { input 2; repeat 6 { dense 8, act }; dense 1, sigmoid }`.
    private mutating func parseModelDeclaration() throws(ParseAbort) -> ModelDeclaration {
        let start = advance().span.start
        let name = try parseDeclaredName(after: "model")
        var parameters: [Parameter] = []
        if let open = eat(.leftParen) {
            parameters = try parseParameters(opener: open)
        }
        guard let open = eat(.leftBrace) else { throw fail(ParserDiagnostics.expectedModelBody(name.name)) }
        let body = try parseLayerItems(opener: open)
        return ModelDeclaration(name: name, parameters: parameters, body: body, span: span(from: start))
    }

    /// Layer lines after `{` up to and including `}`.
    private mutating func parseLayerItems(opener: Token) throws(ParseAbort) -> [LayerItem] {
        depth += 1
        defer { depth -= 1 }
        try checkDepth()
        var items: [LayerItem] = []
        while true {
            skipSeparators()
            if atEnd || at(.rightBrace) { break }
            let before = position
            do {
                let item = try parseLayerItem()
                switch current.kind {
                case .newline, .semicolon, .rightBrace, .endOfInput: items.append(item)
                default: throw fail(ParserDiagnostics.expectedLayerEnd)
                }
            } catch {
                synchronize(inBlock: true)
            }
            if position == before { advance() }
        }
        _ = try expectClosing(.rightBrace, opener: opener)
        return items
    }

    /// `dense 8, relu` or `repeat 6 { … }`.
    private mutating func parseLayerItem() throws(ParseAbort) -> LayerItem {
        let start = current.span.start
        if eat(.keyword(.repeat)) != nil {
            let count = try parseExpression()
            guard let open = eat(.leftBrace) else { throw fail(ParserDiagnostics.expectedRepeatBody) }
            let body = try parseLayerItems(opener: open)
            return .repetition(count: count, body: body, span: span(from: start))
        }
        guard case .identifier(let layerName) = current.kind else {
            throw fail(ParserDiagnostics.expectedLayer)
        }
        let name = Identifier(layerName, span: advance().span)
        // `dense(8, relu)`: a layer line is not a call.
        if at(.leftParen), current.span.start == name.span.end {
            throw fail(ParserDiagnostics.layerWithParentheses(layerName))
        }
        let arguments = canStartExpression ? try parseArguments(of: layerName) : []
        return .layer(name: name, arguments: arguments, span: span(from: start))
    }
}

extension TokenKind {
    /// A number or string literal: after a lone name it was most likely meant as an argument.
    fileprivate var isLiteral: Bool {
        switch self {
        case .number, .string: return true
        default: return false
        }
    }
}

extension Expression {
    /// An index or member chain rooted at a name (`m.layers[0].bias[3]`): what `=` may assign to.
    var isAssignable: Bool {
        switch kind {
        case .index(let base, _), .member(let base, _):
            if case .identifier = base.kind { return true }
            return base.isAssignable
        default: return false
        }
    }
}
