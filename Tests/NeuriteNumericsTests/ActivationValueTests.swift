import Foundation
import Testing
@testable import NeuriteNumerics

/// Textbook formulas, written independently of the module (naively, so only for moderate x).
func textbookActivation(_ a: Activation, _ x: Double) -> Double {
    let lambda = 1.0507009873554804934193349852946, alpha = 1.6732632423543772848170429916717
    func sigmoid(_ x: Double) -> Double { 1 / (1 + Foundation.exp(-x)) }
    func softplus(_ x: Double) -> Double { Foundation.log(1 + Foundation.exp(x)) }
    switch a {
    case .relu: return max(0, x)
    case .leakyReLU: return x > 0 ? x : 0.01 * x
    case .relu6: return min(max(0, x), 6)
    case .elu: return x > 0 ? x : Foundation.exp(x) - 1
    case .selu: return lambda * (x > 0 ? x : alpha * (Foundation.exp(x) - 1))
    case .celu: return max(0, x) + min(0, Foundation.exp(x) - 1)
    case .gelu: return 0.5 * x * (1 + Foundation.erf(x / 2.0.squareRoot()))
    case .geluTanh:
        return 0.5 * x * (1 + Foundation.tanh((2 / Double.pi).squareRoot() * (x + 0.044715 * x * x * x)))
    case .silu: return x * sigmoid(x)
    case .mish: return x * Foundation.tanh(softplus(x))
    case .softplus: return softplus(x)
    case .softsign: return x / (1 + abs(x))
    case .sigmoid: return sigmoid(x)
    case .hardSigmoid: return min(max(0, x + 3), 6) / 6
    case .tanh: return Foundation.tanh(x)
    case .hardTanh: return min(max(-1, x), 1)
    case .linear: return x
    case .softmax: return 1
    }
}

struct ActivationValueTests {
    static let moderatePoints: [Double] = [0, 1, -1, 0.5, -0.5, 2.5, -2.5, 5, -5, 30, -30]

    @Test(arguments: Activation.allCases)
    func matchesTextbookFormulaAtModeratePoints(_ a: Activation) {
        for x in Self.moderatePoints {
            let got = a.value(x), want = textbookActivation(a, x)
            #expect(close(got, want, 1e-13), "\(a)(\(x)) = \(got), want \(want)")
        }
    }

    /// (activation, f(1000), f(−1000), f(+∞), f(−∞)): limits and stability at large arguments.
    static let extremes: [(Activation, Double, Double, Double, Double)] = {
        let inf = Double.infinity
        let lambda = ActivationConstants.seluLambda, la = lambda * ActivationConstants.seluAlpha
        return [
            (.relu, 1000, 0, inf, 0),
            (.leakyReLU, 1000, -10, inf, -inf),
            (.relu6, 6, 0, 6, 0),
            (.elu, 1000, -1, inf, -1),
            (.selu, lambda * 1000, -la, inf, -la),
            (.celu, 1000, -1, inf, -1),
            (.gelu, 1000, 0, inf, 0),
            (.geluTanh, 1000, 0, inf, 0),
            (.silu, 1000, 0, inf, 0),
            (.mish, 1000, 0, inf, 0),
            (.softplus, 1000, 0, inf, 0),
            (.softsign, 1000.0 / 1001, -1000.0 / 1001, 1, -1),
            (.sigmoid, 1, 0, 1, 0),
            (.hardSigmoid, 1, 0, 1, 0),
            (.tanh, 1, -1, 1, -1),
            (.hardTanh, 1, -1, 1, -1),
            (.linear, 1000, -1000, inf, -inf),
            (.softmax, 1, 1, 1, 1),
        ]
    }()

    @Test func extremesTableCoversEveryActivation() {
        #expect(Set(Self.extremes.map(\.0)) == Set(Activation.allCases))
    }

    @Test(arguments: extremes)
    func largeAndInfiniteArguments(_ a: Activation, _ big: Double, _ bigNeg: Double, _ inf: Double, _ negInf: Double) {
        #expect(close(a.value(1000), big, 1e-15), "\(a)(1000) = \(a.value(1000))")
        #expect(close(a.value(-1000), bigNeg, 1e-15), "\(a)(-1000) = \(a.value(-1000))")
        #expect(a.value(.infinity) == inf, "\(a)(inf) = \(a.value(.infinity))")
        #expect(a.value(-.infinity) == negInf, "\(a)(-inf) = \(a.value(-.infinity))")
    }

    @Test(arguments: Activation.allCases)
    func nanPropagates(_ a: Activation) {
        #expect(a.value(.nan).isNaN)
        #expect(a.derivative(.nan).isNaN)
    }

    @Test func specialValues() {
        #expect(Activation.sigmoid.value(0) == 0.5)
        #expect(Activation.relu.value(-0.0) == 0)
        #expect(Activation.softplus.value(0) == Foundation.log(2))
        #expect(Activation.softplus.value(1000) == 1000)
        #expect(Activation.softplus.value(-1000) == 0)
        #expect(Activation.hardSigmoid.value(0) == 0.5)
        #expect(Activation.relu6.value(7) == 6)
        #expect(Activation.gelu.value(0) == 0)
    }

    @Test func namesAndAliases() {
        for a in Activation.allCases { #expect(Activation.named(a.name) == a) }
        #expect(Activation.named("swish") == .silu)
        #expect(Activation.named("identity") == .linear)
        #expect(Activation.named("rleu") == nil)
        #expect(Activation.named("ReLU") == nil)
        #expect(Activation.allNames == Activation.allNames.sorted())
        #expect(Activation.allNames.contains("swish") && Activation.allNames.contains("leaky_relu"))
        #expect(Activation.allCases.filter { !$0.isElementwise } == [.softmax])
    }

    @Test(arguments: Activation.allCases)
    func descriptionsArePresent(_ a: Activation) {
        #expect(!a.formula.isEmpty && !a.derivativeFormula.isEmpty && !a.convention.isEmpty)
    }

    @Test(arguments: Activation.allCases.filter(\.isElementwise))
    func valuesLieInOutputRange(_ a: Activation) {
        let range = a.outputRange
        for x in stride(from: -50.0, through: 50, by: 0.01) {
            // Rounding may reach an open end (tanh(20) is 1.0 in Double), so test the closure.
            let y = a.value(x)
            let inside = y >= range.lower && y <= range.upper
            #expect(inside, "\(a)(\(x)) = \(y) outside \(range)")
            if !inside { return }
        }
    }

    @Test(arguments: [Activation.gelu, .geluTanh, .silu, .mish])
    func statedMinimumIsAttained(_ a: Activation) throws {
        let minimum = try #require(a.minimum)
        // Newton's method on f' from a point left of 0 finds the minimiser.
        var x = -1.0
        for _ in 0..<50 { x -= a.derivative(x) / ((a.derivative(x + 1e-6) - a.derivative(x - 1e-6)) / 2e-6) }
        #expect(abs(a.value(x) - minimum) < 1e-12, "\(a): min \(a.value(x)) at \(x), stated \(minimum)")
    }

    @Test func saturation() {
        #expect(Activation.sigmoid.isSaturated(0.98))
        #expect(Activation.sigmoid.isSaturated(0.02))
        #expect(!Activation.sigmoid.isSaturated(0.5))
        #expect(Activation.tanh.isSaturated(-0.98))
        #expect(!Activation.tanh.isSaturated(0.96))
        #expect(!Activation.relu.isSaturated(1e9))
        #expect(Activation.relu.unsaturatedRange == nil)
    }

    @Test func families() {
        #expect(Activation.allCases.filter(\.isReLUFamily) == [.relu, .leakyReLU, .relu6, .elu, .selu, .celu])
        #expect(Activation.allCases.filter(\.hasZeroGradientBelowZero) == [.relu, .relu6])
        // The families' claim checked: zero gradient on a range of negative inputs.
        for a in Activation.allCases where a.hasZeroGradientBelowZero {
            for x in stride(from: -5.0, through: 0, by: 0.25) { #expect(a.derivative(x) == 0) }
        }
    }

    @Test func outputRangeDescriptions() {
        #expect(Activation.relu.outputRange.description == "[0, inf)")
        #expect(Activation.tanh.outputRange.description == "(-1, 1)")
        #expect(Activation.hardSigmoid.outputRange.description == "[0, 1]")
        #expect(Activation.elu.outputRange.description == "(-1, inf)")
    }
}
