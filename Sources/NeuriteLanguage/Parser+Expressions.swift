/// Expressions, from the loosest binding to the tightest:
/// command / lambda / `if`; `or`; `and`; `not`; comparisons (not chainable); `a..b step s`;
/// `+ -`; `* / %`; unary `- +`; `^` (right-associative); postfix `()` `[]` `.name` `'`.
extension Parser {
    /// A full expression. Commands (`train m on d`) are allowed only where `allowingCommand`:
    /// at the top of a statement, a binding, a function body or parentheses.
    mutating func parseExpression(allowingCommand: Bool = false) throws(ParseAbort) -> Expression {
        depth += 1
        defer { depth -= 1 }
        try checkDepth()
        switch current.kind {
        case .command where commandIsCalled:
            // The call form `predict(m, x)` is an operand (`predict(m, x) - y`); at the top of an
            // expression it may still take clauses: `plot(f) over -1..1`.
            var expression = try parseOr()
            if allowingCommand, case .command(var command) = expression.kind, command.clauses.isEmpty,
                case .keyword(let keyword) = current.kind, keyword.isClause
            {
                command.clauses = try parseClauses()
                expression = Expression(.command(command), span: span(from: expression.span.start))
            }
            return expression
        case .command(let word):
            if allowingCommand { return try parseCommand() }
            throw fail(ParserDiagnostics.commandInsideExpression(word.rawValue))
        case .keyword(.if):
            return try parseConditional(allowingCommand: allowingCommand)
        case .keyword(.fn) where peek(1) == .leftParen:
            return try parseLambda(allowingCommand: allowingCommand)
        default:
            return try parseOr()
        }
    }

    /// True if the current token can begin an expression or a labelled argument.
    var canStartExpression: Bool {
        switch current.kind {
        case .number, .string, .identifier, .minus, .plus, .leftParen, .leftBracket, .leftBrace:
            return true
        case .keyword(let keyword):
            if peek(1) == .colon { return true }
            return [.true, .false, .not, .if, .fn].contains(keyword)
        case .command:
            return peek(1) == .colon || commandIsCalled
        default:
            return false
        }
    }

    // MARK: - Loose forms

    /// `if c then a else b`; `then` and `else` may start a new line.
    private mutating func parseConditional(allowingCommand: Bool) throws(ParseAbort) -> Expression {
        let start = advance().span.start
        skipNewlines()
        let condition = try parseExpression()
        skipNewlines(before: .keyword(.then))
        guard eat(.keyword(.then)) != nil else {
            if at(.assign) { throw fail(ParserDiagnostics.equalsInCondition) }
            throw fail(ParserDiagnostics.expectedThen, hint: keywordHint(.then))
        }
        skipNewlines()
        let thenBranch = try parseExpression(allowingCommand: allowingCommand)
        skipNewlines(before: .keyword(.else))
        guard eat(.keyword(.else)) != nil else {
            throw fail(ParserDiagnostics.expectedElse, hint: keywordHint(.else))
        }
        skipNewlines()
        let elseBranch = try parseExpression(allowingCommand: allowingCommand)
        return Expression(
            .conditional(condition: condition, then: thenBranch, else: elseBranch), span: span(from: start))
    }

    /// `fn(x) = x * x` or `fn(x) { … }`.
    private mutating func parseLambda(allowingCommand: Bool) throws(ParseAbort) -> Expression {
        let start = advance().span.start
        guard let open = eat(.leftParen) else { throw fail(ParserDiagnostics.expectedLambdaParameters) }
        let parameters = try parseParameters(opener: open)
        let body = try parseFunctionBody(
            allowingCommand: allowingCommand, missing: ParserDiagnostics.expectedFunctionBody("fn"))
        return Expression(.lambda(parameters: parameters, body: body), span: span(from: start))
    }

    // MARK: - Operators

    private mutating func parseOr() throws(ParseAbort) -> Expression {
        var left = try parseAnd()
        var links = 0
        while at(.keyword(.or)) {
            try extendChain(&links)
            advance()
            skipNewlines()
            let right = try parseAnd()
            left = Expression(.binary(.or, left, right), span: left.span.union(right.span))
        }
        return left
    }

    private mutating func parseAnd() throws(ParseAbort) -> Expression {
        var left = try parseNot()
        var links = 0
        while at(.keyword(.and)) {
            try extendChain(&links)
            advance()
            skipNewlines()
            let right = try parseNot()
            left = Expression(.binary(.and, left, right), span: left.span.union(right.span))
        }
        return left
    }

    private mutating func parseNot() throws(ParseAbort) -> Expression {
        guard at(.keyword(.not)) else { return try parseComparison() }
        depth += 1
        defer { depth -= 1 }
        try checkDepth()
        let start = advance().span.start
        skipNewlines()
        let operand = try parseNot()
        return Expression(.unary(.not, operand), span: span(from: start))
    }

    /// Comparisons do not chain: `a < b < c` is reported (and parsed as `(a < b) < c` to go on).
    private mutating func parseComparison() throws(ParseAbort) -> Expression {
        var left = try parseRange()
        var comparisons = 0
        while let op = current.kind.binaryOperator, op.isComparison {
            if comparisons > 0 { record(ParserDiagnostics.chainedComparison) }
            comparisons += 1
            advance()
            skipNewlines()
            let right = try parseRange()
            left = Expression(.binary(op, left, right), span: left.span.union(right.span))
        }
        return left
    }

    /// `a..b` or `a..b step s`.
    private mutating func parseRange() throws(ParseAbort) -> Expression {
        let lower = try parseAdditive()
        guard eat(.dotDot) != nil else { return lower }
        skipNewlines()
        let upper = try parseAdditive()
        var step: Expression?
        if eat(.keyword(.step)) != nil {
            skipNewlines()
            step = try parseAdditive()
        }
        if at(.dotDot) { throw fail(ParserDiagnostics.chainedRange) }
        return Expression(.range(start: lower, end: upper, step: step), span: span(from: lower.span.start))
    }

    private mutating func parseAdditive() throws(ParseAbort) -> Expression {
        var left = try parseMultiplicative()
        var links = 0
        while at(.plus) || at(.minus) {
            try extendChain(&links)
            let op: BinaryOperator = advance().kind == .plus ? .add : .subtract
            skipNewlines()
            let right = try parseMultiplicative()
            left = Expression(.binary(op, left, right), span: left.span.union(right.span))
        }
        return left
    }

    private mutating func parseMultiplicative() throws(ParseAbort) -> Expression {
        var left = try parseUnary()
        var links = 0
        while let op = current.kind.binaryOperator, op == .multiply || op == .divide || op == .remainder {
            try extendChain(&links)
            advance()
            skipNewlines()
            let right = try parseUnary()
            left = Expression(.binary(op, left, right), span: left.span.union(right.span))
        }
        return left
    }

    private mutating func parseUnary() throws(ParseAbort) -> Expression {
        depth += 1
        defer { depth -= 1 }
        try checkDepth()
        guard at(.minus) || at(.plus) else { return try parsePower() }
        let token = advance()
        let operand = try parseUnary()
        let op: UnaryOperator = token.kind == .minus ? .negate : .plus
        return Expression(.unary(op, operand), span: span(from: token.span.start))
    }

    /// `a ^ b`, right-associative; the exponent may be negated (`2^-1`).
    private mutating func parsePower() throws(ParseAbort) -> Expression {
        let base = try parsePostfix()
        guard eat(.caret) != nil else { return base }
        skipNewlines()
        let exponent = try parseUnary()
        return Expression(.binary(.power, base, exponent), span: base.span.union(exponent.span))
    }

    // MARK: - Postfix and primary

    private mutating func parsePostfix() throws(ParseAbort) -> Expression {
        var expression = try parsePrimary()
        let start = expression.span.start
        var links = 0
        while true {
            try extendChain(&links)
            switch current.kind {
            case .leftParen:
                let open = advance()
                let arguments = try parseArguments(closedBy: .rightParen, opener: open)
                expression = Expression(.call(callee: expression, arguments: arguments), span: span(from: start))
            case .leftBracket:
                let open = advance()
                let index = try parseExpression()
                if !at(.rightBracket) && at(.comma) {
                    // `predict m [1, 2]`: a space before `[` suggests a vector meant as the next argument.
                    let spaced = open.span.start > expression.span.end
                    throw fail(ParserDiagnostics.indexTakesOneValue, hint: spaced ? ParserDiagnostics.vectorAfterSpace : nil)
                }
                _ = try expectClosing(.rightBracket, opener: open)
                expression = Expression(.index(expression, index), span: span(from: start))
            case .dot:
                advance()
                guard let word = current.kind.word else { throw fail(ParserDiagnostics.expectedMemberName) }
                let member = Identifier(word, span: advance().span)
                expression = Expression(.member(expression, member), span: span(from: start))
            case .prime:
                var order = 0
                while eat(.prime) != nil { order += 1 }
                expression = Expression(.derivative(expression, order: order), span: span(from: start))
            default:
                return expression
            }
        }
    }

    private mutating func parsePrimary() throws(ParseAbort) -> Expression {
        let token = current
        switch token.kind {
        case .number(let value):
            advance()
            return Expression(.number(value), span: token.span)
        case .string(let value):
            advance()
            return Expression(.string(value), span: token.span)
        case .keyword(.true), .keyword(.false):
            advance()
            return Expression(.boolean(token.kind == .keyword(.true)), span: token.span)
        case .identifier(let name):
            advance()
            return Expression(.identifier(name), span: token.span)
        case .leftParen:
            advance()
            let inner = try parseExpression(allowingCommand: true)
            _ = try expectClosing(.rightParen, opener: token)
            return Expression(inner.kind, span: span(from: token.span.start))
        case .leftBracket:
            return try parseVector()
        case .leftBrace:
            return try parseBlock()
        case .keyword(.if):
            return try parseConditional(allowingCommand: false)
        case .keyword(.fn):
            return try parseLambda(allowingCommand: false)
        case .command(let word):
            if commandIsCalled { return try parseCommandCall() }
            throw fail(ParserDiagnostics.commandInsideExpression(word.rawValue))
        case .keyword(.for):
            // `for x in v { … }`: there are no loops, only comprehensions.
            throw fail(missingExpressionMessage, hint: ParserDiagnostics.loopIsAComprehension)
        default:
            throw fail(missingExpressionMessage)
        }
    }

    /// "expected expression after '+'" after an operator, else "expected expression, found …".
    private var missingExpressionMessage: String {
        var look = position - 1
        while look >= 0, tokens[look].kind == .newline { look -= 1 }
        guard look >= 0 else { return ParserDiagnostics.expectedExpression(found: ParserDiagnostics.describe(current)) }
        let previous = tokens[look]
        switch previous.kind {
        case .leftParen, .leftBracket, .leftBrace, .semicolon, .newline, .identifier, .number, .string,
            .rightParen, .rightBracket, .rightBrace, .prime, .invalid, .endOfInput:
            return ParserDiagnostics.expectedExpression(found: ParserDiagnostics.describe(current))
        default:
            return ParserDiagnostics.expectedExpression(after: previous.text)
        }
    }

    /// `[a, b]`, `[]`, or `[e for x in s if c]`.
    private mutating func parseVector() throws(ParseAbort) -> Expression {
        let open = advance()
        if eat(.rightBracket) != nil { return Expression(.vector([]), span: span(from: open.span.start)) }
        let first = try parseExpression()
        if eat(.keyword(.for)) != nil {
            let variable = try parseDeclaredName(after: "for")
            guard eat(.keyword(.in)) != nil else {
                throw fail(ParserDiagnostics.expectedIn(variable: variable.name), hint: keywordHint(.in))
            }
            let sequence = try parseExpression()
            var condition: Expression?
            if eat(.keyword(.if)) != nil { condition = try parseExpression() }
            _ = try expectClosing(.rightBracket, opener: open)
            return Expression(
                .comprehension(element: first, variable: variable, sequence: sequence, condition: condition),
                span: span(from: open.span.start))
        }
        if let hint = keywordHint(.for) {  // `[x fro x in v]`
            throw fail(ParserDiagnostics.expectedClosing(
                "]", opener: open.text, at: file.location(of: open.span.start)), hint: hint)
        }
        var elements = [first]
        while eat(.comma) != nil, !at(.rightBracket) {
            elements.append(try parseExpression())
        }
        _ = try expectClosing(.rightBracket, opener: open)
        return Expression(.vector(elements), span: span(from: open.span.start))
    }

    /// `{ statements }`: the value is the last statement's.
    mutating func parseBlock() throws(ParseAbort) -> Expression {
        let open = advance()
        let statements = parseStatements(inBlock: true)
        _ = try expectClosing(.rightBrace, opener: open)
        return Expression(.block(statements), span: span(from: open.span.start))
    }
}
