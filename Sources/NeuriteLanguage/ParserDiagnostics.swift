/// Every message the lexer and parser can report, in one place.
///
/// Messages are lowercase with no final period and say what was expected
/// ("expected ')' to close '(' at 2:5"). Names and symbols are quoted with `'…'`.
enum ParserDiagnostics {
    // MARK: Lexical

    static func unexpectedCharacter(_ scalar: Unicode.Scalar) -> String {
        let visible = scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
            || scalar.properties.generalCategory == .format
        let shown = visible ? "U+" + String(scalar.value, radix: 16, uppercase: true) : "'\(scalar)'"
        return "unexpected character \(shown)"
    }

    static let bangIsNotNot = "unexpected character '!'; write 'not' for negation and '!=' for inequality"
    static let strayPrime =
        "unexpected character '''; strings use double quotes, and a derivative is written f'"
    static let unterminatedString = "unterminated string"

    static func unknownEscape(_ escape: String) -> String {
        "unknown escape sequence '\(escape)' in string; use \\n, \\t, \\\" or \\\\"
    }

    static func invalidNumber(_ text: String) -> String {
        "invalid number '\(text)'"
    }

    static func numberTooLarge(_ text: String) -> String {
        "number '\(text)' is too large"
    }

    static func leadingDotNumber(_ text: String) -> String {
        "a number needs a digit before the decimal point; write '0\(text)'"
    }

    // MARK: Expressions

    static func expectedExpression(after previous: String) -> String {
        "expected expression after '\(previous)'"
    }

    static func expectedExpression(found: String) -> String {
        "expected expression, found \(found)"
    }

    static func expectedClosing(_ closer: String, opener: String, at location: SourceLocation) -> String {
        "expected '\(closer)' to close '\(opener)' at \(location.line):\(location.column)"
    }

    static func unmatchedClosing(_ closer: String) -> String {
        "unexpected '\(closer)' with nothing to close"
    }

    static let chainedComparison = "comparison operators cannot be chained; use 'and'"
    static let chainedRange = "ranges cannot be chained"
    static let stepWithoutRange = "'step' must follow a range, as in '0..1 step 0.1'"
    static let expectedMemberName = "expected a name after '.'"
    static let nestedTooDeeply = "expression is nested too deeply"
    static let chainTooLong = "expression is too long; split it with 'let'"
    static let indexTakesOneValue = "expected ']' after the index; an index is a single value"
    static let vectorAfterSpace = "to pass a vector as the next argument, put a comma before it: predict m, [1, 2]"

    static let expectedThen = "expected 'then' after the condition of 'if'"
    static let expectedElse = "expected 'else' after 'if … then …'; an 'if' expression needs both branches"
    static let equalsInCondition = "'=' defines a name; use '==' to compare"

    static func expectedIn(variable: String) -> String { "expected 'in' after 'for \(variable)'" }

    static func commandInsideExpression(_ word: String) -> String {
        "command '\(word)' cannot be used inside an expression; write '\(word)(…)' or '(\(word) …)'"
    }

    static func optionNeedsColon(_ name: String) -> String {
        "an option is written with a colon: \(name): …"
    }

    static func expectedArgumentComma(_ word: String) -> String {
        "expected ',' between the arguments of '\(word)'"
    }

    static func expectedClauseArgument(_ keyword: String) -> String {
        "expected argument after '\(keyword)'"
    }

    // MARK: Statements

    static func expectedStatementEnd(found: String) -> String {
        "expected newline or ';' before \(found)"
    }

    static let loopIsAComprehension = "there are no loops; write a comprehension: [f(x) for x in v]"

    static let rangeIsWrittenWithDots = "a range is written with '..', e.g. -5..5"

    static func callNeedsParentheses(_ name: String) -> String {
        "to call a function, put its arguments in parentheses: \(name)(…)"
    }

    static func assignmentNeedsLet(_ name: String) -> String {
        "to define '\(name)' write 'let \(name) = …'; to compare use '=='"
    }

    static func expectedName(after keyword: String) -> String {
        "expected a name after '\(keyword)'"
    }

    static func commandAsName(_ word: String) -> String {
        "'\(word)' is a command and cannot be used as a name"
    }

    static func keywordAsName(_ word: String) -> String {
        "'\(word)' is a keyword and cannot be used as a name"
    }

    static func expectedAssign(after words: String) -> String {
        "expected '=' after '\(words)'"
    }

    static func expectedParameters(function name: String) -> String {
        "expected '(' and parameters after 'fn \(name)'"
    }

    static let expectedLambdaParameters = "expected '(' and parameters after 'fn'"
    static let expectedParameterName = "expected a parameter name"

    static func duplicateParameter(_ name: String) -> String {
        "parameter '\(name)' is listed twice"
    }

    static func defaultWithColon(_ name: String) -> String {
        "default values are written '\(name) = …', not '\(name): …'"
    }

    static func expectedFunctionBody(_ name: String) -> String {
        "expected '=' or '{' after the parameters of '\(name)'"
    }

    static func expectedModelBody(_ name: String) -> String {
        "expected '{' to start the body of model '\(name)'"
    }

    static let expectedLayer = "expected a layer (such as 'dense 8, relu') or 'repeat'"
    static let expectedRepeatBody = "expected '{' after the count of 'repeat'"
    static let expectedLayerEnd = "expected newline, ';' or '}' after the layer"

    static func notAStatementWord(_ name: String) -> String {
        "'\(name)' is not a command or keyword"
    }

    static func didYouMean(_ word: String) -> String { "did you mean '\(word)'?" }

    /// What a statement that starts with an unknown word followed by a name most likely meant.
    static func unknownStatementWordHint(_ name: String) -> String {
        wordFromElsewhere(name)
            ?? "a statement starts with let, fn, data, model or a command (plot, train, …), or is an expression"
    }

    /// The hint for a first word people bring from other languages and tools, nil for others.
    static func wordFromElsewhere(_ name: String) -> String? {
        switch name.lowercased() {
        case "import", "from", "require", "use", "include":
            return "there is nothing to import: every built-in is always there (type :help for the list)"
        case "fit", "learn", "optimize", "optimise": return "to train a model write 'train m on d with epochs: 100'"
        case "def", "function", "func", "lambda": return "a function is declared with 'fn f(x) = …'"
        case "var", "const", "val", "set": return "a name is bound with 'let x = …'"
        case "draw", "show_plot", "graph", "chart": return "to draw write 'plot f over -5..5' (or show d, heatmap M)"
        case "while": return ParserDiagnostics.loopIsAComprehension
        default: return nil
        }
    }

    static func layerWithParentheses(_ word: String) -> String {
        "a layer line takes no parentheses: write '\(word) 8, relu', not '\(word)(8, relu)'"
    }

    static func optionWithEquals(_ name: String) -> String {
        "expected ':' after '\(name)', found '='"
    }

    static func optionIsWrittenWithColon(_ name: String) -> String {
        "options and named arguments are written with a colon: '\(name): …'"
    }

    /// How a token is named in "found …" messages.
    static func describe(_ token: Token) -> String {
        switch token.kind {
        case .endOfInput: "end of input"
        case .newline: "end of line"
        case .string: "a string"
        case .number: "number '\(token.text)'"
        case .identifier: "name '\(token.text)'"
        case .keyword, .command: "'\(token.text)'"
        default: "'\(token.text)'"
        }
    }
}
