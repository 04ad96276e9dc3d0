import Foundation
import Testing
@testable import NeuriteNumerics

struct JetTests {
    @Test func constantsAllocateNoTail() {
        let a = Jet(3), b = Jet(4)
        for j in [a + b, a - b, a * b, a / b, -a, a + 1, 2 * b, Jet.exp(a), Jet.sin(b), Jet.pow(a, 2.5)] {
            #expect(j.isConstant && j.tail.isEmpty)
        }
        #expect((a * b).value == 12)
        #expect(Jet(5).derivative(1) == 0 && Jet(5).derivative(3) == 0)
    }

    @Test func variableSeedsFirstCoefficient() {
        let x = Jet.variable(1.5, order: 3)
        #expect(x.coefficients == [1.5, 1, 0, 0])
        #expect(x.order == 3)
        #expect(Jet.variable(2, order: 0).isConstant)
        #expect(Jet.variable(2, order: -4).isConstant)
        #expect(x.derivative(-1).isNaN)
        #expect(x.coefficient(7) == 0)
    }

    @Test func polynomialDerivativesAreExact() {
        // p(x) = 2x⁴ − 3x² + x − 7 at x = 1.25: p' = 8x³ − 6x + 1, p'' = 24x² − 6, p''' = 48x, p'''' = 48.
        let x0 = 1.25
        let x = Jet.variable(x0, order: 5)
        let p = 2 * x * x * x * x - 3 * x * x + x - 7
        #expect(p.value == 2 * pow(x0, 4) - 3 * x0 * x0 + x0 - 7)
        #expect(p.derivative(1) == 8 * pow(x0, 3) - 6 * x0 + 1)
        #expect(p.derivative(2) == 24 * x0 * x0 - 6)
        #expect(p.derivative(3) == 48 * x0)
        #expect(p.derivative(4) == 48)
        #expect(p.derivative(5) == 0)
    }

    @Test func quotientAndMixedOrders() {
        // f = 1/x: f^(k) = (−1)^k k! / x^{k+1}.
        let x0 = 0.8
        let f = 1 / Jet.variable(x0, order: 4)
        var factorial = 1.0
        for k in 0...4 {
            if k > 0 { factorial *= Double(k) }
            let want = (k % 2 == 0 ? 1 : -1) * factorial / pow(x0, Double(k + 1))
            #expect(close(f.derivative(k), want, 1e-14), "k = \(k)")
        }
        // A lower-order operand counts as zero-padded.
        let product = Jet.variable(2, order: 1) * Jet.variable(2, order: 3)
        #expect(product.coefficients == [4, 4, 1, 0])
        let sum = Jet.variable(2, order: 1) + Jet(value: 0, tail: [0, 0, 5])
        #expect(sum.coefficients == [2, 1, 0, 5])
    }

    @Test func comparisonsUseValueOnly() {
        #expect(Jet.variable(1, order: 2) == Jet(1))
        #expect(Jet(1) < Jet.variable(2, order: 1))
        #expect(max(Jet(1), Jet(3)).value == 3)
    }

    /// Identities that hold as functions hold for every Taylor coefficient: f(x) − g(x) has all
    /// coefficients ≈ 0 up to the order. (name, domain, f − g).
    static let identities: [(String, ClosedRange<Double>, @Sendable (Jet) -> Jet)] = [
        ("exp(log x) = x", 0.2...4, { Jet.exp(Jet.log($0)) - $0 }),
        ("log(exp x) = x", -3...3, { Jet.log(Jet.exp($0)) - $0 }),
        ("sin² + cos² = 1", -4...4, { Jet.sin($0) * Jet.sin($0) + Jet.cos($0) * Jet.cos($0) - 1 }),
        ("cosh² − sinh² = 1", -2...2, { Jet.cosh($0) * Jet.cosh($0) - Jet.sinh($0) * Jet.sinh($0) - 1 }),
        ("tan = sin/cos", -1.2...1.2, { Jet.tan($0) - Jet.sin($0) / Jet.cos($0) }),
        ("tanh = sinh/cosh", -3...3, { Jet.tanh($0) - Jet.sinh($0) / Jet.cosh($0) }),
        ("atan(tan x) = x", -1.2...1.2, { Jet.atan(Jet.tan($0)) - $0 }),
        ("asin(sin x) = x", -1.2...1.2, { Jet.asin(Jet.sin($0)) - $0 }),
        ("acos(cos x) = x", 0.2...2.9, { Jet.acos(Jet.cos($0)) - $0 }),
        ("sqrt(x)² = x", 0.1...5, { Jet.sqrt($0) * Jet.sqrt($0) - $0 }),
        ("x^2.5 = exp(2.5 log x)", 0.1...5, { Jet.pow($0, 2.5) - Jet.exp(2.5 * Jet.log($0)) }),
        ("x^3 = x·x·x", -3...3, { Jet.pow($0, 3) - $0 * $0 * $0 }),
        ("x^−2 = 1/x²", 0.3...3, { Jet.pow($0, -2) - 1 / ($0 * $0) }),
        ("x^0.5 = sqrt x", 0.1...5, { Jet.pow($0, 0.5) - Jet.sqrt($0) }),
        ("x^x = exp(x log x)", 0.3...3, { Jet.pow($0, $0) - Jet.exp($0 * Jet.log($0)) }),
        ("log1p(expm1 x) = x", -2...2, { Jet.log1p(Jet.expm1($0)) - $0 }),
        ("erf + erfc = 1", -2...2, { Jet.erf($0) + Jet.erfc($0) - 1 }),
        ("atan2(sin x, cos x) = x", -3...3, { Jet.atan2(Jet.sin($0), Jet.cos($0)) - $0 }),
        ("atan2(x, 1) = atan x", -3...3, { Jet.atan2($0, Jet(1)) - Jet.atan($0) }),
        ("|x|² = x²", -3...3, { Jet.abs($0) * Jet.abs($0) - $0 * $0 }),
    ]

    @Test(arguments: identities)
    func identityHoldsToOrderSix(_ name: String, _ domain: ClosedRange<Double>, _ residual: @Sendable (Jet) -> Jet) {
        for x in randomPoints(25, in: domain, avoiding: [0], seed: UInt64(name.utf8.count)) {
            let r = residual(Jet.variable(x, order: 6))
            #expect(r.order == 6, "\(name): order \(r.order)")
            for k in 0...6 {
                #expect(abs(r.coefficient(k)) < 1e-9, "\(name) at \(x): c\(k) = \(r.coefficient(k))")
            }
        }
    }

    @Test func knownHigherDerivatives() {
        let x0 = 0.7
        let e = Jet.exp(Jet.variable(x0, order: 8))
        for k in 0...8 { #expect(close(e.derivative(k), Foundation.exp(x0), 1e-13)) }
        let s = Jet.sin(Jet.variable(x0, order: 8))
        let cycle = [sin(x0), cos(x0), -sin(x0), -cos(x0)]
        for k in 0...8 { #expect(close(s.derivative(k), cycle[k % 4], 1e-12)) }
        // log: (−1)^{k−1}(k−1)!/x^k.
        let l = Jet.log(Jet.variable(x0, order: 6))
        var factorial = 1.0
        for k in 1...6 {
            if k > 1 { factorial *= Double(k - 1) }
            #expect(close(l.derivative(k), (k % 2 == 1 ? 1 : -1) * factorial / pow(x0, Double(k)), 1e-12))
        }
    }

    @Test func highOrderDerivativesDoNotOverflowTheFactorial() {
        // x^180 / 180! has 180th derivative 1; 180! alone would be infinite.
        var coefficients = [Double](repeating: 0, count: 181)
        coefficients[180] = 1
        var expected = 1.0
        for i in 2...180 { expected *= Double(i) }  // inf
        #expect(expected == .infinity)
        #expect(Jet(coefficients: coefficients).derivative(180) == .infinity)
        coefficients[180] = 1e-300
        #expect(Jet(coefficients: coefficients).derivative(180).isFinite)
        // The 100th derivative of x^100 is 100!.
        let x = Jet.variable(1.5, order: 100)
        var factorial = 1.0
        for i in 2...100 { factorial *= Double(i) }
        #expect(close(Jet.pow(x, 100).derivative(100), factorial, 1e-12))
    }

    @Test func powAtZeroWithWholeExponentIsExact() {
        let p = Jet.pow(Jet.variable(0, order: 3), 2)
        #expect(p.coefficients == [0, 0, 1, 0])
        let q = Jet.pow(Jet.variable(0, order: 3), 3)
        #expect(q.derivative(3) == 6)
        #expect(Jet.pow(Jet.variable(5, order: 2), 0).coefficients == [1])
    }

    @Test func fractionalPowerAtZero() {
        let p = Jet.pow(Jet.variable(0, order: 3), 1.5)
        #expect(p.value == 0 && p.derivative(1) == 0)
        #expect(p.derivative(2).isNaN && p.derivative(3).isNaN)
        // u = x² starts at h², so u^1.25 behaves like h^2.5: orders 1 and 2 are 0, order 3 is NaN.
        let q = Jet.pow(Jet.variable(0, order: 3) * Jet.variable(0, order: 3), 1.25)
        #expect(q.derivative(1) == 0 && q.derivative(2) == 0 && q.derivative(3).isNaN)
        #expect(Jet.pow(Jet.variable(0, order: 1), -0.5).value == .infinity)
        #expect(Jet.pow(Jet.variable(0, order: 1), -0.5).derivative(1).isNaN)
        #expect(Jet.pow(Jet(value: 0, tail: [0, 0]), 2.5).coefficients == [0, 0, 0])
    }

    @Test func outsideTheDomainGivesNaN() {
        #expect(Jet.log(Jet.variable(-1, order: 2)).value.isNaN)
        #expect(Jet.sqrt(Jet.variable(-1, order: 1)).value.isNaN)
        #expect(Jet.asin(Jet.variable(2, order: 1)).derivative(1).isNaN)
        #expect(Jet.log(Jet.variable(0, order: 1)).value == -.infinity)
    }

    @Test func selectionFunctions() {
        let a = Jet.variable(1, order: 1), b = Jet(2)
        #expect(Jet.min(a, b).derivative(1) == 1)
        #expect(Jet.max(a, b).derivative(1) == 0)
        #expect(Jet.clamp(a, Jet(0), Jet(3)).derivative(1) == 1)
        #expect(Jet.clamp(Jet.variable(3, order: 1), Jet(0), Jet(3)).derivative(1) == 0)
        #expect(Jet.clamp(Jet.variable(-1, order: 1), Jet(0), Jet(3)).value == 0)
        #expect(Jet.min(Jet(.nan), b).value.isNaN && Jet.max(b, Jet(.nan)).value.isNaN)
        #expect(Jet.abs(Jet.variable(0, order: 1)).derivative(1) == 0)
        #expect(Jet.abs(Jet.variable(-2, order: 1)).derivative(1) == -1)
    }

    @Test func descriptionListsCoefficients() {
        #expect(Jet.variable(3, order: 2).description == "Jet(3, 1, 0)")
    }
}

struct JetConvenienceTests {
    @Test func derivativesOfAFunction() {
        let d = Jet.derivatives(of: { Jet.sin($0) * $0 }, at: 0, order: 2)
        #expect(d == [0, 0, 2])
        #expect(Jet.derivatives(of: { $0 * $0 }, at: 3, order: -1) == [9])
        // A function that ignores its argument has zero derivatives.
        #expect(Jet.derivatives(of: { _ in Jet(4) }, at: 1, order: 3) == [4, 0, 0, 0])
    }

    @Test func derivativesPropagateErrors() {
        struct Stop: Error {}
        #expect(throws: Stop.self) { try Jet.derivatives(of: { _ in throw Stop() }, at: 0, order: 1) }
    }
}
