/// How a weight or bias tensor is filled before training.
///
/// For a dense layer `fanIn` is its input width and `fanOut` its output width. The normal variants
/// are plain (untruncated) normals. Glorot: var = 2 / (fanIn + fanOut); He: var = 2 / fanIn;
/// LeCun: var = 1 / fanIn; a uniform variant with limit `a` has var = a² / 3.
public enum Initializer: Sendable, Equatable {
    case zeros
    case constant(Double)
    case uniform(low: Double, high: Double)
    case normal(mean: Double, standardDeviation: Double)
    case glorotUniform, glorotNormal
    case heUniform, heNormal
    case lecunUniform, lecunNormal
    /// A (semi-)orthogonal matrix times `gain`: WᵀW = gain²·I when fanIn ≥ fanOut, else WWᵀ = gain²·I.
    case orthogonal(gain: Double)
    /// A scheme's values times `gain` (its standard deviation or limit scaled): `he_normal(gain: 2)`.
    indirect case scaled(Initializer, gain: Double)

    /// The name used in summaries.
    public var name: String {
        switch self {
        case .zeros: return "zeros"
        case .constant(let c): return "constant(\(c))"
        case let .uniform(low, high): return "uniform(\(low), \(high))"
        case let .normal(mean, sd): return "normal(\(mean), \(sd))"
        case .glorotUniform: return "glorot_uniform"
        case .glorotNormal: return "glorot_normal"
        case .heUniform: return "he_uniform"
        case .heNormal: return "he_normal"
        case .lecunUniform: return "lecun_uniform"
        case .lecunNormal: return "lecun_normal"
        case .orthogonal(let gain): return "orthogonal(\(gain))"
        case let .scaled(base, gain): return "\(base.name)(gain: \(gain))"
        }
    }

    /// Fills `tensor` (fanIn × fanOut for a weight matrix, or a bias vector) using `generator`.
    public func fill(
        _ tensor: Tensor, fanIn: Int, fanOut: Int, generator: inout SeededGenerator
    ) throws {
        let n = tensor.count
        let p = tensor.storage
        func uniform(_ limit: Double) {
            for i in 0..<n { p[i] = Float(generator.nextUniform(-limit, limit)) }
        }
        func normal(_ mean: Double, _ sd: Double) {
            for i in 0..<n { p[i] = Float(generator.nextNormal(mean: mean, standardDeviation: sd)) }
        }
        let fi = Double(Swift.max(fanIn, 1)), fo = Double(Swift.max(fanOut, 1))
        switch self {
        case .zeros: p.update(repeating: 0, count: n)
        case .constant(let c): p.update(repeating: Float(c), count: n)
        case let .uniform(low, high):
            guard low <= high else {
                throw EngineError.invalidSetting(name: "uniform initializer", reason: "low \(low) > high \(high)")
            }
            for i in 0..<n { p[i] = Float(generator.nextUniform(low, high)) }
        case let .normal(mean, sd):
            guard sd >= 0 else {
                throw EngineError.invalidSetting(name: "normal initializer", reason: "negative standard deviation \(sd)")
            }
            normal(mean, sd)
        case .glorotUniform: uniform((6 / (fi + fo)).squareRoot())
        case .glorotNormal: normal(0, (2 / (fi + fo)).squareRoot())
        case .heUniform: uniform((6 / fi).squareRoot())
        case .heNormal: normal(0, (2 / fi).squareRoot())
        case .lecunUniform: uniform((3 / fi).squareRoot())
        case .lecunNormal: normal(0, (1 / fi).squareRoot())
        case .orthogonal(let gain):
            let rows = tensor.shape.count == 2 ? tensor.shape[0] : 1
            let columns = tensor.shape.count == 2 ? tensor.shape[1] : n
            Initializer.orthogonal(into: p, rows: rows, columns: columns, gain: gain, generator: &generator)
        case let .scaled(base, gain):
            guard gain.isFinite, gain > 0 else {
                throw EngineError.invalidSetting(name: "initializer gain", reason: "\(gain) is not a finite number above 0")
            }
            try base.fill(tensor, fanIn: fanIn, fanOut: fanOut, generator: &generator)
            let g = Float(gain)
            for i in 0..<n { p[i] *= g }
        }
    }

    /// Gram–Schmidt (twice, for stability) in Double on the shorter side of a normal matrix.
    private static func orthogonal(
        into p: UnsafeMutablePointer<Float>, rows: Int, columns: Int, gain: Double,
        generator: inout SeededGenerator
    ) {
        // Work on `vectors` orthonormal vectors of `length` values each.
        let tall = rows >= columns
        let vectors = tall ? columns : rows, length = tall ? rows : columns
        var basis = [Double](repeating: 0, count: vectors * length)
        for i in basis.indices { basis[i] = generator.nextNormal() }
        for v in 0..<vectors {
            for _ in 0..<2 {
                for u in 0..<v {
                    var dot = 0.0
                    for i in 0..<length { dot += basis[v * length + i] * basis[u * length + i] }
                    for i in 0..<length { basis[v * length + i] -= dot * basis[u * length + i] }
                }
            }
            var norm = 0.0
            for i in 0..<length { norm += basis[v * length + i] * basis[v * length + i] }
            norm = norm.squareRoot()
            for i in 0..<length { basis[v * length + i] /= norm > 0 ? norm : 1 }
        }
        for r in 0..<rows {
            for c in 0..<columns {
                let value = tall ? basis[c * length + r] : basis[r * length + c]
                p[r * columns + c] = Float(gain * value)
            }
        }
    }
}
