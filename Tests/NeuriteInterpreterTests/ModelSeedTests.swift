import Testing

@testable import NeuriteInterpreter

/// `deep(relu, seed: 3)` and `variant(m, seed: 3)`: a model's weights drawn from a seed at its
/// birth, kept by `train`; without a seed, seed 0 until the first `train` redraws them.
@Suite struct ModelSeedTests {
    static let setUp = """
        model deep(act) { input 2; dense 4, act; dense 1, sigmoid }
        model m { input 2; dense 3, tanh; dense 1, sigmoid }
        data d = circle(n: 40, noise: 0.1, seed: 1)
        """

    @Test(arguments: [
        ("deep(relu, seed: 3).layers[0].weights == deep(relu, seed: 3).layers[0].weights", "true"),
        ("deep(relu, seed: 3).layers[0].weights == deep(relu, seed: 4).layers[0].weights", "false"),
        ("deep(relu, seed: 0).layers[0].weights == deep(relu).layers[0].weights", "true"),
        ("variant(m, seed: 5).layers[1].weights == variant(m, seed: 5).layers[1].weights", "true"),
        ("variant(m, seed: 5).layers[0].weights == m.layers[0].weights", "false"),
        ("deep(tanh, seed: 2).label", "\"deep(tanh, seed: 2)\""),
    ])
    func seedsDrawTheWeights(expression: String, expected: String) {
        let test = TestSession()
        test.run(Self.setUp)
        #expect(test.value(expression) == expected)
    }

    /// A seeded model trains from the weights it was born with, whatever the training seed; an
    /// unseeded one is redrawn from the training seed (as before).
    @Test func trainKeepsTheBirthWeightsOfASeededModel() {
        let test = TestSession()
        test.run(Self.setUp)
        test.run("let a = deep(relu, seed: 3)\nlet born = a.layers[0].weights\ntrain a on d with epochs: 0, seed: 9")
        #expect(test.value("a.layers[0].weights == born") == "true")
        test.run("let b = deep(relu)\nlet before = b.layers[0].weights\ntrain b on d with epochs: 0, seed: 9")
        #expect(test.value("b.layers[0].weights == before") == "false")
        #expect(test.value("b.layers[0].weights == deep(relu, seed: 9).layers[0].weights") == "true")
    }

    @Test(arguments: ["deep(relu, seed: -1)", "deep(relu, seed: 1.5)", "deep(relu, seed: \"x\")", "variant(m, seed: -2)"])
    func badSeedsAreErrors(expression: String) {
        let test = TestSession()
        test.run(Self.setUp)
        let result = test.run(expression)
        #expect(result.outcome == .failed)
        #expect(result.errors.contains("seed"), "\(result.errors)")
    }

    /// A constructor with its own parameter named `seed` gets the argument as that parameter.
    @Test func aParameterNamedSeedWins() {
        let test = TestSession()
        test.run("model wide(seed) { input 2; dense seed, relu; dense 1, sigmoid }")
        #expect(test.value("wide(seed: 5).layers[0].width") == "5")
    }
}
