import Testing
import NeuriteLanguage

struct CompletenessTests {
    @Test(arguments: [
        // Complete: valid input.
        ("", true), ("   ", true), ("# just a comment", true), ("1 + 2", true), ("f(1, 2)", true),
        ("let x = 3", true), ("fn f(x) = x", true), ("if a then b else c", true),
        ("model m { dense 1 }", true), ("plot f over -1..1", true), ("\"done\"", true),
        ("{ 1 }\n", true), ("x\n", true),
        // Complete: real errors must be reported, not waited on.
        ("1 + )", true), ("let = 3", true), ("x y", true), ("1 @", true), ("f(1 2", true),
        ("a < b < c", true), ("let plot = 1", true), ("]", true), ("fn f(x) x", true),
        ("if a then b\nc", true), ("\"abc\" 1 @", true),
        // Incomplete: open brackets, trailing operators or commas, missing pieces.
        ("f(", false), ("f(1,", false), ("[1, 2", false), ("{", false), ("fn g(x) {\n  let y = x", false),
        ("model m {\n dense 1", false), ("model m { repeat 2 {", false),
        ("1 +", false), ("a and", false), ("not", false), ("x ==", false), ("1..", false),
        ("1..2 step", false), ("2 ^", false), ("-", false), ("1 +  # comment", false), ("1 +\n\n", false),
        ("plot f,", false), ("plot f over", false), ("train m with lr:", false),
        ("let x =", false), ("let x", false), ("data d =", false), ("fn f(x) =", false), ("fn f(", false),
        ("fn f(x)", false), ("fn", false), ("model m", false), ("model m(a", false),
        ("if a then", false), ("if a then b", false), ("if a then b else", false), ("if a", false),
        ("if a then b\n", false), ("\"abc", false), ("let s = \"abc\n", false),
        ("[x for x", false), ("[x for x in v if", false), ("run.", false), ("fn(x) =", false),
    ])
    func table(input: String, complete: Bool) {
        #expect(inputIsComplete(input) == complete)
    }

    @Test func incompleteResultsStillListTheirErrors() {
        let result = Parser.parse(SourceFile(name: "<repl>", text: "f(1,"))
        #expect(result.isIncomplete)
        #expect(result.diagnostics.map(\.message) == ["expected ')' to close '(' at 1:2"])
    }
}
