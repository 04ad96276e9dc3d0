import Testing

@testable import NeuriteInterpreter

@Suite struct ValueFormattingTests {
    @Test(arguments: [
        ("3", "3"), ("0.5", "0.5"), ("1e-7", "1e-07"), ("1/3", "0.3333333333333333"),
        ("-0.0", "-0"), ("1e20", "1e+20"), ("2^53", "9007199254740992"), ("true", "true"),
        ("\"hi\"", "\"hi\""), ("[1, 2.5, -3]", "[1, 2.5, -3]"), ("[]", "[]"),
        ("1..12", "[1, 2, 3, 4, 5, 6, …, 10, 11, 12] (12 values)"),
        ("[[1, 2], [30, 4]]", "[[ 1, 2],\n [30, 4]]"),
        ("relu", "<builtin relu>"), ("relu'", "<derivative relu'>"), ("relu''", "<derivative relu''>"),
        ("grad(relu')", "<derivative relu''>"), ("fn(a, b) = a", "<fn(a, b)>"),
    ])
    func echo(_ source: String, _ shown: String) {
        #expect(TestSession().value(source) == shown)
    }

    @Test func userFunctionsPrintWithTheirParameters() {
        let test = TestSession()
        test.run("fn swish(x, beta = 1) = x * sigmoid(beta * x)")
        #expect(test.value("swish") == "<fn swish(x, beta)>")
    }

    @Test func numbersReadBackExactly() {
        let test = TestSession()
        for source in ["0.1", "1/3", "2/7", "1e-300", "123456.789", "pi"] {
            let shown = test.value(source)
            #expect(test.value("\(shown) == \(source)") == "true", "\(source) printed as \(shown)")
        }
    }

    @Test func printShowsStringsWithoutQuotes() {
        #expect(TestSession().run("print(\"a\", 1)").output == "a 1\n")
    }
}
