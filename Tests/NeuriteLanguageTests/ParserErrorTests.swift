import Testing
@testable import NeuriteLanguage

/// Source with the expected error position marked by `ⓘ` (the marker is removed before parsing).
struct MarkedSource {
    let text: String
    let offset: Int

    init(_ marked: String) {
        if let marker = marked.firstIndex(of: "ⓘ") {
            let before = marked[..<marker]
            text = String(before) + marked[marked.index(after: marker)...]
            offset = before.utf8.count
        } else {
            text = marked
            offset = -1
        }
    }
}

struct ParserErrorTests {
    @Test(arguments: [
        ("1 + ⓘ)", "expected expression after '+'"),
        ("1 +ⓘ", "expected expression after '+'"),
        ("f(1, 2ⓘ", "expected ')' to close '(' at 1:2"),
        ("let v = [1, 2ⓘ", "expected ']' to close '[' at 1:9"),
        ("let x = (1 +\n 2ⓘ", "expected ')' to close '(' at 1:9"),
        ("a < b ⓘ< c", "comparison operators cannot be chained; use 'and'"),
        ("a == b ⓘ!= c", "comparison operators cannot be chained; use 'and'"),
        ("1..2ⓘ..3", "ranges cannot be chained"),
        ("ⓘ\"abc", "unterminated string"),
        ("let s = ⓘ\"abc\n def", "unterminated string"),
        ("1 ⓘ@ 2", "unexpected character '@'"),
        ("x ⓘ٤", "unexpected character '٤'"),
        ("ⓘ!x", "unexpected character '!'; write 'not' for negation and '!=' for inequality"),
        ("ⓘ'a'", "unexpected character '''; strings use double quotes, and a derivative is written f'"),
        ("\"a ⓘ\\q b\"", "unknown escape sequence '\\q' in string; use \\n, \\t, \\\" or \\\\"),
        ("ⓘ2x", "invalid number '2x'"),
        ("ⓘ1e999", "number '1e999' is too large"),
        ("ⓘ.5", "a number needs a digit before the decimal point; write '0.5'"),
        ("let ⓘplot = 3", "'plot' is a command and cannot be used as a name"),
        ("let ⓘthen = 3", "'then' is a keyword and cannot be used as a name"),
        ("fn ⓘtrain(x) = x", "'train' is a command and cannot be used as a name"),
        ("let ⓘ3 = 3", "expected a name after 'let'"),
        ("let x ⓘ3", "expected '=' after 'let x'"),
        ("data d ⓘ: 3", "expected '=' after 'data d'"),
        ("x ⓘ= 3", "to define 'x' write 'let x = …'; to compare use '=='"),
        ("ⓘx y", "'x' is not a command or keyword"),
        ("1 ⓘ2", "expected newline or ';' before number '2'"),
        ("x ⓘstep 2", "'step' must follow a range, as in '0..1 step 0.1'"),
        ("1 + 2ⓘ)", "unexpected ')' with nothing to close"),
        ("ⓘ)", "expected expression, found ')'"),
        ("[1 ⓘ2]", "expected ']' to close '[' at 1:1"),
        ("v[1ⓘ, 2]", "expected ']' after the index; an index is a single value"),
        ("if x ⓘ= 1 then 2 else 3", "'=' defines a name; use '==' to compare"),
        ("if x ⓘ1", "expected 'then' after the condition of 'if'"),
        ("if x then 1ⓘ\n2", "expected 'else' after 'if … then …'; an 'if' expression needs both branches"),
        ("fn f(x) ⓘx", "expected '=' or '{' after the parameters of 'f'"),
        ("fn f ⓘ= 3", "expected '(' and parameters after 'fn f'"),
        ("fn f(x, ⓘ1) = x", "expected a parameter name"),
        ("fn f(x, bⓘ: 2) = x", "default values are written 'b = …', not 'b: …'"),
        ("fn f(x, ⓘx) = x", "parameter 'x' is listed twice"),
        ("let g = fn(a, b = 1, ⓘa) = a", "parameter 'a' is listed twice"),
        ("model m ⓘdense 1", "expected '{' to start the body of model 'm'"),
        ("model m { ⓘ3 }", "expected a layer (such as 'dense 8, relu') or 'repeat'"),
        ("model m { repeat 2 ⓘdense 1 }", "expected '{' after the count of 'repeat'"),
        ("model m { dense 1 ⓘ) }", "expected newline, ';' or '}' after the layer"),
        ("model m { dense 1 ⓘsigmoid }", "expected ',' between the arguments of 'dense'"),
        ("plot f ⓘg over 0..1", "expected ',' between the arguments of 'plot'"),
        ("train m on d ⓘ\"e\"", "expected ',' between the arguments of 'on'"),
        ("1 + ⓘplot x", "command 'plot' cannot be used inside an expression; write 'plot(…)' or '(plot …)'"),
        ("f(ⓘtrain m)", "command 'train' cannot be used inside an expression; write 'train(…)' or '(train …)'"),
        ("plot f overⓘ ", "expected argument after 'over'"),
        ("train m on ⓘ; x", "expected argument after 'on'"),
        ("run.ⓘ3", "expected a name after '.'"),
        ("[x for ⓘ1 in v]", "expected a name after 'for'"),
        ("[x for y ⓘof v]", "expected 'in' after 'for y'"),
        ("fn(x)ⓘ ", "expected '=' or '{' after the parameters of 'fn'"),
        ("{ 1 + 2ⓘ ", "expected '}' to close '{' at 1:1"),
        ("let x = 1 +ⓘ\n)", "expected expression after '+'"),
    ])
    func singleError(marked: String, message: String) throws {
        let source = MarkedSource(marked)
        let result = Parser.parse(SourceFile(name: "t.nn", text: source.text))
        let messages = result.diagnostics.map(\.message)
        try #require(result.diagnostics.count == 1, "got \(messages)")
        #expect(result.diagnostics[0].message == message)
        #expect(result.diagnostics[0].span.start == source.offset, "message: \(message)")
    }

    @Test(arguments: [
        ("ⓘlte x = 3", "'lte' is not a command or keyword", "did you mean 'let'?"),
        ("ⓘplto f over 0..1", "'plto' is not a command or keyword", "did you mean 'plot'?"),
        ("{ ⓘtrian m }", "'trian' is not a command or keyword", "did you mean 'train'?"),
        ("if a ⓘthne b else c", "expected 'then' after the condition of 'if'", "did you mean 'then'?"),
        ("if a then b ⓘesle c", "expected 'else' after 'if … then …'; an 'if' expression needs both branches",
         "did you mean 'else'?"),
        ("[x for x ⓘni v]", "expected 'in' after 'for x'", "did you mean 'in'?"),
        ("[x * 2 ⓘfro x in v]", "expected ']' to close '[' at 1:1", "did you mean 'for'?"),
    ])
    func misspeltKeywordsGetAHint(marked: String, message: String, hint: String) throws {
        let source = MarkedSource(marked)
        let result = Parser.parse(SourceFile(name: "t.nn", text: source.text))
        try #require(result.diagnostics.count == 1, "got \(result.diagnostics.map(\.message))")
        #expect(result.diagnostics[0].message == message)
        #expect(result.diagnostics[0].hint == hint)
        #expect(result.diagnostics[0].span.start == source.offset)
    }

    /// `predict m [1, 2]` (a space before the bracket) reads as an index; the hint says to add a comma.
    @Test(arguments: [("predict m [1ⓘ, 2]", true), ("predict m, v[1ⓘ, 2]", false)])
    func vectorAfterASpaceGetsAHint(marked: String, hinted: Bool) throws {
        let source = MarkedSource(marked)
        let result = Parser.parse(SourceFile(name: "t.nn", text: source.text))
        try #require(result.diagnostics.count == 1, "got \(result.diagnostics.map(\.message))")
        #expect(result.diagnostics[0].message == "expected ']' after the index; an index is a single value")
        #expect(result.diagnostics[0].span.start == source.offset)
        #expect((result.diagnostics[0].hint?.contains("predict m, [1, 2]") ?? false) == hinted)
    }

    /// A colon between numbers (`-5:5`) was meant as a range; a literal after a lone name as an argument.
    @Test(arguments: [
        ("plot relu over -5ⓘ:5", "expected newline or ';' before ':'", "a range is written with '..', e.g. -5..5"),
        ("print ⓘ\"a\" + 1", "expected newline or ';' before a string",
         "to call a function, put its arguments in parentheses: print(…)"),
        ("sigmoid ⓘ3", "expected newline or ';' before number '3'",
         "to call a function, put its arguments in parentheses: sigmoid(…)"),
        ("ⓘfor x in 1..3 { print(x) }", "expected expression, found 'for'",
         "there are no loops; write a comprehension: [f(x) for x in v]"),
        ("train m on d with epochs: 2, lr ⓘ0.1", "expected ',' between the arguments of 'with'",
         "an option is written with a colon: lr: …"),
    ])
    func likelySlipsGetAHint(marked: String, message: String, hint: String) throws {
        let source = MarkedSource(marked)
        let result = Parser.parse(SourceFile(name: "t.nn", text: source.text))
        try #require(result.diagnostics.count == 1, "got \(result.diagnostics.map(\.message))")
        #expect(result.diagnostics[0].message == message)
        #expect(result.diagnostics[0].hint == hint)
        #expect(result.diagnostics[0].span.start == source.offset)
    }

    @Test func unrelatedNamesGetNoHint() {
        let result = Parser.parse(SourceFile(name: "t.nn", text: "banana x\nif a then b otherwise c"))
        #expect(result.diagnostics.map(\.message) == [
            "'banana' is not a command or keyword",
            "expected 'else' after 'if … then …'; an 'if' expression needs both branches",
        ])
        #expect(result.diagnostics.allSatisfy { !($0.hint ?? "").contains("did you mean") })
    }

    @Test func reportsEveryBrokenStatementInOnePass() {
        let source = """
            let a = 1 +
            let b = (2
            let c = 3
            fn f(x) x
            plot
            d ] 4
            let ok = [1, 2]
            """
        let result = Parser.parse(SourceFile(name: "t.nn", text: source))
        #expect(result.diagnostics.map(\.message) == [
            "expected expression after '+'",
            "expected ')' to close '(' at 2:9",
            "expected '=' or '{' after the parameters of 'f'",
            "unexpected ']' with nothing to close",
        ])
        // The good statements survive: `let c`, `plot`, `let ok`.
        #expect(SExpression.render(result.program) == "(let c 3); (plot); (let ok [1 2])")
        #expect(!result.isIncomplete)
    }

    @Test func recoversInsideBlocksAndModelBodies() {
        let source = """
            fn g(x) {
              let y = * 2
              y + 1
            }
            model m {
              dense 1 )
              dense 2
            }
            """
        let result = Parser.parse(SourceFile(name: "t.nn", text: source))
        #expect(result.diagnostics.map(\.message) == [
            "expected expression after '='",
            "expected newline, ';' or '}' after the layer",
        ])
        #expect(SExpression.render(result.program) == "(fn g (x) {(+ y 1)}); (model m () (dense 2))")
    }

    @Test func lexicalErrorsAreNotRepeatedByTheParser() {
        let result = Parser.parse(SourceFile(name: "t.nn", text: "let x = 1 @ 2\nlet y = $"))
        #expect(result.diagnostics.map(\.message) == [
            "unexpected character '@'", "unexpected character '$'",
        ])
    }

    @Test func chainedComparisonStillParses() {
        let result = Parser.parse(SourceFile(name: "t.nn", text: "a < b < c"))
        #expect(result.diagnostics.count == 1)
        #expect(SExpression.render(result.program) == "(< (< a b) c)")
    }

    @Test func deepNestingIsReportedNotCrashed() {
        for opener in ["(", "[", "-", "not ", "{", "if a then ", "fn() = ", "2^"] {
            let text = String(repeating: opener, count: 5000) + "1"
            let result = Parser.parse(SourceFile(name: "t.nn", text: text))
            #expect(result.diagnostics.map(\.message).contains("expression is nested too deeply"), "\(opener)")
        }
        for link in ["+1", " or y", "*2", "[0]", ".a", "(1)"] {
            let text = "x" + String(repeating: link, count: 20_000)
            let result = Parser.parse(SourceFile(name: "t.nn", text: text))
            #expect(result.diagnostics.map(\.message) == ["expression is too long; split it with 'let'"], "\(link)")
        }
        let fine = "x" + String(repeating: "+1", count: 5_000)
        #expect(Parser.parse(SourceFile(name: "t.nn", text: fine)).diagnostics.isEmpty)
        let model = "model m { " + String(repeating: "repeat 2 { ", count: 5000)
        let result = Parser.parse(SourceFile(name: "t.nn", text: model))
        #expect(result.diagnostics.map(\.message).contains("expression is nested too deeply"))
    }
}
