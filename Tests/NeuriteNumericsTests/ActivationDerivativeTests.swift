import Testing
@testable import NeuriteNumerics

struct ActivationDerivativeTests {
    /// Every kink of every activation; random points keep away from them.
    static let kinks: [Double] = [-3, -1, 0, 1, 3, 6]
    static let elementwise = Activation.allCases.filter(\.isElementwise)

    static func points(_ a: Activation) -> [Double] {
        randomPoints(200, in: -8...8, avoiding: kinks, seed: 0xAC71 &+ UInt64(a.name.count))
            + randomPoints(20, in: -40...40, avoiding: kinks, seed: 0x5EED)
    }

    @Test(arguments: elementwise)
    func closedFormMatchesJet(_ a: Activation) {
        for x in Self.points(a) {
            let jet = a.apply(Jet.variable(x, order: 1)).derivative(1)
            #expect(close(a.derivative(x), jet, 1e-11), "\(a)'(\(x)): closed \(a.derivative(x)), jet \(jet)")
        }
    }

    @Test(arguments: elementwise)
    func closedFormMatchesFiniteDifferences(_ a: Activation) {
        for x in Self.points(a) {
            let numeric = centralDifference(a.value, at: x)
            #expect(close(a.derivative(x), numeric, 1e-6), "\(a)'(\(x)): \(a.derivative(x)) vs \(numeric)")
        }
    }

    @Test(arguments: elementwise)
    func secondDerivativeByJetMatchesFiniteDifferencesOfDerivative(_ a: Activation) {
        for x in Self.points(a) {
            let jet = a.apply(Jet.variable(x, order: 2)).derivative(2)
            let numeric = centralDifference(a.derivative, at: x)
            #expect(close(jet, numeric, 1e-6), "\(a)''(\(x)): jet \(jet) vs \(numeric)")
        }
    }

    @Test(arguments: elementwise)
    func thirdDerivativeByJetMatchesFiniteDifferencesOfSecond(_ a: Activation) {
        for x in Self.points(a).prefix(40) {
            let third = a.apply(Jet.variable(x, order: 3)).derivative(3)
            let numeric = centralDifference({ a.apply(Jet.variable($0, order: 2)).derivative(2) }, at: x)
            #expect(close(third, numeric, 1e-5), "\(a)'''(\(x)): jet \(third) vs \(numeric)")
        }
    }

    /// (activation, x, f'(x)) at kinks: the stated conventions.
    static let conventions: [(Activation, Double, Double)] = [
        (.relu, 0, 0), (.leakyReLU, 0, 0.01), (.relu6, 0, 0), (.relu6, 6, 0),
        (.elu, 0, 1), (.celu, 0, 1),
        (.selu, 0, ActivationConstants.seluLambda * ActivationConstants.seluAlpha),
        (.hardSigmoid, -3, 0), (.hardSigmoid, 3, 0), (.hardSigmoid, 0, 1.0 / 6),
        (.hardTanh, -1, 0), (.hardTanh, 1, 0), (.hardTanh, 0, 1),
        (.softsign, 0, 1), (.sigmoid, 0, 0.25), (.tanh, 0, 1), (.gelu, 0, 0.5), (.geluTanh, 0, 0.5),
        (.silu, 0, 0.5), (.softplus, 0, 0.5), (.linear, 0, 1), (.softmax, 0, 0),
    ]

    @Test(arguments: conventions)
    func derivativeConventionsAtKinks(_ a: Activation, _ x: Double, _ expected: Double) {
        #expect(close(a.derivative(x), expected, 1e-15), "closed form \(a)'(\(x)) = \(a.derivative(x))")
        let jet = a.apply(Jet.variable(x, order: 1)).derivative(1)
        #expect(close(jet, expected, 1e-15), "jet \(a)'(\(x)) = \(jet)")
    }

    /// Far from 0 the jet keeps the relative accuracy of the closed form (softsign's quotient rule
    /// cancels there and is left out).
    @Test(arguments: elementwise.filter { $0 != .softsign })
    func jetMatchesClosedFormFarOut(_ a: Activation) {
        for x in [-700.0, -100, -30, 30, 100, 700] {
            let jet = a.apply(Jet.variable(x, order: 1)).derivative(1)
            let closed = a.derivative(x)
            #expect(abs(jet - closed) <= 1e-12 * abs(closed), "\(a)'(\(x)): jet \(jet), closed form \(closed)")
        }
    }

    /// (activation, f'(+∞), f'(−∞)).
    static let limits: [(Activation, Double, Double)] = [
        (.relu, 1, 0), (.leakyReLU, 1, 0.01), (.relu6, 0, 0), (.elu, 1, 0),
        (.selu, ActivationConstants.seluLambda, 0), (.celu, 1, 0), (.gelu, 1, 0), (.geluTanh, 1, 0),
        (.silu, 1, 0), (.mish, 1, 0), (.softplus, 1, 0), (.softsign, 0, 0), (.sigmoid, 0, 0),
        (.hardSigmoid, 0, 0), (.tanh, 0, 0), (.hardTanh, 0, 0), (.linear, 1, 1), (.softmax, 0, 0),
    ]

    @Test func limitsTableCoversEveryActivation() {
        #expect(Set(Self.limits.map(\.0)) == Set(Activation.allCases))
    }

    @Test(arguments: limits)
    func derivativeLimitsAtInfinity(_ a: Activation, _ plus: Double, _ minus: Double) {
        #expect(a.derivative(.infinity) == plus, "\(a)'(inf) = \(a.derivative(.infinity))")
        #expect(a.derivative(-.infinity) == minus, "\(a)'(-inf) = \(a.derivative(-.infinity))")
        // The jet (what `gelu'(inf)` in the language uses) gives the same limits.
        let jetPlus = a.apply(Jet.variable(.infinity, order: 1)).derivative(1)
        let jetMinus = a.apply(Jet.variable(-.infinity, order: 1)).derivative(1)
        #expect(jetPlus == plus, "jet \(a)'(inf) = \(jetPlus)")
        #expect(jetMinus == minus, "jet \(a)'(-inf) = \(jetMinus)")
        // Finite but large: no overflow or NaN (softsign' decays only like 1/x², hence 1e-5).
        #expect(close(a.derivative(1000), plus, 1e-5), "\(a)'(1000) = \(a.derivative(1000))")
        #expect(close(a.derivative(-1000), minus, 1e-5), "\(a)'(-1000) = \(a.derivative(-1000))")
    }
}
