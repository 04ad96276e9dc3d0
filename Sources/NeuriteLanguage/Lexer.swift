/// Turns source text into ``Token``s.
///
/// - Numbers: ASCII digits with an optional fraction and exponent (`3`, `0.5`, `1e-7`, `2.5E+3`).
///   A leading dot (`.5`) is reported, as is a number glued to letters (`2x`). `1..5` is `1`, `..`, `5`.
/// - Names: an ASCII or Unicode letter or `_`, then letters, ASCII digits, `_` and combining marks.
/// - Strings: `"…"` with the escapes `\n \t \" \\`; they may span lines.
/// - `#` starts a comment to the end of the line.
/// - Line breaks become ``TokenKind/newline`` tokens except inside `(…)` and `[…]`. A line that
///   starts with `let`, `data`, `model` or `fn name` closes any `(`/`[` left open before it, so an
///   unclosed bracket is reported on its own line instead of swallowing the rest of the file.
/// - `'` directly after a name, `)`, `]` or another `'` is a derivative prime.
///
/// The lexer never stops early: bad characters become ``TokenKind/invalid`` tokens plus a diagnostic.
public struct Lexer {
    private let file: SourceFile
    private let scalars: [Unicode.Scalar]
    /// Byte offset of each scalar, plus one final entry for the end of the text.
    private let offsets: [Int]
    private var index = 0
    private var tokens: [Token] = []
    private var diagnostics: [Diagnostic] = []
    /// Open brackets, innermost last: newlines are dropped while the innermost is `(` or `[`.
    private var openBrackets: [TokenKind] = []
    /// True when the text ended inside a string literal (the input is incomplete, not wrong).
    private(set) var endedInsideString = false
    /// The last look-ahead for a declaration after a line break: the blank stretch and its answer.
    private var declarationLookahead: (from: Int, until: Int, result: Bool)?

    private init(file: SourceFile) {
        self.file = file
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        var offset = 0
        for scalar in file.text.unicodeScalars {
            scalars.append(scalar)
            offsets.append(offset)
            offset += scalar.utf8.count
        }
        offsets.append(offset)
        self.scalars = scalars
        self.offsets = offsets
    }

    /// The tokens of `file`, always ending with ``TokenKind/endOfInput``, and any lexical errors.
    public static func tokenize(_ file: SourceFile) -> ([Token], [Diagnostic]) {
        let result = scan(file)
        return (result.tokens, result.diagnostics)
    }

    /// Like ``tokenize(_:)``, also saying whether the text ended inside a string.
    static func scan(_ file: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic], endedInsideString: Bool) {
        var lexer = Lexer(file: file)
        lexer.run()
        return (lexer.tokens, lexer.diagnostics, lexer.endedInsideString)
    }

    // MARK: - Scanning

    private mutating func run() {
        while index < scalars.count {
            let before = index
            scanToken()
            if index == before { index += 1 }  // Defensive: every step must make progress.
        }
        let end = tokens.last(where: { $0.kind != .newline })?.span.end ?? 0
        tokens.append(Token(.endOfInput, span: .at(end), text: ""))
    }

    private mutating func scanToken() {
        let start = index
        let scalar = scalars[index]
        switch scalar {
        case " ", "\t", "\r":
            index += 1
        case "\n":
            index += 1
            if insideParensOrBrackets && nextLineStartsDeclaration() {
                // `let`, `data`, `model` or `fn name` cannot continue a bracketed expression:
                // the bracket was left open. Resume line breaks so the parser can recover.
                while let innermost = openBrackets.last, innermost != .leftBrace { openBrackets.removeLast() }
            }
            if !insideParensOrBrackets { add(.newline, from: start) }
        case "#":
            while index < scalars.count, scalars[index] != "\n" { index += 1 }
        case "0"..."9":
            scanNumber()
        case "\"":
            scanString()
        case "(": open(.leftParen, from: start)
        case "[": open(.leftBracket, from: start)
        case "{": open(.leftBrace, from: start)
        case ")": close(.rightParen, opener: .leftParen, from: start)
        case "]": close(.rightBracket, opener: .leftBracket, from: start)
        case "}": close(.rightBrace, opener: .leftBrace, from: start)
        case ",": single(.comma)
        case ":": single(.colon)
        case ";": single(.semicolon)
        case "+": single(.plus)
        case "-": single(.minus)
        case "*": single(.star)
        case "/": single(.slash)
        case "%": single(.percent)
        case "^": single(.caret)
        case "'":
            scanPrime()
        case ".":
            if peek(1) == "." {
                index += 2
                add(.dotDot, from: start)
            } else if let next = peek(1), isASCIIDigit(next), !previousCharacterEndsOperand {
                scanNumber()
                report(ParserDiagnostics.leadingDotNumber(file.text(of: span(from: start))), from: start)
            } else {
                single(.dot)
            }
        case "=": oneOrTwo(.assign, ifFollowedByEqual: .equal)
        case "<": oneOrTwo(.less, ifFollowedByEqual: .lessEqual)
        case ">": oneOrTwo(.greater, ifFollowedByEqual: .greaterEqual)
        case "!":
            if peek(1) == "=" {
                index += 2
                add(.notEqual, from: start)
            } else {
                index += 1
                add(.invalid, from: start)
                report(ParserDiagnostics.bangIsNotNot, from: start)
            }
        default:
            if isIdentifierStart(scalar) {
                scanWord()
            } else {
                index += 1
                add(.invalid, from: start)
                report(ParserDiagnostics.unexpectedCharacter(scalar), from: start)
            }
        }
    }

    private mutating func scanNumber() {
        let start = index
        while let c = peek(0), isASCIIDigit(c) { index += 1 }
        if peek(0) == ".", let next = peek(1), isASCIIDigit(next) {
            index += 1
            while let c = peek(0), isASCIIDigit(c) { index += 1 }
        }
        if let e = peek(0), e == "e" || e == "E" {
            var look = 1
            if let sign = peek(1), sign == "+" || sign == "-" { look = 2 }
            if let digit = peek(look), isASCIIDigit(digit) {
                index += look
                while let c = peek(0), isASCIIDigit(c) { index += 1 }
            }
        }
        // A number glued to letters (`2x`, `3e`) is one bad token, not a number and a name.
        if let c = peek(0), isIdentifierContinue(c) {
            while let c = peek(0), isIdentifierContinue(c) { index += 1 }
            add(.invalid, from: start)
            report(ParserDiagnostics.invalidNumber(file.text(of: span(from: start))), from: start)
            return
        }
        let text = file.text(of: span(from: start))
        let digits = text.hasPrefix(".") ? "0" + text : text
        if let value = Double(digits), value.isFinite {
            add(.number(value), from: start)
        } else {
            add(.invalid, from: start)
            report(ParserDiagnostics.numberTooLarge(text), from: start)
        }
    }

    private mutating func scanString() {
        let start = index
        index += 1
        var value = ""
        while index < scalars.count {
            let c = scalars[index]
            if c == "\"" {
                index += 1
                add(.string(value), from: start)
                return
            }
            if c == "\\" {
                let escapeStart = index
                index += 1
                guard index < scalars.count else { break }
                switch scalars[index] {
                case "n": value.unicodeScalars.append("\n")
                case "t": value.unicodeScalars.append("\t")
                case "\"": value.unicodeScalars.append("\"")
                case "\\": value.unicodeScalars.append("\\")
                default:
                    let escape = file.text(of: Span(start: offsets[escapeStart], end: offsets[index + 1]))
                    report(ParserDiagnostics.unknownEscape(escape),
                           at: Span(start: offsets[escapeStart], end: offsets[index + 1]))
                    value.unicodeScalars.append(scalars[index])
                }
                index += 1
                continue
            }
            value.unicodeScalars.append(c)
            index += 1
        }
        // Reached the end of the text: report at the opening quote.
        endedInsideString = true
        add(.string(value), from: start)
        report(ParserDiagnostics.unterminatedString, at: Span(start: offsets[start], end: offsets[start] + 1))
    }

    private mutating func scanPrime() {
        let start = index
        index += 1
        if let previous = tokens.last, previous.span.end == offsets[start] {
            switch previous.kind {
            case .identifier, .rightParen, .rightBracket, .prime:
                add(.prime, from: start)
                return
            default: break
            }
        }
        add(.invalid, from: start)
        report(ParserDiagnostics.strayPrime, from: start)
    }

    private mutating func scanWord() {
        let start = index
        index += 1
        while let c = peek(0), isIdentifierContinue(c) { index += 1 }
        let text = file.text(of: span(from: start))
        if let keyword = Keyword(rawValue: text) {
            add(.keyword(keyword), from: start)
        } else if let command = CommandWord(rawValue: text) {
            add(.command(command), from: start)
        } else {
            add(.identifier(text), from: start)
        }
    }

    // MARK: - Brackets

    private var insideParensOrBrackets: Bool {
        guard let innermost = openBrackets.last else { return false }
        return innermost == .leftParen || innermost == .leftBracket
    }

    private mutating func open(_ kind: TokenKind, from start: Int) {
        openBrackets.append(kind)
        single(kind)
    }

    private mutating func close(_ kind: TokenKind, opener: TokenKind, from start: Int) {
        // Pop through the matching opener if there is one; a stray closer leaves the stack alone
        // (the parser reports the mismatch).
        if let matching = openBrackets.lastIndex(of: opener) {
            openBrackets.removeSubrange(matching...)
        }
        single(kind)
    }

    // MARK: - Helpers

    private func peek(_ distance: Int) -> Unicode.Scalar? {
        let position = index + distance
        return position < scalars.count ? scalars[position] : nil
    }

    /// True if the next line (after blank lines and comments) starts with a declaration.
    /// The answer is cached for the whole blank stretch, so runs of line breaks stay linear.
    private mutating func nextLineStartsDeclaration() -> Bool {
        if let cached = declarationLookahead, cached.from <= index, index <= cached.until {
            return cached.result
        }
        var look = index
        while look < scalars.count {
            if scalars[look] == "#" {
                while look < scalars.count, scalars[look] != "\n" { look += 1 }
            } else if scalars[look].properties.isWhitespace {
                look += 1
            } else {
                break
            }
        }
        let result = startsDeclaration(at: look)
        declarationLookahead = (index, look, result)
        return result
    }

    /// True if the word at `position` is `let`, `data`, `model`, or `fn` followed by a name.
    private func startsDeclaration(at position: Int) -> Bool {
        var look = position
        var word = ""
        while look < scalars.count, isIdentifierContinue(scalars[look]) {
            word.unicodeScalars.append(scalars[look])
            look += 1
        }
        if word == "let" || word == "data" || word == "model" { return true }
        guard word == "fn" else { return false }
        while look < scalars.count, scalars[look] == " " || scalars[look] == "\t" { look += 1 }
        return look < scalars.count && isIdentifierStart(scalars[look])
    }

    /// True if the character before the current one ends an operand (so `.` is member access).
    private var previousCharacterEndsOperand: Bool {
        guard index > 0 else { return false }
        let previous = scalars[index - 1]
        return isIdentifierContinue(previous) || previous == ")" || previous == "]"
    }

    private func span(from start: Int) -> Span {
        Span(start: offsets[start], end: offsets[index])
    }

    private mutating func single(_ kind: TokenKind) {
        let start = index
        index += 1
        add(kind, from: start)
    }

    private mutating func oneOrTwo(_ kind: TokenKind, ifFollowedByEqual longer: TokenKind) {
        let start = index
        if peek(1) == "=" {
            index += 2
            add(longer, from: start)
        } else {
            index += 1
            add(kind, from: start)
        }
    }

    private mutating func add(_ kind: TokenKind, from start: Int) {
        let span = span(from: start)
        tokens.append(Token(kind, span: span, text: file.text(of: span)))
    }

    private mutating func report(_ message: String, from start: Int) {
        report(message, at: span(from: start))
    }

    private mutating func report(_ message: String, at span: Span) {
        diagnostics.append(Diagnostic(.error, message, at: span))
    }
}

// MARK: - Character classes

private func isASCIIDigit(_ c: Unicode.Scalar) -> Bool {
    c.value >= 0x30 && c.value <= 0x39
}

private func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
    (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A)
}

private func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
    if c.isASCII { return isASCIILetter(c) || c == "_" }
    return c.properties.isAlphabetic
}

private func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
    if c.isASCII { return isASCIILetter(c) || isASCIIDigit(c) || c == "_" }
    switch c.properties.generalCategory {
    case .nonspacingMark, .spacingMark: return true
    default: return c.properties.isAlphabetic
    }
}
