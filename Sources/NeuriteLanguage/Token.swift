/// The words the lexer reserves, other than the command words (see ``CommandWord``).
public enum Keyword: String, CaseIterable, Sendable {
    case `let`, fn, data, model
    case `if`, then, `else`, `for`, `in`, step
    case `true`, `false`
    case and, or, not
    case on, over, with, to, into
    case `repeat`

    /// True for the words that introduce a command clause (`on ring`, `over -5..5`, `with lr: 0.1`,
    /// `to "net.safetensors"`, `into m`).
    public var isClause: Bool { self == .on || self == .over || self == .with || self == .to || self == .into }

    /// True for the words that start a declaration statement.
    public var startsDeclaration: Bool {
        self == .let || self == .fn || self == .data || self == .model
    }
}

extension Lexer {
    /// Every reserved word: the ``Keyword``s and the ``CommandWord``s. None can be used as a name,
    /// though any may be an argument label (`regression(fn: sin, over: -3..3)`).
    public static let keywords: Set<String> = Set(Keyword.allCases.map(\.rawValue))
        .union(CommandWord.allCases.map(\.rawValue))
}

/// What a token is. Punctuation has one case per symbol; words are split into plain
/// identifiers, keywords and command words.
public enum TokenKind: Hashable, Sendable {
    case number(Double)
    /// A string literal with its escapes already resolved.
    case string(String)
    case identifier(String)
    case keyword(Keyword)
    case command(CommandWord)

    case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
    case comma, colon, semicolon, dot, dotDot
    /// `'` written directly after a name, `)`, `]` or another prime: a derivative.
    case prime
    case plus, minus, star, slash, percent, caret
    /// `=` (bindings and defaults).
    case assign
    case equal, notEqual, less, lessEqual, greater, greaterEqual

    /// A line break that separates statements (never produced inside `(…)` or `[…]`).
    case newline
    /// Text the lexer could not understand; it has already reported it.
    case invalid
    case endOfInput
}

/// One lexeme: its kind, where it is, and the text it was made from.
public struct Token: Hashable, Sendable {
    public var kind: TokenKind
    public var span: Span
    /// The source text of the token (empty for ``TokenKind/endOfInput``).
    public var text: String

    public init(_ kind: TokenKind, span: Span, text: String) {
        self.kind = kind
        self.span = span
        self.text = text
    }
}

extension TokenKind {
    /// The word this token spells if it is an identifier, keyword or command word:
    /// what may appear as an argument label or after `.`.
    var word: String? {
        switch self {
        case .identifier(let name): name
        case .keyword(let keyword): keyword.rawValue
        case .command(let command): command.rawValue
        default: nil
        }
    }

    /// The binary operator this token spells, if any (`..` is not one: ranges are their own node).
    var binaryOperator: BinaryOperator? {
        switch self {
        case .plus: .add
        case .minus: .subtract
        case .star: .multiply
        case .slash: .divide
        case .percent: .remainder
        case .caret: .power
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessEqual: .lessEqual
        case .greater: .greater
        case .greaterEqual: .greaterEqual
        case .keyword(.and): .and
        case .keyword(.or): .or
        default: nil
        }
    }
}

extension BinaryOperator {
    /// `==`, `!=`, `<`, `<=`, `>`, `>=`: the non-associative comparison level.
    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: true
        default: false
        }
    }
}
