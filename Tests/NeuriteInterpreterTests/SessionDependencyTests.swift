import Testing

@testable import NeuriteInterpreter

/// The REPL's `:deps NAME` and `:rerun`: what a name was computed from and what from it, which
/// values a redefinition leaves stale, and recomputing them.
@Suite struct SessionDependencyTests {
    static func repl(_ test: TestSession, _ source: String) -> String {
        test.sink.clear()
        _ = test.session.run(source, fileName: "<repl>", echo: .everyExpression)
        return test.sink.output + test.sink.errors
    }

    static func meta(_ test: TestSession, _ line: String) -> String {
        test.sink.clear()
        _ = test.session.meta(line)
        return test.sink.output + test.sink.errors
    }

    @Test func depsShowsBothDirections() {
        let test = TestSession()
        for line in ["let a = 2", "let b = a * 3", "fn f(x) = x + b", "let c = f(1)", "let unrelated = 5"] {
            _ = Self.repl(test, line)
        }
        #expect(Self.meta(test, ":deps b") == "b depends on: a\ndepends on b: f; through them: c\n")
        #expect(Self.meta(test, ":deps c") == "c depends on: f; through them: a, b\ndepends on c: nothing you defined\n")
        #expect(Self.meta(test, ":deps nope").hasPrefix("<repl>: error: 'nope' was not defined in this session"))
        test.sink.clear()
        #expect(test.session.meta(":deps") == .handled(.failed))
        #expect(test.sink.diagnostics.map(\.id) == ["depsNeedsName"])
    }

    @Test func aRedefinitionNamesTheStaleValuesAndRerunRecomputesThem() {
        let test = TestSession()
        _ = Self.repl(test, "let a = 2")
        _ = Self.repl(test, "let b = a * 3")
        _ = Self.repl(test, "let c = b + 1")
        _ = Self.repl(test, "let other = 1")
        #expect(Self.repl(test, "let a = 10") == "stale: b, c (computed from the old 'a'); :rerun recomputes them\n")
        #expect(Self.repl(test, "c") == "7\n")
        #expect(Self.meta(test, ":deps c").hasSuffix("c is stale: :rerun recomputes it\n"))
        #expect(Self.meta(test, ":rerun") == "recomputed: b, c\n")
        #expect(Self.repl(test, "c") == "31\n")
        #expect(Self.meta(test, ":rerun") == "nothing is stale\n")
    }

    @Test func trainingAModelAgainLeavesWhatWasComputedFromItStale() {
        let test = TestSession()
        _ = Self.repl(test, "data d = xor(n: 20, seed: 1)")
        _ = Self.repl(test, "model m { input 2; dense 1, sigmoid }")
        _ = Self.repl(test, "let p = m.layers[0].bias")
        let message = Self.repl(test, "train m on d with epochs: 2")
        #expect(message.contains("stale: p (computed from the old 'm'); :rerun recomputes them\n"), "\(message)")
        #expect(Self.meta(test, ":rerun") == "recomputed: p\n")
    }

    @Test func scriptsAreRecordedButDoNotAnnounce() {
        let test = TestSession()
        test.sink.clear()
        _ = test.session.run("let a = 1\nlet b = a\nlet a = 2", fileName: "s.nn", echo: .none)
        #expect(test.sink.output == "")
        #expect(Self.meta(test, ":deps a") == "a depends on: nothing you defined\ndepends on a: nothing you defined\n")
    }
}
