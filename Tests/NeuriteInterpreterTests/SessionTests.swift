import Foundation
import Testing

@testable import NeuriteInterpreter

@Suite struct SessionTests {
    @Test func parseErrorsAreAllReportedAndNothingRuns() {
        let test = TestSession()
        let result = test.run("let a = 1\nlet b = (2 +\nlet c = )\nprint(\"ran\")")
        #expect(result.outcome == .failed)
        #expect(result.output.isEmpty)
        #expect(result.errors.components(separatedBy: ": error: ").count - 1 >= 2, "\(result.errors)")
        #expect(test.run("a").errors.contains("unknown name 'a'"))
    }

    /// Binary junk can hold thousands of errors: the first ones are shown, the rest counted.
    @Test func parseErrorsBeyondTheLimitAreCounted() {
        let limit = Session.maximumReportedDiagnostics
        let test = TestSession()
        let result = test.run(String(repeating: "@ ", count: 1000))
        #expect(result.outcome == .failed)
        #expect(result.errors.components(separatedBy: "unexpected character '@'").count - 1 == limit)
        #expect(result.errors.hasSuffix("<test>: error: \(1000 - limit) more errors not shown\n"), "\(result.errors.suffix(200))")
        let few = test.run(String(repeating: "@ ", count: limit)).errors
        #expect(few.components(separatedBy: "unexpected character '@'").count - 1 == limit)
        #expect(!few.contains("not shown"))
    }

    @Test func statementsBeforeAFailingOneKeepTheirEffect() {
        let test = TestSession()
        let result = test.run("let a = 1\nlet b = nope\nlet c = 3")
        #expect(result.outcome == .failed)
        #expect(test.value("a") == "1")
        #expect(test.run("c").outcome == .failed)
    }

    @Test func runtimeErrorsShowPlaceLineCaretAndHint() {
        let test = TestSession()
        let errors = test.run("1 + sigmoud(2)").errors
        #expect(errors == """
            <test>:1:5: error: unknown name 'sigmoud'
            1 | 1 + sigmoud(2)
              |     ^~~~~~~ did you mean 'sigmoid'?

            """)
    }

    /// An error inside a function written in an earlier entry points into that entry's text.
    @Test func errorsInFunctionsFromEarlierEntriesPointIntoTheirSource() {
        let test = TestSession()
        test.run("fn bad(x) =\n  x + nope")
        let errors = test.run("1 + bad(1)").errors
        #expect(errors == """
            <test>:2:7: error: unknown name 'nope'
            2 |   x + nope
              |       ^~~~
              = note: in 'bad', called at <test>:1:5

            """)
    }

    /// The same for a model constructor: the error is in the declaration, the note names the call.
    @Test func errorsInModelConstructorsPointIntoTheDeclaration() {
        let test = TestSession()
        test.run("model deep(n) {\n  input 2; dense n, relu\n}")
        let errors = test.run("let m = deep(0)").errors
        #expect(errors == """
            <test>:2:18: error: the number of units must be a whole number from 1 to 100000, got 0
            2 |   input 2; dense n, relu
              |                  ^
              = note: in model 'deep', made at <test>:1:9

            """)
    }

    @Test func echoModes() {
        let sink = CapturingSink()
        let session = Session(options: SessionOptions(), output: sink, interrupt: InterruptFlag())
        _ = session.run("1\n2\nlet x = 3", fileName: "a", echo: .everyExpression)
        #expect(sink.output == "1\n2\n")
        sink.clear()
        _ = session.run("1\n2\nx", fileName: "a", echo: .lastExpression)
        #expect(sink.output == "3\n")
        sink.clear()
        _ = session.run("1\nprint(2)\nx", fileName: "a", echo: .none)
        #expect(sink.output == "2\n")
    }

    @Test func recursionLimitIsAnErrorNotACrash() {
        let test = TestSession()
        let result = test.run("fn f(n) = f(n + 1)\nf(0)")
        #expect(result.errors.contains("recursion too deep (limit 1000) in 'f'"))
        #expect(test.value("fn g(n) = if n == 0 then 0 else 1 + g(n - 1)\ng(900)") == "900")
    }

    /// The deepest expression the parser allows, recursing to the call limit, fits the stack.
    @Test func deepExpressionsAtTheRecursionLimitDoNotOverflowTheStack() {
        let test = TestSession()
        let nested = String(repeating: "(1 + ", count: 47) + "f(n + 1)" + String(repeating: ")", count: 47)
        let result = test.run("fn f(n) = if n < 0 then 0 else \(nested)\nf(0)")
        #expect(result.errors.contains("recursion too deep (limit 1000) in 'f'"), "\(result.errors.prefix(300))")
        #expect(test.value("1 + 1") == "2")
    }

    @Test func runFileReadsScriptsAndReportsUnreadableOnes() throws {
        let test = TestSession()
        let path = NSTemporaryDirectory() + "neurite-session-\(UUID().uuidString).nn"
        try "fn double(x) = 2 * x\nprint(double(21))\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(test.session.runFile(path: path, echo: .none) == .success)
        #expect(test.sink.output == "42\n")
        test.sink.clear()
        #expect(test.session.runFile(path: path + ".missing", echo: .none) == .failed)
        #expect(test.sink.errors.contains("cannot read"))
    }

    /// `v.length`, `"abc".count`: plain values have no members; the hint names the size functions.
    @Test(arguments: ["[1, 2, 3].length", "[[1, 2]].shape", "\"abc\".count"])
    func memberOfAPlainValuePointsToTheSizeFunctions(source: String) {
        let test = TestSession()
        let errors = test.run(source).errors
        #expect(errors.contains("has no member"), "\(errors)")
        #expect(errors.contains("for a size use len(…) or shape(…)"), "\(errors)")
    }

    /// `quit`, `exit`, `help` typed without the colon: the hint gives the REPL command.
    @Test(arguments: [("quit", ":quit"), ("exit", ":quit"), ("help", ":help"), ("vars", ":vars")])
    func metaCommandWithoutItsColonIsHinted(typed: String, meant: String) {
        let errors = TestSession().run(typed).errors
        #expect(errors.contains("unknown name '\(typed)'"), "\(errors)")
        #expect(errors.contains("REPL commands start with a colon: \(meant)"), "\(errors)")
    }

    /// A model declared without parameters is not a constructor; the hint says how to get one.
    @Test func callingAModelIsHinted() {
        let test = TestSession()
        test.run("model m { input 2; dense 1, sigmoid }")
        let errors = test.run("m(relu)").errors
        #expect(errors.contains("cannot call a model"), "\(errors)")
        #expect(errors.contains("it is a model already; to vary it, declare 'model NAME(act) { … }' or use variant(…)"))
    }

    /// `plot d` on a dataset points to `show` (a model never reaches this hint: it has its own error).
    @Test func plottingADatasetPointsToShow() {
        let errors = TestSession().run("plot circle(n: 10)").errors
        #expect(errors.contains("cannot plot a dataset"), "\(errors)")
        #expect(errors.contains("plot draws functions, vectors and runs; show draws a dataset, heatmap a matrix"))
    }

    /// `show circle` (the generator, not called) is told to call it.
    @Test func showingADatasetGeneratorSaysToCallIt() {
        let errors = TestSession().run("show circle").errors
        #expect(errors.contains("'show' draws datasets, got function"), "\(errors)")
        #expect(errors.contains("call it to make one: show circle(…)"), "\(errors)")
    }

    @Test func completionsCoverKeywordsBuiltinsAndUserNames() {
        let test = TestSession()
        test.run("let sigma_value = 1\nfn silly(x) = x")
        let completions = test.session.completions(forPrefix: "si")
        #expect(completions == ["sigma_value", "sigmoid", "sign", "silly", "silu", "sin", "sinh"])
        #expect(test.session.completions(forPrefix: "tr").contains("train"))
        #expect(test.session.completions(forPrefix: "th") == ["then"])
        #expect(test.session.completions(forPrefix: ":h") == [":help", ":history"])
        let all = test.session.completions(forPrefix: "")
        #expect(all == Array(Set(all)).sorted())
    }

    @Test func isCompleteForwardsToTheParser() {
        let session = TestSession().session
        #expect(session.isComplete("1 + 2"))
        #expect(!session.isComplete("fn f(x) {"))
        #expect(!session.isComplete("[1, 2,"))
    }

    @Test func reset() {
        let test = TestSession()
        test.run("let a = 1")
        test.session.reset()
        #expect(test.run("a").outcome == .failed)
        #expect(test.value("relu(1)") == "1")
    }
}
