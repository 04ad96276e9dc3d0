#if canImport(Glibc)
import Glibc
#endif

/// A loss function over a batch, averaged so that its value does not grow with the batch size.
///
/// Conventions: MSE, MAE and Huber average over every output value. Binary cross-entropy takes
/// **logits** (it is computed stably as max(z,0) − z·t + log(1 + e^−|z|)) and averages over every
/// output value; softmax cross-entropy takes logits and class indices (one per row) and averages over
/// rows. When the network ends in sigmoid (BCE) or softmax (softmax CE), the trainer feeds the loss
/// the input of that last layer, so the pair is fused and stable.
public enum Loss: Sendable, Equatable {
    case meanSquaredError
    case meanAbsoluteError
    /// Quadratic within `delta` of the target, linear beyond.
    case huber(delta: Double)
    case binaryCrossEntropy
    case softmaxCrossEntropy

    /// The name used in summaries.
    public var name: String {
        switch self {
        case .meanSquaredError: return "mse"
        case .meanAbsoluteError: return "mae"
        case .huber(let delta): return "huber(\(delta))"
        case .binaryCrossEntropy: return "bce"
        case .softmaxCrossEntropy: return "softmax_ce"
        }
    }

    /// Whether targets are class indices, one per row.
    public var usesClassIndices: Bool { self == .softmaxCrossEntropy }

    /// The loss of `rows` output rows against their targets, and (when `gradient` is given) its
    /// gradient with respect to the outputs. `targets` holds rows × width values, or one class index
    /// per row for softmax cross-entropy.
    public func evaluate(
        outputs: UnsafePointer<Float>, targets: UnsafePointer<Float>, rows: Int, width: Int,
        gradient: UnsafeMutablePointer<Float>?
    ) -> Double {
        let count = rows &* width
        guard count > 0 else { return 0 }
        var total: Double = 0
        switch self {
        case .meanSquaredError:
            let scale = 2 / Float(count)
            var i = 0
            while i < count {
                let d = outputs[i] - targets[i]
                total += Double(d * d)
                gradient?[i] = scale * d
                i &+= 1
            }
            return total / Double(count)
        case .meanAbsoluteError:
            let scale = 1 / Float(count)
            var i = 0
            while i < count {
                let d = outputs[i] - targets[i]
                total += Double(Swift.abs(d))
                gradient?[i] = d > 0 ? scale : (d < 0 ? -scale : 0)
                i &+= 1
            }
            return total / Double(count)
        case .huber(let delta):
            let scale = 1 / Float(count), limit = Float(delta)
            var i = 0
            while i < count {
                let d = outputs[i] - targets[i]
                let a = Swift.abs(d)
                if a <= limit {
                    total += Double(0.5 * d * d)
                    gradient?[i] = scale * d
                } else {
                    total += Double(limit * (a - 0.5 * limit))
                    gradient?[i] = scale * (d > 0 ? limit : -limit)
                }
                i &+= 1
            }
            return total / Double(count)
        case .binaryCrossEntropy:
            let scale = 1 / Float(count)
            var i = 0
            while i < count {
                let z = outputs[i], t = targets[i]
                let e = expf(-Swift.abs(z))
                total += Double(Swift.max(z, 0) - z * t + log1pf(e))
                // sigmoid(z) from e = exp(−|z|), stable for both signs.
                let s = z >= 0 ? 1 / (1 + e) : e / (1 + e)
                gradient?[i] = scale * (s - t)
                i &+= 1
            }
            return total / Double(count)
        case .softmaxCrossEntropy:
            let scale = 1 / Float(rows)
            var r = 0
            while r < rows {
                let z = outputs + r &* width
                let label = Int(targets[r])
                var top = -Float.infinity
                var j = 0
                while j < width { top = Swift.max(top, z[j]); j &+= 1 }
                var sum: Float = 0
                j = 0
                while j < width { sum += expf(z[j] - top); j &+= 1 }
                let logSum = logf(sum) + top
                let labelLogit = label >= 0 && label < width ? z[label] : top
                total += Double(logSum - labelLogit)
                if let g = gradient.map({ $0 + r &* width }) {
                    let inverse = 1 / sum
                    j = 0
                    while j < width {
                        let p = expf(z[j] - top) * inverse
                        g[j] = scale * (p - (j == label ? 1 : 0))
                        j &+= 1
                    }
                }
                r &+= 1
            }
            return total / Double(rows)
        }
    }
}
