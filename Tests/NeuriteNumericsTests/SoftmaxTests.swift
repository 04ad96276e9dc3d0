import Foundation
import Testing
@testable import NeuriteNumerics

struct SoftmaxTests {
    static func randomVector(_ n: Int, seed: UInt64, scale: Double = 3) -> [Double] {
        var rng = SeededGenerator(seed: seed)
        return (0..<n).map { _ in Double.random(in: -scale...scale, using: &rng) }
    }

    @Test(arguments: [1, 2, 5, 17])
    func matchesNaiveFormulaAndSumsToOne(_ n: Int) {
        let v = Self.randomVector(n, seed: UInt64(n))
        let y = Softmax.apply(v)
        let e = v.map { Foundation.exp($0) }
        let total = e.reduce(0, +)
        for i in 0..<n { #expect(close(y[i], e[i] / total, 1e-14)) }
        #expect(close(y.reduce(0, +), 1, 1e-14))
    }

    @Test func stableForLargeEntries() {
        let y = Softmax.apply([1000.0, 1001, 999])
        let z = Softmax.apply([0.0, 1, -1])
        for i in 0..<3 { #expect(close(y[i], z[i], 1e-14)) }
        #expect(Softmax.apply([-1e308, 0]) == [0, 1])
    }

    @Test func specialInputs() {
        #expect(Softmax.apply([Double]()) == [])
        #expect(Softmax.apply([.nan, 1]).allSatisfy { $0.isNaN })
        #expect(Softmax.apply([.infinity, 1]).allSatisfy { $0.isNaN })
        #expect(Softmax.apply([-Double.infinity, 0]) == [0, 1])
    }

    @Test func jacobianVectorProductMatchesFiniteDifferences() {
        let v = Self.randomVector(6, seed: 11), t = Self.randomVector(6, seed: 12)
        let jvp = Softmax.jacobianVectorProduct(at: v, t)
        for i in 0..<6 {
            let numeric = centralDifference({ h in Softmax.apply(zip(v, t).map { $0 + h * $1 })[i] }, at: 0)
            #expect(close(jvp[i], numeric, 1e-8), "component \(i): \(jvp[i]) vs \(numeric)")
        }
    }

    @Test func jetsGiveTheSameDirectionalDerivative() {
        let v = Self.randomVector(5, seed: 21), t = Self.randomVector(5, seed: 22)
        let jets = zip(v, t).map { Jet(value: $0, tail: [$1]) }
        let y = Softmax.apply(jets)
        let jvp = Softmax.jacobianVectorProduct(at: v, t)
        for i in 0..<5 { #expect(close(y[i].derivative(1), jvp[i], 1e-13)) }
    }

    @Test func rowKernelsMatchDoubleReference() {
        let rows = 4, length = 7
        let v = Self.randomVector(rows * length, seed: 31, scale: 20)
        let g = Self.randomVector(rows * length, seed: 32)
        let x = v.map(Float.init), upstream = g.map(Float.init)
        var y = [Float](repeating: 0, count: x.count)
        var dx = y
        x.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { Softmax.forwardRows(xp, $0, rowLength: length) }
        }
        y.withUnsafeBufferPointer { yp in
            upstream.withUnsafeBufferPointer { gp in
                dx.withUnsafeMutableBufferPointer {
                    Softmax.backwardRows(output: yp, upstream: gp, into: $0, rowLength: length)
                }
            }
        }
        for r in 0..<rows {
            let slice = r * length..<(r + 1) * length
            let row = x[slice].map(Double.init)
            let want = Softmax.apply(row)
            let wantGrad = Softmax.jacobianVectorProduct(at: row, upstream[slice].map(Double.init))
            for (j, i) in slice.enumerated() {
                #expect(close(Double(y[i]), want[j], 1e-6))
                #expect(close(Double(dx[i]), wantGrad[j], 1e-6))
            }
        }
    }

    @Test func wholeBufferKernelViaActivation() {
        let x: [Float] = [1, 2, 3]
        var y = [Float](repeating: 0, count: 3)
        x.withUnsafeBufferPointer { xp in y.withUnsafeMutableBufferPointer { Activation.softmax.forward(xp, $0) } }
        let want = Softmax.apply([1.0, 2, 3])
        for i in 0..<3 { #expect(close(Double(y[i]), want[i], 1e-6)) }
    }
}
