import Foundation
import Testing

@testable import NeuriteInterpreter

/// `leaky_relu`, `elu` and `celu` take their shape parameter: as a value (`leaky_relu(x, slope: 0.2)`)
/// and as an activation (`leaky_relu(slope: 0.2)`), which layers, plots and derivatives use.
@Suite struct ActivationParameterTests {
    static let valueCases: [(String, Double)] = [
        ("leaky_relu(-2, slope: 0.2)", -0.4),
        ("leaky_relu(3, slope: 0.2)", 3.0),
        ("leaky_relu(-2)", -0.02),
        ("elu(-1, alpha: 0.5)", 0.5 * expm1(-1.0)),
        ("celu(-1, alpha: 2)", 2 * expm1(-0.5)),
        ("celu(-1, alpha: 1) - celu(-1)", 0.0),
        ("leaky_relu(slope: 0.2)(-5)", -1.0),
        ("elu(alpha: 0.5)(-1)", 0.5 * expm1(-1.0)),
        ("leaky_relu(slope: 0.2)'(-1)", 0.2),
        ("elu(alpha: 0.5)'(-1)", 0.5 * exp(-1.0)),
    ]

    @Test(arguments: valueCases)
    func values(expression: String, expected: Double) throws {
        let text = TestSession().value(expression)
        let value = try #require(Double(text), "\(expression) gave \(text)")
        #expect(abs(value - expected) <= 1e-12 * max(1, abs(expected)), "\(expression)")
    }

    /// The function form's derivative, by automatic differentiation, against central differences.
    @Test(arguments: ["leaky_relu(slope: 0.3)", "elu(alpha: 0.7)", "celu(alpha: 1.5)"])
    func derivativeMatchesFiniteDifferences(function: String) throws {
        let test = TestSession()
        test.run("let f = \(function)")
        for x in [-2.5, -0.7, 0.4, 1.9] {
            let h = 1e-6
            let exact = try #require(Double(test.value("f'(\(x))")))
            let left = try #require(Double(test.value("f(\(x - h))"))), right = try #require(Double(test.value("f(\(x + h))")))
            #expect(abs(exact - (right - left) / (2 * h)) < 1e-6, "\(function) at \(x)")
        }
    }

    /// In a layer, the engine computes what the formula says: one unit with weight 1 and bias 0.
    @Test(arguments: [("leaky_relu(slope: 0.2)", -0.4), ("elu(alpha: 0.5)", 0.5 * expm1(-2.0))])
    func aLayerComputesTheFormula(activation: String, expected: Double) throws {
        let test = TestSession()
        let ran = test.run("""
            model m { input 1; dense 1, \(activation) }
            m.layers[0].weights = [[1]]
            m.layers[0].bias = [0]
            """)
        #expect(ran.errors.isEmpty, "\(ran.errors)")
        let value = try #require(Double(test.value("predict(m, [[-2]])[0][0]")))
        #expect(abs(value - expected) < 1e-6)  // Float32 in the engine
        #expect(test.run("summary m").output.contains(activation))
    }

    @Test(arguments: ["celu(1, alpha: 0)", "leaky_relu(slope: 1 / 0)", "elu(alpha: \"a\")"])
    func badParametersAreErrors(expression: String) {
        let test = TestSession()
        let result = test.run(expression)
        #expect(result.outcome == .failed)
        #expect(result.errors.contains("alpha") || result.errors.contains("slope"), "\(result.errors)")
    }
}
