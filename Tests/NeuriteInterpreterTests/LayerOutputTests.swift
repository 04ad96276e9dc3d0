import Testing

@testable import NeuriteInterpreter

/// `layer_outputs(m, x)`: every dense layer's outputs after its activation, as values, equal to
/// what the layer's weights give by hand and, for the last layer, to `predict`.
@Suite struct LayerOutputTests {
    static let setUp = """
        model net { input 2; dense 3, relu; dense 4; activation tanh; dropout 0.5; dense 2, softmax }
        data d = circle(n: 7, noise: 0.1, seed: 2)
        let t = layer_outputs(net, d)
        """

    static func session() -> TestSession {
        let test = TestSession()
        let ran = test.run(setUp)
        #expect(ran.errors.isEmpty, "\(ran.errors)")
        return test
    }

    @Test(arguments: [
        ("len(t)", "3"),
        ("t.width", "[3, 4, 2]"),
        ("t[1].activation", "\"tanh\""),
        ("t[2].output == predict(net, d.features)", "true"),
        ("layer_outputs(net, d.features[3])[2].output == predict(net, d.features[3])", "true"),
        ("len(layer_outputs(net, [0.5, -1])[0].output)", "3"),
    ])
    func outputs(expression: String, expected: String) {
        #expect(Self.session().value(expression) == expected)
    }

    /// Layer 0's outputs are relu(W x + b) from the layer's own weights (Float32 in the engine).
    @Test func firstLayerIsItsFormula() throws {
        let test = Self.session()
        let worst = test.value("""
            max([max(abs(t[0].output[i] - relu([sum(net.layers[0].weights[u] * d.features[i]) + net.layers[0].bias[u] for u in 0..2]))) for i in 0..6])
            """)
        #expect(try #require(Double(worst)) < 1e-5, "\(worst)")
    }

    @Test(arguments: ["layer_outputs(net, [1, 2, 3])", "layer_outputs(net, \"x\")", "layer_outputs(1, [1, 2])"])
    func mistakesAreErrors(expression: String) {
        let test = Self.session()
        #expect(test.run(expression).outcome == .failed)
    }
}
