import Foundation
import NeuriteNumerics
import Testing
@testable import NeuriteEngine

/// The vectorised tanh, sigmoid and silu against the numerics table in Double.
@Suite struct FastKernelTests {
    static let sweep: [Float] = stride(from: -30.0, through: 30.0, by: 0.001).map { Float($0) }
        + [0, -0, 1e-30, -1e-30, 1e-6, 0.4999, 0.5, 0.5001, 87, -87, 88, -88, 100, -100, 1e10, -1e10]

    func worstError(_ f: Activation, relativeFloor: Double) -> (Double, Float) {
        let x = Self.sweep
        var y = [Float](repeating: 0, count: x.count)
        x.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { ActivationKernels.forward(f, xp.baseAddress!, $0.baseAddress!, count: x.count) }
        }
        var worst = 0.0, at: Float = 0
        for (input, output) in zip(x, y) {
            let expected = f.value(Double(input))
            let error = Swift.abs(Double(output) - expected) / Swift.max(Swift.abs(expected), relativeFloor)
            if error > worst { (worst, at) = (error, input) }
        }
        return (worst, at)
    }

    @Test func tanhIsWithinTwoUlp() {
        let (error, at) = worstError(.tanh, relativeFloor: 1e-30)
        #expect(error < 2.4e-7, "relative error \(error) at \(at)")
    }

    @Test func sigmoidAndSiluAreAccurate() {
        // Relative above 1e-30 for sigmoid (subnormal results are flushed to 0), absolute below 1 for silu.
        let (sigmoidError, sigmoidAt) = worstError(.sigmoid, relativeFloor: 1e-30)
        #expect(sigmoidError < 5e-7, "sigmoid relative error \(sigmoidError) at \(sigmoidAt)")
        let (siluError, siluAt) = worstError(.silu, relativeFloor: 1)
        #expect(siluError < 5e-7, "silu error \(siluError) at \(siluAt)")
    }

    @Test func specialValuesFollowTheTableConventions() {
        let x: [Float] = [.infinity, -.infinity, .nan, 0, -0.0]
        for f in [Activation.tanh, .sigmoid, .silu] {
            var y = [Float](repeating: 7, count: x.count)
            x.withUnsafeBufferPointer { xp in
                y.withUnsafeMutableBufferPointer { ActivationKernels.forward(f, xp.baseAddress!, $0.baseAddress!, count: x.count) }
            }
            for (input, output) in zip(x, y) {
                let expected = f.value(Double(input))
                if expected.isNaN {
                    #expect(output.isNaN, "\(f)(\(input)) = \(output)")
                } else {
                    #expect(Double(output) == expected, "\(f)(\(input)) = \(output), expected \(expected)")
                }
            }
        }
    }
}
