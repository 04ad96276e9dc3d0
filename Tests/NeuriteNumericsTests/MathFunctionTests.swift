import Foundation
import Testing
@testable import NeuriteNumerics

struct MathFunctionTests {
    static func domain(_ f: MathFunction) -> ClosedRange<Double> {
        switch f {
        case .log, .log2, .log10, .sqrt: 0.1...6
        case .asin, .acos: -0.9...0.9
        case .tan: -1.3...1.3
        default: -3...3
        }
    }

    static let smooth = MathFunction.allCases.filter { ![.sign, .floor, .ceil, .round].contains($0) }

    @Test(arguments: smooth)
    func jetDerivativesMatchFiniteDifferences(_ f: MathFunction) {
        for x in randomPoints(50, in: Self.domain(f), avoiding: [0], margin: 0.05, seed: 0xF00 &+ UInt64(f.name.count)) {
            let jet = f.apply(Jet.variable(x, order: 2))
            #expect(close(jet.value, f.apply(x), 1e-15))
            let first = centralDifference(f.apply, at: x)
            #expect(close(jet.derivative(1), first, 1e-6), "\(f)'(\(x)): \(jet.derivative(1)) vs \(first)")
            let second = centralDifference({ f.apply(Jet.variable($0, order: 1)).derivative(1) }, at: x)
            #expect(close(jet.derivative(2), second, 1e-6), "\(f)''(\(x)): \(jet.derivative(2)) vs \(second)")
        }
    }

    @Test(arguments: MathFunction.allCases)
    func closedFormDerivativeMatchesJet(_ f: MathFunction) {
        for x in randomPoints(50, in: Self.domain(f), avoiding: [0, 0.5, -0.5, 1, -1, 2, -2, 3, -3], margin: 0.01, seed: 0xD0 &+ UInt64(f.name.count)) {
            let jet = f.apply(Jet.variable(x, order: 1)).derivative(1)
            #expect(close(f.derivative(x), jet, 1e-13), "\(f)'(\(x)): \(f.derivative(x)) vs jet \(jet)")
        }
        #expect(f.derivative(.nan).isNaN)
    }

    @Test func closedFormDerivativesAtSpecialPoints() {
        #expect(MathFunction.abs.derivative(0) == 0)
        #expect(MathFunction.log.derivative(-1).isNaN)
        #expect(MathFunction.log.derivative(0) == .infinity)
        #expect(MathFunction.sqrt.derivative(0) == .infinity)
        #expect(MathFunction.asin.derivative(2).isNaN)
        #expect(MathFunction.tanh.derivative(40) > 0)  // not 1 - 1² = 0
        #expect(MathFunction.floor.derivative(2) == 0)
    }

    @Test(arguments: [MathFunction.sign, .floor, .ceil, .round])
    func piecewiseConstantHaveZeroDerivatives(_ f: MathFunction) {
        for x in [-2.5, -1, 0, 0.3, 0.5, 2.7] {
            let jet = f.apply(Jet.variable(x, order: 2))
            #expect(jet.value == f.apply(x))
            #expect(jet.derivative(1) == 0 && jet.derivative(2) == 0)
        }
    }

    /// (function, x, f(x)).
    static let values: [(MathFunction, Double, Double)] = [
        (.exp, 0, 1), (.log, 1, 0), (.log, 0, -.infinity), (.log, -1, .nan), (.log2, 8, 3),
        (.log10, 1000, 3), (.sqrt, 4, 2), (.sqrt, -1, .nan), (.abs, -3, 3), (.sign, -2.5, -1),
        (.sign, 0, 0), (.sign, -0.0, 0), (.sign, 7, 1), (.sign, .nan, .nan), (.sin, 0, 0), (.cos, 0, 1),
        (.atan, .infinity, Double.pi / 2), (.asin, 2, .nan), (.tanh, -.infinity, -1), (.erf, 0, 0),
        (.erfc, 0, 1), (.erf, .infinity, 1), (.floor, -2.5, -3), (.ceil, 2.1, 3), (.round, 2.5, 3),
        (.round, -2.5, -3), (.round, 0.49999999999999994, 0), (.cosh, 0, 1), (.sinh, 0, 0),
    ]

    @Test(arguments: values)
    func valuesAtSpecialPoints(_ f: MathFunction, _ x: Double, _ expected: Double) {
        #expect(same(f.apply(x), expected), "\(f)(\(x)) = \(f.apply(x))")
        #expect(same(f.apply(Jet(x)).value, expected))
    }

    @Test(arguments: MathFunction.allCases)
    func helpTextIsPresent(_ f: MathFunction) {
        #expect(!f.summary.isEmpty)
        #expect(f.example.hasPrefix(f.name + "("))
        #expect(MathFunction.named(f.name) == f)
    }

    @Test func multiArgumentFunctions() {
        typealias M = MultiArgumentFunction
        #expect(M.pow.apply([2, 10]) == 1024)
        #expect(M.pow.apply([-8, 1.0 / 3]).isNaN)
        #expect(M.min.apply([3, -1]) == -1 && M.max.apply([3, -1]) == 3)
        #expect(M.min.apply([.nan, 1]).isNaN && M.max.apply([1, .nan]).isNaN)
        #expect(M.atan2.apply([1, -1]) == 3 * Double.pi / 4)
        #expect(M.clamp.apply([7, 0, 6]) == 6 && M.clamp.apply([-7, 0, 6]) == 0 && M.clamp.apply([2, 0, 6]) == 2)
        #expect(M.clamp.apply([.nan, 0, 6]).isNaN)
        #expect(M.pow.apply([1]).isNaN)
        #expect(M.clamp.apply([Jet(1)]).value.isNaN)
        for f in M.allCases {
            #expect(M.named(f.name) == f)
            #expect(f.signature.hasPrefix(f.name + "(") && f.example.hasPrefix(f.name + "("))
            #expect(f.arity == (f == .clamp ? 3 : 2))
        }
    }

    @Test func multiArgumentJetsMatchFiniteDifferences() {
        typealias M = MultiArgumentFunction
        for x in randomPoints(30, in: 0.5...3, seed: 77) {
            let y = 1.7
            // d/dx pow(x, y), d/dy pow(x, y) and d/dx atan2(y, x) by jets, against differences.
            let dx = M.pow.apply([Jet.variable(x, order: 2), Jet(y)])
            #expect(close(dx.derivative(1), centralDifference({ M.pow.apply([$0, y]) }, at: x), 1e-6))
            #expect(close(dx.derivative(2), centralDifference({ M.pow.apply([Jet.variable($0, order: 1), Jet(y)]).derivative(1) }, at: x), 1e-6))
            let dy = M.pow.apply([Jet(y), Jet.variable(x, order: 1)])
            #expect(close(dy.derivative(1), centralDifference({ M.pow.apply([y, $0]) }, at: x), 1e-6))
            let angle = M.atan2.apply([Jet(y), Jet.variable(x, order: 2)])
            #expect(close(angle.derivative(1), centralDifference({ M.atan2.apply([y, $0]) }, at: x), 1e-6))
            #expect(close(angle.derivative(2), centralDifference({ M.atan2.apply([Jet(y), Jet.variable($0, order: 1)]).derivative(1) }, at: x), 1e-6))
        }
    }
}
