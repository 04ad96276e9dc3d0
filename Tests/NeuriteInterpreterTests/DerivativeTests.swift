import Foundation
import Testing

@testable import NeuriteInterpreter

/// Derivatives by automatic differentiation agree with central finite differences.
@Suite struct DerivativeTests {
    static let userFunctions = [
        "fn f(x) = x * sigmoid(x)",
        "fn f(x) = sin(x) * exp(-x * x / 2)",
        "fn f(x) = log(1 + x * x) / (2 + cos(x))",
        "fn f(x) = tanh(x) ^ 3 + sqrt(x * x + 1)",
        "fn f(x) { let a = x * 2; let b = softplus(a); b * gelu(x) }",
        "fn f(x) = if x > 0.1 then x ^ 2.5 else mish(x)",
        "fn f(x) = max(x, 0.3) * erf(x) + pow(x, 2) - atan2(x, 2)",
        "fn f(x) = relu'(x) * x + tanh'(x)",
    ]

    static let points: [Double] = [-1.7, -0.4, 0.35, 1.3, 2.2]

    func value(_ test: TestSession, _ source: String) throws -> Double {
        let text = test.value(source)
        return try #require(Double(text), "\(source) gave \(text)")
    }

    @Test(arguments: userFunctions)
    func firstDerivativeMatchesFiniteDifferences(_ definition: String) throws {
        let test = TestSession()
        test.run(definition)
        for x in Self.points {
            let h = 1e-5
            let numeric = (try value(test, "f(\(x + h))") - value(test, "f(\(x - h))")) / (2 * h)
            let exact = try value(test, "f'(\(x))")
            #expect(abs(exact - numeric) <= 1e-6 * max(1, abs(numeric)), "\(definition) at \(x): \(exact) vs \(numeric)")
        }
    }

    @Test(arguments: userFunctions)
    func secondDerivativeMatchesFiniteDifferencesOfTheFirst(_ definition: String) throws {
        let test = TestSession()
        test.run(definition)
        for x in Self.points {
            let h = 1e-5
            let numeric = (try value(test, "f'(\(x + h))") - value(test, "f'(\(x - h))")) / (2 * h)
            let exact = try value(test, "f''(\(x))")
            #expect(abs(exact - numeric) <= 1e-5 * max(1, abs(numeric)), "\(definition) at \(x): \(exact) vs \(numeric)")
        }
    }

    /// Every differentiable built-in, away from kinks.
    @Test func everyDifferentiableBuiltinMatchesFiniteDifferences() throws {
        let test = TestSession()
        let names = test.session.builtins.filter(\.isDifferentiable).map(\.name)
        #expect(names.count > 30)
        let points: [Double] = [0.37, -0.61, 0.83]
        for name in names where !["sign", "floor", "ceil", "round"].contains(name) {
            for x in points {
                let h = 1e-6
                let plus = try value(test, "\(name)(\(x + h))")
                let minus = try value(test, "\(name)(\(x - h))")
                guard plus.isFinite, minus.isFinite else { continue }  // outside the domain (log, sqrt)
                let numeric = (plus - minus) / (2 * h)
                let exact = try value(test, "\(name)'(\(x))")
                #expect(abs(exact - numeric) <= 1e-5 * max(1, abs(numeric)), "\(name)' at \(x): \(exact) vs \(numeric)")
            }
        }
    }

    @Test func derivativeOfVectorIsElementwise() {
        let test = TestSession()
        #expect(test.value("tanh'([0, 0])") == "[1, 1]")
        #expect(test.value("grad(fn(x) = x * x)([1, 2, 3])") == "[2, 4, 6]")
    }

    /// At NaN every derivative is NaN (as the closed forms say), whichever branch NaN falls into:
    /// `relu'(nan)` was 1 and `abs'(nan)` 0.
    @Test(arguments: ["relu", "leaky_relu", "relu6", "hard_tanh", "hard_sigmoid", "linear", "abs", "sign",
                      "floor", "gelu", "sin", "fn(x) = if x > 0 then x else 0", "fn(x) = 3"])
    func derivativeAtNaNIsNaN(_ function: String) {
        let test = TestSession()
        test.run("let f = \(function)")
        #expect(test.value("f'(nan)") == "nan", "\(function)")
        #expect(test.value("f''(nan)") == "nan", "\(function)")
        #expect(test.value("f'([nan, 1])").hasPrefix("[nan, "), "\(function)")
    }

    @Test func nonDifferentiableFunctionsAreErrors() {
        let test = TestSession()
        #expect(test.run("clamp'(1)").errors.contains("a derivative needs a function of one argument; 'clamp' takes 3"))
        #expect(test.run("print'(1)").errors.contains("error:"))
        #expect(test.run("fn h(x) = len([x])\nh'(1)").errors.contains("cannot differentiate through a vector"))
    }
}
