/// softmax(x)ᵢ = e^{xᵢ − m} / Σⱼ e^{xⱼ − m}, m = max x: the one vector-valued activation.
///
/// Subtracting the maximum keeps every exponent ≤ 0, so nothing overflows. An empty vector gives an
/// empty vector; a NaN entry, or a maximum of ±∞, gives all NaN (the distribution is undefined).
public enum Softmax {
    /// The softmax of `v`, on any scalar (a ``Jet`` per entry gives derivatives along one direction).
    public static func apply<T: DifferentiableScalar>(_ v: [T]) -> [T] {
        guard let m = v.map(\.value).max() else { return [] }
        if !m.isFinite || v.contains(where: { $0.value.isNaN }) {
            return [T](repeating: T(.nan), count: v.count)
        }
        let e = v.map { T.exp($0 - T(m)) }
        var sum = T(0)
        for x in e { sum = sum + x }
        return e.map { $0 / sum }
    }

    /// J·t, the Jacobian of softmax at `v` applied to the tangent `t`: y ⊙ (t − ⟨y, t⟩), y = softmax(v).
    /// J is symmetric, so this is also the vector–Jacobian product (the backward pass).
    /// Extra entries of the longer argument are ignored.
    public static func jacobianVectorProduct(at v: [Double], _ t: [Double]) -> [Double] {
        let y = apply(v)
        let n = Swift.min(y.count, t.count)
        var dot = 0.0
        for i in 0..<n { dot += y[i] * t[i] }
        return (0..<n).map { y[$0] * (t[$0] - dot) }
    }

    /// Softmax of each row of a row-major batch (rows of `rowLength`; a trailing partial row and
    /// extra output are left alone). Non-finite rows become NaN, as in ``apply(_:)``. In place is allowed.
    public static func forwardRows(
        _ input: UnsafeBufferPointer<Float>, _ output: UnsafeMutableBufferPointer<Float>,
        rowLength: Int
    ) {
        guard rowLength > 0, let x = input.baseAddress, let y = output.baseAddress else { return }
        let rows = Swift.min(input.count, output.count) / rowLength
        for r in 0..<rows {
            forwardRow(x + r &* rowLength, y + r &* rowLength, rowLength)
        }
    }

    /// The backward pass of ``forwardRows(_:_:rowLength:)`` from its output:
    /// gradient = y ⊙ (upstream − ⟨y, upstream⟩) per row. `gradient` may alias `upstream`.
    public static func backwardRows(
        output: UnsafeBufferPointer<Float>, upstream: UnsafeBufferPointer<Float>,
        into gradient: UnsafeMutableBufferPointer<Float>, rowLength: Int
    ) {
        guard rowLength > 0, let y = output.baseAddress, let g = upstream.baseAddress,
            let d = gradient.baseAddress
        else { return }
        let rows = Swift.min(output.count, upstream.count, gradient.count) / rowLength
        for r in 0..<rows {
            backwardRow(y + r &* rowLength, g + r &* rowLength, d + r &* rowLength, rowLength)
        }
    }

    static func forwardRow(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int) {
        var m = -Float.infinity
        var hasNaN = false
        for i in 0..<n {
            let v = x[i]
            hasNaN = hasNaN || v.isNaN
            m = v > m ? v : m
        }
        if hasNaN || !m.isFinite {
            for i in 0..<n { y[i] = .nan }
            return
        }
        var sum: Float = 0
        for i in 0..<n {
            let e = Float.exp(x[i] - m)
            y[i] = e
            sum += e
        }
        let inverse = 1 / sum
        for i in 0..<n { y[i] *= inverse }
    }

    static func backwardRow(
        _ y: UnsafePointer<Float>, _ g: UnsafePointer<Float>, _ d: UnsafeMutablePointer<Float>,
        _ n: Int
    ) {
        var dot: Float = 0
        for i in 0..<n { dot += y[i] * g[i] }
        for i in 0..<n { d[i] = y[i] * (g[i] - dot) }
    }
}
