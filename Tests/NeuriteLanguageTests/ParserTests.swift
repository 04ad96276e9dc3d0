import Testing
@testable import NeuriteLanguage

/// Parses `source`, expecting no diagnostics, and renders it as S-expressions.
func parsed(_ source: String) -> String {
    let result = Parser.parse(SourceFile(name: "test.nn", text: source))
    let errors = result.diagnostics.map(\.message)
    return errors.isEmpty ? SExpression.render(result.program) : "ERRORS: " + errors.joined(separator: " | ")
}

struct ParserTests {
    @Test(arguments: [
        // Arithmetic precedence and associativity.
        ("1 + 2 * 3", "(+ 1 (* 2 3))"),
        ("1 - 2 - 3", "(- (- 1 2) 3)"),
        ("8 / 4 / 2", "(/ (/ 8 4) 2)"),
        ("7 % 3 * 2", "(* (% 7 3) 2)"),
        ("2 ^ 3 ^ 2", "(^ 2 (^ 3 2))"),
        ("-2^2", "(neg (^ 2 2))"),
        ("2^-1", "(^ 2 (neg 1))"),
        ("- -x", "(neg (neg x))"),
        ("+x * -y", "(* (pos x) (neg y))"),
        ("(1 + 2) * 3", "(* (+ 1 2) 3)"),
        // Comparison, logic, not.
        ("a < b and c >= d or e", "(or (and (< a b) (>= c d)) e)"),
        ("not a == b", "(not (== a b))"),
        ("not not a and b", "(and (not (not a)) b)"),
        ("a != b", "(!= a b)"),
        ("a <= b + 1", "(<= a (+ b 1))"),
        ("x % 2 == 0", "(== (% x 2) 0)"),
        // Ranges.
        ("1..5", "(.. 1 5)"),
        ("-5..5 step 0.1", "(.. (neg 5) 5 0.1)"),
        ("0..n-1", "(.. 0 (- n 1))"),
        ("a..b == c", "(== (.. a b) c)"),
        // Postfix.
        ("f'", "(' f)"),
        ("f''", "('' f)"),
        ("relu'(2)", "(call (' relu) 2)"),
        ("f(x)'", "(' (call f x))"),
        ("grad(f)", "(call grad f)"),
        ("v[0]", "(index v 0)"),
        ("m[1][2]", "(index (index m 1) 2)"),
        ("run.loss", "(. run loss)"),
        ("runs[0].loss[3]", "(index (. (index runs 0) loss) 3)"),
        ("f(2, a: 3)", "(call f 2 a:3)"),
        ("regression(fn: sin, over: -3..3)", "(call regression fn:sin over:(.. (neg 3) 3))"),
        ("f()", "(call f)"),
        ("f(1, 2,)", "(call f 1 2)"),
        ("-f(x)^2", "(neg (^ (call f x) 2))"),
        // Literals and collections.
        ("3", "3"), ("0.5", "0.5"), ("1e-7", "1e-07"), ("\"hi\"", "\"hi\""),
        ("true", "true"), ("false", "false"),
        ("[1, 2, 3]", "[1 2 3]"),
        ("[]", "[]"),
        ("[[1, 2], [3, 4]]", "[[1 2] [3 4]]"),
        ("[1,\n 2,\n]", "[1 2]"),
        ("[relu(x) for x in -5..10]", "(for (call relu x) x (.. (neg 5) 10))"),
        ("[x for x in 1..10 if x % 2 == 0]", "(for x x (.. 1 10) if (== (% x 2) 0))"),
        ("linspace(a, b, n)", "(call linspace a b n)"),
        // Conditional and lambda.
        ("if x > 0 then x else 0", "(if (> x 0) x 0)"),
        ("if a then b else if c then d else e", "(if a b (if c d e))"),
        ("if a then b else c + 1", "(if a b (+ c 1))"),
        ("1 + if a then b else c", "(+ 1 (if a b c))"),
        ("if a\nthen b\nelse c", "(if a b c)"),
        ("fn(x) = x * x", "(lambda (x) (* x x))"),
        ("map(fn(x) = x + 1, v)", "(call map (lambda (x) (+ x 1)) v)"),
        ("apply(fn(x) { x }, 1)", "(call apply (lambda (x) {x}) 1)"),
        // Blocks.
        ("{ 1; 2 }", "{1; 2}"),
        ("{\n let y = 1\n y * 2\n}", "{(let y 1); (* y 2)}"),
        // Newlines after operators, commas and '=' continue the statement.
        ("1 +\n 2", "(+ 1 2)"),
        ("a and\n b", "(and a b)"),
        ("let x =\n 3", "(let x 3)"),
        ("1\n2", "1; 2"),
        ("1; 2;; 3", "1; 2; 3"),
        ("f(1,\n 2)", "(call f 1 2)"),
        ("# comment\nx # trailing\n", "x"),
    ])
    func expressions(source: String, expected: String) {
        #expect(parsed(source) == expected)
    }

    @Test(arguments: [
        ("let x = 3", "(let x 3)"),
        ("data ring = circle(noise: 0.1, seed: 1)", "(data ring (call circle noise:0.1 seed:1))"),
        ("fn swish(x) = x * sigmoid(x)", "(fn swish (x) (* x (call sigmoid x)))"),
        ("fn f(x, a = 1, b = 2) = x", "(fn f (x a=1 b=2) x)"),
        ("fn g(x) {\n  let y = x + 1\n  y * 2\n}", "(fn g (x) {(let y (+ x 1)); (* y 2)})"),
        ("fn zero() = 0", "(fn zero () 0)"),
        ("fn f(x) =\n x", "(fn f (x) x)"),
        ("model deep(act) { input 2; repeat 6 { dense 8, act }; dense 1, sigmoid }",
         "(model deep (act) (input 2) (repeat 6 (dense 8 act)) (dense 1 sigmoid))"),
        ("model m {\n  input 2\n  dense 4, relu, init: he_normal\n  flatten\n}",
         "(model m () (input 2) (dense 4 relu init:he_normal) (flatten))"),
        ("model m(n = 3) { repeat n { repeat 2 { dense n } } }",
         "(model m (n=3) (repeat n (repeat 2 (dense n))))"),
        ("model m {}", "(model m () )"),
        // Commands.
        ("plot relu, relu', swish over -5..5", "(plot relu (' relu) swish (over (.. (neg 5) 5)))"),
        ("let runs = train deep(sigmoid), deep(relu) on ring with epochs: 100, lr: 0.03",
         "(let runs (train (call deep sigmoid) (call deep relu) (on ring) (with epochs:100 lr:0.03)))"),
        ("gradients runs", "(gradients runs)"),
        ("summary", "(summary)"),
        ("show x; show y", "(show x); (show y)"),
        ("plot f over\n -1..1", "(plot f (over (.. (neg 1) 1)))"),
        ("plot f,\n g", "(plot f g)"),
        ("(plot f) ", "(plot f)"),
        ("let s = (summary m)", "(let s (summary m))"),
        ("fn p(f) = plot f over 0..1", "(fn p (f) (plot f (over (.. 0 1))))"),
        ("if a then plot x else show y", "(if a (plot x) (show y))"),
        ("{ plot x }", "{(plot x)}"),
        ("plot f, title: \"loss\"", "(plot f title:\"loss\")"),
        ("train m on d with fn: sin", "(train m (on d) (with fn:sin))"),
        // The call form of a command is an operand.
        ("predict(m, x)", "(predict m x)"),
        ("mean((predict(m, x) - y)^2)", "(call mean (^ (- (predict m x) y) 2))"),
        ("let r = summary(m).loss", "(let r (. (summary m) loss))"),
        ("plot(f) over -1..1", "(plot f (over (.. (neg 1) 1)))"),
        ("plot (f), g", "(plot f g)"),
        ("1 + evaluate(m, d)", "(+ 1 (evaluate m d))"),
        ("plot predict(m, xs), ys", "(plot (predict m xs) ys)"),
        ("show [summary(m)]", "(show [(summary m)])"),
    ])
    func statements(source: String, expected: String) {
        #expect(parsed(source) == expected)
    }

    @Test func spansCoverWholeNodes() throws {
        let file = SourceFile(name: "t", text: "let y = f(x) + 1\nfn g(a) = a")
        let result = Parser.parse(file)
        #expect(result.diagnostics.isEmpty)
        let first = try #require(result.program.statements.first)
        #expect(file.text(of: first.span) == "let y = f(x) + 1")
        guard case .binding(_, let name, let value) = first.kind else {
            Issue.record("not a binding")
            return
        }
        #expect(file.text(of: name.span) == "y")
        #expect(file.text(of: value.span) == "f(x) + 1")
        guard case .binary(_, let call, _) = value.kind else {
            Issue.record("not binary")
            return
        }
        #expect(file.text(of: call.span) == "f(x)")
        let second = result.program.statements[1]
        #expect(file.text(of: second.span) == "fn g(a) = a")
    }

    @Test func parenthesesWidenTheSpan() throws {
        let file = SourceFile(name: "t", text: "(1 + 2)")
        let statement = try #require(Parser.parse(file).program.statements.first)
        #expect(file.text(of: statement.span) == "(1 + 2)")
    }

    @Test func commandSpanCoversClauses() throws {
        let file = SourceFile(name: "t", text: "plot f over 0..1 # done")
        let statement = try #require(Parser.parse(file).program.statements.first)
        guard case .expression(let expression) = statement.kind else {
            Issue.record("not an expression")
            return
        }
        #expect(file.text(of: expression.span) == "plot f over 0..1")
    }
}
