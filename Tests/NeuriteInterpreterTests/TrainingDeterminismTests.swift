import Testing

/// The same script gives the same output in two sessions: data, initial weights and minibatch
/// order all come from seeds.
@Suite struct TrainingDeterminismTests {
    static let script = """
        data ring = circle(n: 120, noise: 0.2, seed: 4)
        model deep(act) { input 2; repeat 2 { dense 8, act }; dense 1, sigmoid }
        let runs = train deep(tanh), deep(relu) on ring with epochs: 6, lr: 0.1, batch: 8, seed: 9, validation: 0.25
        runs
        runs[0].loss
        runs[1].gradients
        evaluate runs[1].model on ring
        """

    @Test func sameScriptSameOutput() {
        let first = TestSession().run(Self.script)
        let second = TestSession().run(Self.script)
        #expect(first.outcome == .success, "\(first.errors)")
        #expect(!first.output.isEmpty)
        #expect(first.output == second.output)
    }

    @Test func anotherSeedAnotherRun() {
        let first = TestSession().run(Self.script)
        let other = TestSession().run(Self.script.replacingOccurrences(of: "seed: 9", with: "seed: 10"))
        #expect(other.outcome == .success)
        #expect(first.output != other.output)
    }
}
