import Foundation
import NeuriteNumerics
@testable import NeuriteEngine

/// An independent Double implementation of the forward pass and losses, used as the reference for
/// central finite differences. It reads the network's current parameters (as Doubles) and is
/// evaluated at exactly those values, so differences come only from the engine's Float arithmetic.
struct ReferenceNetwork {
    enum Stage {
        case dense(weights: [Double], bias: [Double], inputs: Int, outputs: Int)
        case activation(ActivationFunction)
        case softmax
    }
    var stages: [Stage]

    init(_ network: Network) {
        stages = network.layers.map { layer in
            if let dense = layer as? DenseLayer {
                return .dense(
                    weights: dense.weights.value.values.map(Double.init), bias: dense.bias.value.values.map(Double.init),
                    inputs: dense.inputWidth, outputs: dense.outputWidth)
            }
            if let activation = layer as? ActivationLayer { return .activation(activation.function) }
            return .softmax
        }
    }

    /// The flat list of parameters, in the engine's order (per dense layer: weights, then bias).
    var parameters: [Double] {
        get {
            stages.flatMap { stage -> [Double] in
                if case let .dense(w, b, _, _) = stage { return w + b }
                return []
            }
        }
        set {
            var offset = 0
            for i in stages.indices {
                if case let .dense(w, b, n, m) = stages[i] {
                    let newW = Array(newValue[offset..<(offset + w.count)])
                    offset += w.count
                    let newB = Array(newValue[offset..<(offset + b.count)])
                    offset += b.count
                    stages[i] = .dense(weights: newW, bias: newB, inputs: n, outputs: m)
                }
            }
        }
    }

    /// Outputs for each input row, running stages `0..<end`.
    func forward(_ rows: [[Double]], through end: Int? = nil) -> [[Double]] {
        rows.map { row in
            var x = row
            for stage in stages.prefix(end ?? stages.count) {
                switch stage {
                case let .dense(w, b, n, m):
                    var y = b
                    for j in 0..<m {
                        for i in 0..<n { y[j] += x[i] * w[i * m + j] }
                    }
                    x = y
                case .activation(let f):
                    x = x.map(f.value)
                case .softmax:
                    x = ReferenceLoss.softmax(x)
                }
            }
            return x
        }
    }
}

/// Double reference losses, written from their definitions.
enum ReferenceLoss {
    static func softmax(_ z: [Double]) -> [Double] {
        let top = z.max() ?? 0
        let e = z.map { Foundation.exp($0 - top) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }

    /// The mean loss; for softmax CE the targets are one class index per row.
    static func value(_ loss: Loss, outputs: [[Double]], targets: [[Double]]) -> Double {
        let flatOut = outputs.flatMap { $0 }, flatTarget = targets.flatMap { $0 }
        switch loss {
        case .meanSquaredError:
            return zip(flatOut, flatTarget).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / Double(flatOut.count)
        case .meanAbsoluteError:
            return zip(flatOut, flatTarget).map { Swift.abs($0 - $1) }.reduce(0, +) / Double(flatOut.count)
        case .huber(let delta):
            return zip(flatOut, flatTarget).map { o, t in
                let a = Swift.abs(o - t)
                return a <= delta ? 0.5 * a * a : delta * (a - 0.5 * delta)
            }.reduce(0, +) / Double(flatOut.count)
        case .binaryCrossEntropy:
            // From probabilities p = σ(z): −[t log p + (1 − t) log(1 − p)].
            return zip(flatOut, flatTarget).map { z, t in
                let p = 1 / (1 + Foundation.exp(-z))
                return -(t * Foundation.log(p) + (1 - t) * Foundation.log(1 - p))
            }.reduce(0, +) / Double(flatOut.count)
        case .softmaxCrossEntropy:
            return zip(outputs, targets).map { z, t in -Foundation.log(softmax(z)[Int(t[0])]) }.reduce(0, +)
                / Double(outputs.count)
        }
    }
}

/// Central finite differences of `f` at `x` with step `h`.
func centralDifferences(_ x: [Double], h: Double = 1e-5, _ f: ([Double]) -> Double) -> [Double] {
    var point = x
    return x.indices.map { i in
        point[i] = x[i] + h
        let up = f(point)
        point[i] = x[i] - h
        let down = f(point)
        point[i] = x[i]
        return (up - down) / (2 * h)
    }
}

/// Whether `actual` matches `expected` within |a − e| ≤ absolute + relative·|e| everywhere;
/// returns the first mismatch for the message.
func firstMismatch(_ actual: [Double], _ expected: [Double], absolute: Double, relative: Double) -> String? {
    guard actual.count == expected.count else { return "count \(actual.count) vs \(expected.count)" }
    for i in actual.indices where !(Swift.abs(actual[i] - expected[i]) <= absolute + relative * Swift.abs(expected[i])) {
        return "index \(i): analytic \(actual[i]) vs numeric \(expected[i])"
    }
    return nil
}

/// Seeded uniform values in [low, high), avoiding `kinks` by at least `margin`.
func seededValues(_ count: Int, seed: UInt64, low: Double = -3, high: Double = 3, kinks: [Double] = [],
                  margin: Double = 0.02) -> [Double] {
    var generator = SeededGenerator(seed: seed)
    var values: [Double] = []
    while values.count < count {
        let v = generator.nextUniform(low, high)
        if kinks.allSatisfy({ Swift.abs(v - $0) > margin }) { values.append(v) }
    }
    return values
}

extension Tensor {
    /// A matrix from Double rows (test convenience).
    static func matrix(_ rows: [[Double]]) throws -> Tensor {
        try Tensor(rows: rows.map { $0.map(Float.init) })
    }

    /// Rows as Doubles.
    var doubleRows: [[Double]] {
        (0..<rows).map { r in (0..<columns).map { Double(self[r, $0]) } }
    }
}
