import Testing
import NeuriteEngine
import NeuriteNumerics

@testable import NeuriteInterpreter

/// A user function lowered to the engine's ScalarExpression computes what the interpreter computes.
@Suite struct ActivationLoweringTests {
    static let definitions = [
        "fn f(x) = x * sigmoid(x)",
        "fn f(x, a = 0.2) = if x > 0 then x else a * x",
        "fn f(x) { let s = x * x; exp(-s) }",
        "fn f(x) = clamp(x, -1, 1) + max(x, 0) - min(x, 0) + pow(x, 2)",
        "fn g(x) = x * tanh(softplus(x))\nfn f(x) = 2 * g(x) - g(-x) / 3",
        "let k = 0.5\nfn f(x) = k * tanh(x) + pi",
        "fn f(x) = if x <= -1 then -1 else if x >= 1 then 1 else x ^ 3",
        "fn f(x) = sin(x) + cos(2 * x) - abs(x) + sqrt(x * x + 1) - log(1 + exp(x))",
        "fn f(x) = -(+x) / (1 + abs(x)) + relu6(x) + gelu(x) + elu(x)",
    ]

    @Test(arguments: definitions)
    func loweredFunctionMatchesTheInterpreter(_ definition: String) throws {
        let test = TestSession()
        #expect(test.run(definition).outcome == .success)
        let evaluator = test.session.evaluator
        guard case .function(let function)? = evaluator.globals.lookup("f") else {
            Issue.record("f is not defined")
            return
        }
        let activation = try ActivationLowering(evaluator: evaluator).activation(for: function, span: .at(0))
        guard case .custom(let user) = activation else {
            Issue.record("expected a custom activation")
            return
        }
        for x in stride(from: -3.0, through: 3.0, by: 0.37) {
            let expected = Double(test.value("f(\(x))")) ?? .nan
            let lowered = user.expression.evaluate(x)
            #expect(abs(lowered - expected) <= 1e-12 * max(1, abs(expected)), "x = \(x): \(lowered) vs \(expected)")
        }
    }

    @Test func builtinActivationsStayBuiltin() throws {
        let test = TestSession()
        guard case .function(let relu)? = test.session.evaluator.globals.lookup("relu") else {
            Issue.record("relu missing")
            return
        }
        let activation = try ActivationLowering(evaluator: test.session.evaluator).activation(for: relu, span: .at(0))
        guard case .builtin(let builtin) = activation else {
            Issue.record("relu should stay a built-in activation")
            return
        }
        #expect(builtin == .relu)
    }
}
