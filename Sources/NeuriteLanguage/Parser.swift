/// The outcome of parsing: a program (possibly partial) and every problem found.
public struct ParseResult: Sendable {
    /// The statements that parsed; statements with errors are left out.
    public var program: Program
    /// Lexical and syntax errors in source order.
    public var diagnostics: [Diagnostic]
    /// True if there are errors and all of them are "the input ended too soon" (an open bracket,
    /// a trailing operator, an unterminated string…): a REPL should ask for more lines.
    public var isIncomplete: Bool

    public init(program: Program, diagnostics: [Diagnostic], isIncomplete: Bool) {
        self.program = program
        self.diagnostics = diagnostics
        self.isIncomplete = isIncomplete
    }
}

/// Whether `text` is a whole REPL entry. False when more lines are needed: an open `(`, `[` or `{`,
/// a trailing binary operator or comma, `if a then` without `else`, `fn f(x) =` without a body,
/// an unterminated string. True otherwise, including for text with real syntax errors, so the
/// REPL reports them instead of waiting.
public func inputIsComplete(_ text: String) -> Bool {
    !Parser.parse(SourceFile(name: "<repl>", text: text)).isIncomplete
}

/// Thrown inside the parser to abandon the current statement after its error was recorded.
struct ParseAbort: Error {}

/// A recursive-descent parser with one function per grammar production
/// (statements in `Parser+Statements.swift`, expressions in `Parser+Expressions.swift`).
///
/// Conventions: a parsing function starts at the first token of its production and leaves
/// `position` on the first token after it. On an error it records a diagnostic and throws
/// ``ParseAbort``; the statement loop catches it and skips to the next statement boundary.
/// Every loop checks that it made progress, and nesting is bounded, so any input terminates.
public struct Parser {
    let file: SourceFile
    let tokens: [Token]
    var position = 0
    var diagnostics: [Diagnostic] = []
    /// Errors found at the end of input (more text could fix them) and elsewhere.
    var endOfInputErrors = 0
    var otherErrors = 0
    /// Current nesting of expressions, blocks and model bodies (bounded by ``maximumDepth``).
    var depth = 0
    static let maximumDepth = 100
    /// Longest run of one precedence level's operators, or of postfixes, in one expression.
    static let maximumChainLength = 10_000

    init(file: SourceFile, tokens: [Token]) {
        self.file = file
        self.tokens = tokens
    }

    /// Parses a whole file. Never throws or traps; problems are in ``ParseResult/diagnostics``.
    /// Parses `file`; with a `vocabulary`, command options and layer words are checked too (see
    /// ``Vocabulary``), and their errors join the others.
    public static func parse(_ file: SourceFile, vocabulary: Vocabulary = .open) -> ParseResult {
        let lexed = Lexer.scan(file)
        var parser = Parser(file: file, tokens: lexed.tokens)
        let statements = parser.parseStatements(inBlock: false)
        let lexicalErrors = lexed.diagnostics.count - (lexed.endedInsideString ? 1 : 0)
        if lexed.endedInsideString, let string = lexed.diagnostics.last {
            // Everything after an unterminated string's quote was swallowed by it: the parser's
            // complaints about the end of input would only repeat the lexer's.
            parser.diagnostics.removeAll { $0.span.start > string.span.start }
            parser.endOfInputErrors = 0
        }
        let incomplete = (lexed.endedInsideString || parser.endOfInputErrors > 0)
            && lexicalErrors == 0 && parser.otherErrors == 0
        var surface = SurfaceCheck(vocabulary: vocabulary)
        if !incomplete { surface.check(Program(statements: statements)) }
        let diagnostics = (lexed.diagnostics + parser.diagnostics + surface.diagnostics).enumerated()
            .sorted { ($0.element.span.start, $0.offset) < ($1.element.span.start, $1.offset) }
            .map(\.element)
        return ParseResult(
            program: Program(statements: statements), diagnostics: diagnostics,
            isIncomplete: incomplete)
    }

    // MARK: - Token cursor

    var current: Token { tokens[position] }

    func peek(_ distance: Int) -> TokenKind {
        tokens[min(position + distance, tokens.count - 1)].kind
    }

    func at(_ kind: TokenKind) -> Bool { current.kind == kind }

    var atEnd: Bool { current.kind == .endOfInput }

    /// Consumes the current token (never moves past the end of input).
    @discardableResult
    mutating func advance() -> Token {
        let token = current
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    /// Consumes the current token if it is `kind`.
    mutating func eat(_ kind: TokenKind) -> Token? {
        at(kind) ? advance() : nil
    }

    /// End offset of the last consumed token: where the node being built ends.
    var previousEnd: Int { position > 0 ? tokens[position - 1].span.end : 0 }

    /// The text of the last consumed token, for "after '+'" in messages.
    var previousText: String { position > 0 ? tokens[position - 1].text : "" }

    /// A span from `start` to the end of the last consumed token.
    func span(from start: Int) -> Span { Span(start: start, end: max(start, previousEnd)) }

    mutating func skipNewlines() {
        while at(.newline) { advance() }
    }

    /// Skips line breaks only if the next other token is `kind` (`else` on its own line) or the
    /// end of input (so the missing `kind` counts as "more input needed").
    mutating func skipNewlines(before kind: TokenKind) {
        var look = position
        while tokens[look].kind == .newline, look < tokens.count - 1 { look += 1 }
        if tokens[look].kind == kind || tokens[look].kind == .endOfInput { position = look }
    }

    // MARK: - Errors

    /// Records an error at the current token (or `span`) and returns the abort to throw.
    mutating func fail(_ message: String, at span: Span? = nil, hint: String? = nil) -> ParseAbort {
        record(message, at: span, hint: hint)
        return ParseAbort()
    }

    /// Records an error without abandoning the statement.
    mutating func record(_ message: String, at span: Span? = nil, hint: String? = nil) {
        if current.kind == .invalid && span == nil { return }  // The lexer already reported it.
        let location = span ?? defaultErrorSpan
        if let last = diagnostics.last, last.span.start == location.start { return }
        if atEnd && span == nil { endOfInputErrors += 1 } else { otherErrors += 1 }
        diagnostics.append(Diagnostic(.error, message, at: location, hint: hint))
    }

    /// "did you mean 'else'?" when the current token is a name that looks like `keyword`.
    func keywordHint(_ keyword: Keyword) -> String? {
        guard case .identifier(let name) = current.kind,
            Suggestion.nearest(to: name, among: [keyword.rawValue]) != nil
        else { return nil }
        return ParserDiagnostics.didYouMean(keyword.rawValue)
    }

    /// Where an error about the current token points: the token itself, or just after the
    /// previous token when line breaks were skipped in between (`1 +⏎)` points after the `+`).
    private var defaultErrorSpan: Span {
        guard position > 0, !atEnd else { return current.span }
        let previous = tokens[position - 1]
        let sameLine = file.lineIndex(of: previous.span.end) == file.lineIndex(of: current.span.start)
        if previous.kind == .newline || !sameLine {
            var look = position - 1
            while look > 0, tokens[look].kind == .newline { look -= 1 }
            return .at(tokens[look].kind == .newline ? current.span.start : tokens[look].span.end)
        }
        return current.span
    }

    /// Skips to the next statement boundary after an error: a newline or `;` outside brackets,
    /// a declaration keyword, the `}` closing the current block, or the end of input.
    mutating func synchronize(inBlock: Bool) {
        var nesting = 0
        while !atEnd {
            switch current.kind {
            case .newline, .semicolon:
                if nesting == 0 { return }
            case .keyword(let keyword) where keyword.startsDeclaration && keyword != .fn:
                if nesting == 0 { return }
            case .leftParen, .leftBracket, .leftBrace:
                nesting += 1
            case .rightParen, .rightBracket:
                nesting = max(0, nesting - 1)
            case .rightBrace:
                if nesting == 0 && inBlock { return }
                nesting = max(0, nesting - 1)
            default:
                break
            }
            advance()
        }
    }

    /// Fails if the input is nested too deeply. Callers do `depth += 1; defer { depth -= 1 }` first.
    mutating func checkDepth() throws(ParseAbort) {
        if depth > Parser.maximumDepth { throw fail(ParserDiagnostics.nestedTooDeeply) }
    }

    /// Counts one more operator or postfix in a chain (`a + b + …`, `v[0][1]…`), failing past
    /// ``maximumChainLength``: each link nests the tree one level deeper for whoever walks it.
    mutating func extendChain(_ links: inout Int) throws(ParseAbort) {
        links += 1
        if links > Parser.maximumChainLength { throw fail(ParserDiagnostics.chainTooLong) }
    }

    /// Expects `closer` to end a bracketed construct opened by `opener`.
    mutating func expectClosing(_ closer: TokenKind, opener: Token) throws(ParseAbort) -> Token {
        if let token = eat(closer) { return token }
        let closerText = switch closer {
        case .rightParen: ")"
        case .rightBracket: "]"
        default: "}"
        }
        throw fail(ParserDiagnostics.expectedClosing(
            closerText, opener: opener.text, at: file.location(of: opener.span.start)))
    }
}
