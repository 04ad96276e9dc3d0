import Testing
@testable import NeuriteNumerics

/// Float result within `relative` of the Double reference (and 1e-30 absolute, for Float underflow).
func closeFloat(_ got: Float, _ want: Double, relative: Double = 1e-6, absolute: Double = 1e-30) -> Bool {
    let g = Double(got)
    if g.isNaN || want.isNaN { return g.isNaN && want.isNaN }
    if g.isInfinite || want.isInfinite { return g == Double(Float(want)) }
    return abs(g - want) <= relative * abs(want) + absolute
}

struct ActivationKernelTests {
    static let elementwise = Activation.allCases.filter(\.isElementwise)

    /// Seeded inputs in [−12, 12] plus the kinks and a few large values, as Floats.
    static let inputs: [Float] = {
        var rng = SeededGenerator(seed: 0xF10A7)
        let random = (0..<997).map { _ in Float.random(in: -12...12, using: &rng) }
        return random + [0, 6, -3, 3, -1, 1, 50, -50, 1e4, -1e4, .infinity, -.infinity]
    }()

    static func run(_ a: Activation, _ x: [Float]) -> (y: [Float], dx: [Float], g: [Float]) {
        var rng = SeededGenerator(seed: 0x6AD)
        let g = x.map { _ in Float.random(in: -2...2, using: &rng) }
        var y = [Float](repeating: .nan, count: x.count)
        var dx = y
        x.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { a.forward(xp, $0) }
            y.withUnsafeBufferPointer { yp in
                g.withUnsafeBufferPointer { gp in
                    dx.withUnsafeMutableBufferPointer {
                        a.backward(input: xp, output: yp, upstream: gp, into: $0)
                    }
                }
            }
        }
        return (y, dx, g)
    }

    @Test(arguments: elementwise)
    func forwardMatchesDoubleReference(_ a: Activation) {
        let (y, _, _) = Self.run(a, Self.inputs)
        for (x, got) in zip(Self.inputs, y) {
            let want = a.value(Double(x))
            #expect(closeFloat(got, want), "\(a)(\(x)): Float \(got), Double \(want)")
        }
    }

    @Test(arguments: elementwise)
    func backwardMatchesDoubleReference(_ a: Activation) {
        let (_, dx, g) = Self.run(a, Self.inputs)
        for i in Self.inputs.indices {
            let want = Double(g[i]) * a.derivative(Double(Self.inputs[i]))
            // Derivatives that cross zero (silu, gelu, mish) cancel there: allow 1e-7 absolute.
            #expect(closeFloat(dx[i], want, absolute: 1e-7), "\(a)'(\(Self.inputs[i])): Float \(dx[i]), Double \(want)")
        }
    }

    @Test(arguments: elementwise)
    func nanInputGivesNaNOutput(_ a: Activation) {
        let (y, _, _) = Self.run(a, [.nan, 1])
        #expect(y[0].isNaN)
        #expect(!y[1].isNaN)
    }

    @Test(arguments: Activation.allCases)
    func inPlaceMatchesOutOfPlace(_ a: Activation) {
        let x = Array(Self.inputs.prefix(64))
        let (y, dx, g) = Self.run(a, x)
        var buffer = x
        buffer.withUnsafeMutableBufferPointer { a.forward(UnsafeBufferPointer($0), $0) }
        #expect(zip(buffer, y).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
        var gradient = g
        x.withUnsafeBufferPointer { xp in
            y.withUnsafeBufferPointer { yp in
                gradient.withUnsafeMutableBufferPointer {
                    a.backward(input: xp, output: yp, upstream: UnsafeBufferPointer($0), into: $0)
                }
            }
        }
        #expect(zip(gradient, dx).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
    }

    @Test func shorterOutputIsNotOverrun() {
        let x: [Float] = [1, -2, 3, -4]
        var y: [Float] = [9, 9]
        x.withUnsafeBufferPointer { xp in y.withUnsafeMutableBufferPointer { Activation.relu.forward(xp, $0) } }
        #expect(y == [1, 0])
        let empty: [Float] = []
        var out: [Float] = []
        empty.withUnsafeBufferPointer { xp in out.withUnsafeMutableBufferPointer { Activation.tanh.forward(xp, $0) } }
        #expect(out.isEmpty)
    }

    @Test func applyVector() {
        #expect(Activation.relu.applyVector([-1, 2]) == [0, 2])
        let s = Activation.softmax.applyVector([0, 0])
        #expect(s == [0.5, 0.5])
    }
}
