import Foundation
import Testing

@testable import NeuriteInterpreter

/// The weight-gradient norms `gradients m on d` reports, against the loss's central differences
/// computed in the language: each weight of a layer nudged on a copy, the loss read from
/// `evaluate … on d`, and the norm of the finite-difference gradient taken. The biases start away
/// from 0 so that their gradients are as large as the weights': a norm that mixed them in would fail.
@Suite struct GradientNormCheckTests {
    @Test(arguments: [0, 1])
    func weightGradientNormMatchesFiniteDifferences(layer: Int) throws {
        let test = TestSession()
        let ran = test.run("""
            data d = circle(n: 40, noise: 0.5, seed: 3)
            model m { input 2; dense 3, tanh, bias: 0.8; dense 1, sigmoid, bias: 1 }
            let g = gradients m on d with width: 40, height: 4
            fn loss_with(k, u, i, delta) {
                let c = copy(m)
                c.layers[k].weights[u][i] = m.layers[k].weights[u][i] + delta
                (evaluate c on d).loss
            }
            let h = 0.01
            fn slope(k, u, i) = (loss_with(k, u, i, h) - loss_with(k, u, i, -h)) / (2 * h)
            """)
        #expect(ran.errors.isEmpty, "\(ran.errors)")
        let (units, inputs) = layer == 0 ? (3, 2) : (1, 3)
        var squares = 0.0
        for u in 0..<units {
            for i in 0..<inputs {
                let slope = try #require(Double(test.value("slope(\(layer), \(u), \(i))")))
                squares += slope * slope
            }
        }
        let reported = try #require(Double(test.value("g[\(layer)].weight_gradient")))
        let differenced = squares.squareRoot()
        #expect(abs(reported - differenced) <= 0.02 * differenced + 1e-4, "reported \(reported), finite differences \(differenced)")
        let bias = try #require(Double(test.value("g[\(layer)].bias_gradient")))
        #expect(bias > 0.5 * reported, "the biases' gradient is large enough to tell the two apart")
    }
}
