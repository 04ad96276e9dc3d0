import Testing

@testable import NeuriteInterpreter

/// Runs are lists: they join with `+` and `[…]`, comprehensions walk and filter them, and every
/// runs command takes the result.
@Suite struct RunListTests {
    static let setUp = """
        data d = circle(n: 60, noise: 0.1, seed: 1)
        model a { input 2; dense 4, tanh; dense 1, sigmoid }
        let sweep = train a on d with epochs: 4, lr: [0.01, 0.1, 1]
        let one = train a on d with epochs: 2, lr: 0.3
        """

    static func session() -> TestSession {
        let test = TestSession()
        let ran = test.run(setUp)
        #expect(ran.errors.isEmpty, "\(ran.errors)")
        return test
    }

    @Test(arguments: [
        ("len(sweep + one)", "4"),
        ("len(one + one)", "2"),
        ("len([sweep[0], one, sweep])", "5"),
        ("len([r for r in sweep if r.final_loss < sweep[0].final_loss])", "\(2)"),
        ("(sweep + one)[3].final_loss == one.final_loss", "true"),
        ("[r.final_loss for r in sweep] == [sweep[0].final_loss, sweep[1].final_loss, sweep[2].final_loss]", "true"),
    ])
    func runsJoinAndFilter(expression: String, expected: String) {
        let test = Self.session()
        #expect(test.value(expression) == expected)
    }

    @Test func aFilteredListIsTakenByTheRunsCommands() {
        let test = Self.session()
        let result = test.run("let best = [r for r in sweep if r.final_loss < 0.69]\nplot best with width: 60, height: 6\ngradients best")
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.output.contains("a lr=1"))
    }

    @Test func aListOfRunsHoldsOnlyRuns() {
        let test = Self.session()
        _ = test.run("[one, 2]")
        #expect(test.sink.diagnostics.map(\.id) == [RuntimeErrorID.listElementNotRun.rawValue])
        _ = test.run("one + 2")
        #expect(test.sink.diagnostics.map(\.id) == [RuntimeErrorID.needsNumbersVectorsOrMatrices.rawValue])
    }
}
