import Testing
@testable import NeuriteLanguage

/// The tokens of `source` as short strings, without the final end-of-input token.
func lexed(_ source: String) -> [String] {
    let (tokens, _) = Lexer.tokenize(SourceFile(name: "t", text: source))
    return tokens.dropLast().map { token in
        switch token.kind {
        case .number(let value): "num(\(value))"
        case .string(let value): "str(\(value))"
        case .identifier(let name): "id(\(name))"
        case .keyword(let keyword): "kw(\(keyword.rawValue))"
        case .command(let word): "cmd(\(word.rawValue))"
        case .newline: "NL"
        case .invalid: "invalid(\(token.text))"
        default: token.text
        }
    }
}

struct LexerTests {
    @Test(arguments: [
        ("3", ["num(3.0)"]),
        ("0.5 1e-7 2.5E+3 10e2", ["num(0.5)", "num(1e-07)", "num(2500.0)", "num(1000.0)"]),
        ("1..5", ["num(1.0)", "..", "num(5.0)"]),
        ("1.5..2.5", ["num(1.5)", "..", "num(2.5)"]),
        ("-5..5 step 0.1", ["-", "num(5.0)", "..", "num(5.0)", "kw(step)", "num(0.1)"]),
        ("x.y", ["id(x)", ".", "id(y)"]),
        ("3.foo", ["num(3.0)", ".", "id(foo)"]),
        ("a...b", ["id(a)", "..", ".", "id(b)"]),
        ("f' f'' relu'(2)", ["id(f)", "'", "id(f)", "'", "'", "id(relu)", "'", "(", "num(2.0)", ")"]),
        ("(f)'", ["(", "id(f)", ")", "'"]),
        ("v[0]'", ["id(v)", "[", "num(0.0)", "]", "'"]),
        ("== != < <= > >= = + - * / % ^", ["==", "!=", "<", "<=", ">", ">=", "=", "+", "-", "*", "/", "%", "^"]),
        ("( ) [ ] { } , : ;", ["(", ")", "[", "]", "{", "}", ",", ":", ";"]),
        ("let fn data model if then else for in step", [
            "kw(let)", "kw(fn)", "kw(data)", "kw(model)", "kw(if)", "kw(then)", "kw(else)", "kw(for)",
            "kw(in)", "kw(step)",
        ]),
        ("true false and or not on over with repeat", [
            "kw(true)", "kw(false)", "kw(and)", "kw(or)", "kw(not)", "kw(on)", "kw(over)", "kw(with)",
            "kw(repeat)",
        ]),
        ("plot train gradients plotter", ["cmd(plot)", "cmd(train)", "cmd(gradients)", "id(plotter)"]),
        ("_x x_1 déjà λ", ["id(_x)", "id(x_1)", "id(déjà)", "id(λ)"]),
        ("\"a\\n\\t\\\"\\\\b\"", ["str(a\n\t\"\\b)"]),
        ("\"two\nlines\"", ["str(two\nlines)"]),
        ("a # comment\nb", ["id(a)", "NL", "id(b)"]),
        ("a\r\nb", ["id(a)", "NL", "id(b)"]),
        ("f(1,\n2)", ["id(f)", "(", "num(1.0)", ",", "num(2.0)", ")"]),
        ("[1\n2]", ["[", "num(1.0)", "num(2.0)", "]"]),
        ("{a\nb}", ["{", "id(a)", "NL", "id(b)", "}"]),
        ("({a\nb})", ["(", "{", "id(a)", "NL", "id(b)", "}", ")"]),
        ("(a\nlet b", ["(", "id(a)", "NL", "kw(let)", "id(b)"]),
        ("(a\nfn(x)", ["(", "id(a)", "kw(fn)", "(", "id(x)", ")"]),
        ("(a\nfn g", ["(", "id(a)", "NL", "kw(fn)", "id(g)"]),
        ("2x", ["invalid(2x)"]),
        ("٤", ["invalid(٤)"]),
        ("x٤", ["id(x)", "invalid(٤)"]),
        ("a @ b", ["id(a)", "invalid(@)", "id(b)"]),
        ("'s'", ["invalid(')", "id(s)", "'"]),
        ("a ' b", ["id(a)", "invalid(')", "id(b)"]),
    ])
    func tokens(source: String, expected: [String]) {
        #expect(lexed(source) == expected)
    }

    @Test func spansAreByteOffsets() {
        let (tokens, _) = Lexer.tokenize(SourceFile(name: "t", text: "λ + 10"))
        #expect(tokens.map(\.span) == [
            Span(start: 0, end: 2), Span(start: 3, end: 4), Span(start: 5, end: 7), Span.at(7),
        ])
        #expect(tokens.map(\.text) == ["λ", "+", "10", ""])
    }

    @Test func endOfInputSitsAfterTheLastToken() {
        let (tokens, _) = Lexer.tokenize(SourceFile(name: "t", text: "1 +  # note\n\n"))
        #expect(tokens.last == Token(.endOfInput, span: .at(3), text: ""))
    }

    @Test func unterminatedStringIsReportedAtItsStart() {
        let (tokens, diagnostics) = Lexer.tokenize(SourceFile(name: "t", text: "x = \"abc"))
        #expect(diagnostics == [Diagnostic(.error, "unterminated string", at: Span(start: 4, end: 5))])
        #expect(tokens.map(\.kind).contains(.string("abc")))
    }

    @Test func keywordsIncludeCommandWords() {
        #expect(Lexer.keywords.contains("let"))
        #expect(Lexer.keywords.contains("repeat"))
        #expect(Lexer.keywords.contains("plot"))
        #expect(Lexer.keywords.contains("gradients"))
        #expect(!Lexer.keywords.contains("relu"))
        #expect(Lexer.keywords.count == Keyword.allCases.count + CommandWord.allCases.count)
    }
}
