// Elementary functions on jets, by the standard Taylor recurrences. A constant jet takes a fast path.
// Where a function has a simple derivative g', w = g(u) is built as the antiderivative of g'(u)·u',
// with g'(u) evaluated one order lower; that is exact at every order.

extension Jet: DifferentiableScalar {
    /// e^u: w₀ = e^{u₀}, w_k = (1/k) Σ_{j=1..k} j·u_j·w_{k−j}.
    public static func exp(_ u: Jet) -> Jet {
        if u.isConstant { return Jet(LibM.exp_(u.value)) }
        let n = u.order, a = u.padded(to: n)
        var w = [Double](repeating: 0, count: n + 1)
        w[0] = LibM.exp_(a[0])
        for k in 1...n {
            var sum = 0.0
            for j in 1...k { sum += Double(j) * a[j] * w[k - j] }
            w[k] = sum / Double(k)
        }
        return Jet(coefficients: w)
    }

    /// e^u − 1 (the value by `expm1`, accurate near 0).
    public static func expm1(_ u: Jet) -> Jet {
        if u.isConstant { return Jet(LibM.expm1_(u.value)) }
        var w = exp(u)
        w.value = LibM.expm1_(u.value)
        return w
    }

    /// log u: w_k = (u_k − (1/k) Σ_{j=1..k−1} j·w_j·u_{k−j}) / u₀. NaN for u₀ < 0, −∞ at 0.
    public static func log(_ u: Jet) -> Jet {
        if u.isConstant { return Jet(LibM.log_(u.value)) }
        return logarithm(of: u, shift: 0, value: LibM.log_(u.value))
    }

    /// log(1 + u), the value by `log1p`.
    public static func log1p(_ u: Jet) -> Jet {
        if u.isConstant { return Jet(LibM.log1p_(u.value)) }
        return logarithm(of: u, shift: 1, value: LibM.log1p_(u.value))
    }

    /// log(shift + u) with a given value.
    private static func logarithm(of u: Jet, shift: Double, value: Double) -> Jet {
        let n = u.order
        var a = u.padded(to: n)
        a[0] += shift
        var w = [Double](repeating: 0, count: n + 1)
        w[0] = value
        for k in 1...n {
            var sum = 0.0
            if k > 1 { for j in 1..<k { sum += Double(j) * w[j] * a[k - j] } }
            w[k] = (a[k] - sum / Double(k)) / a[0]
        }
        return Jet(coefficients: w)
    }

    /// √u: w_k = (u_k − Σ_{j=1..k−1} w_j·w_{k−j}) / (2w₀). NaN below 0; derivatives infinite at 0.
    public static func sqrt(_ u: Jet) -> Jet {
        if u.isConstant { return Jet(LibM.sqrt_(u.value)) }
        let n = u.order, a = u.padded(to: n)
        var w = [Double](repeating: 0, count: n + 1)
        w[0] = LibM.sqrt_(a[0])
        for k in 1...n {
            var sum = a[k]
            if k > 1 { for j in 1..<k { sum -= w[j] * w[k - j] } }
            w[k] = sum / (2 * w[0])
        }
        return Jet(coefficients: w)
    }

    /// u^r for a constant r. Whole exponents up to 64 in magnitude use repeated multiplication
    /// (exact at u₀ = 0); others use w_k = (1/(k·u₀)) Σ_{j=0..k−1} (r(k−j) − j)·u_{k−j}·w_j, and at
    /// u₀ = 0 the orders below the first singular one are 0 (x^1.5 at 0: value 0, first derivative 0,
    /// second NaN).
    public static func pow(_ u: Jet, _ r: Double) -> Jet {
        if u.isConstant { return Jet(LibM.pow_(u.value, r)) }
        if r == 0 { return Jet(1) }
        if r == r.rounded(), Swift.abs(r) <= 64 {
            var result = Jet(1), base = u, e = Int(Swift.abs(r))
            while e > 0 {
                if e & 1 == 1 { result = result * base }
                e >>= 1
                if e > 0 { base = base * base }
            }
            return r < 0 ? 1 / result : result
        }
        let n = u.order, a = u.padded(to: n)
        if a[0] == 0 { return powAtZero(a, r) }
        var w = [Double](repeating: 0, count: n + 1)
        w[0] = LibM.pow_(a[0], r)
        for k in 1...n {
            var sum = 0.0
            for j in 0..<k { sum += (r * Double(k - j) - Double(j)) * a[k - j] * w[j] }
            w[k] = sum / (Double(k) * a[0])
        }
        return Jet(coefficients: w)
    }

    /// u^r for a fractional (or huge) r when u₀ = 0. If u starts at hᵐ (its first non-zero
    /// coefficient is c_m), u^r behaves like h^{mr}: the coefficients below mr are 0, and those above
    /// are NaN (the derivative is infinite from the right and undefined from the left). r < 0 gives
    /// an infinite value and NaN coefficients.
    private static func powAtZero(_ a: [Double], _ r: Double) -> Jet {
        let n = a.count - 1
        let value = LibM.pow_(0, r)
        guard let m = a.indices.first(where: { a[$0] != 0 }) else {
            return Jet(value: value, tail: [Double](repeating: r > 0 ? 0 : .nan, count: n))
        }
        let onset = Double(m) * r
        let tail = (1...n).map { r > 0 && Double($0) < onset ? 0.0 : .nan }
        return Jet(value: value, tail: tail)
    }

    /// u^v for jets: u^r when v is constant, else e^{v·log u} with the value from `pow`.
    public static func pow(_ u: Jet, _ v: Jet) -> Jet {
        if v.isConstant { return pow(u, v.value) }
        var w = exp(v * log(u))
        w.value = LibM.pow_(u.value, v.value)
        return w
    }

    /// sin u and cos u together: s_k = (1/k) Σ j·u_j·c_{k−j}, c_k = −(1/k) Σ j·u_j·s_{k−j}.
    public static func sinCos(_ u: Jet) -> (sin: Jet, cos: Jet) {
        trigonometricPair(u, sign: -1, LibM.sin_(u.value), LibM.cos_(u.value))
    }

    /// sinh u and cosh u together (the same recurrence with a plus sign).
    public static func sinhCosh(_ u: Jet) -> (sinh: Jet, cosh: Jet) {
        let p = trigonometricPair(u, sign: 1, LibM.sinh_(u.value), LibM.cosh_(u.value))
        return (p.sin, p.cos)
    }

    private static func trigonometricPair(_ u: Jet, sign: Double, _ s0: Double, _ c0: Double)
        -> (sin: Jet, cos: Jet)
    {
        if u.isConstant { return (Jet(s0), Jet(c0)) }
        let n = u.order, a = u.padded(to: n)
        var s = [Double](repeating: 0, count: n + 1), c = s
        s[0] = s0
        c[0] = c0
        for k in 1...n {
            var ss = 0.0, cc = 0.0
            for j in 1...k {
                ss += Double(j) * a[j] * c[k - j]
                cc += Double(j) * a[j] * s[k - j]
            }
            s[k] = ss / Double(k)
            c[k] = sign * cc / Double(k)
        }
        return (Jet(coefficients: s), Jet(coefficients: c))
    }

    public static func sin(_ u: Jet) -> Jet { sinCos(u).sin }
    public static func cos(_ u: Jet) -> Jet { sinCos(u).cos }
    public static func sinh(_ u: Jet) -> Jet { sinhCosh(u).sinh }
    public static func cosh(_ u: Jet) -> Jet { sinhCosh(u).cosh }

    /// tan u, from w' = (1 + w²)·u'.
    public static func tan(_ u: Jet) -> Jet {
        if u.isConstant { return Jet(LibM.tan_(u.value)) }
        let t = LibM.tan_(u.value)
        return selfReferential(u, value: t, slope: 1 + t * t, sign: 1)
    }

    /// tanh u, from w' = (1 − w²)·u'.
    public static func tanh(_ u: Jet) -> Jet {
        if u.isConstant { return Jet(LibM.tanh_(u.value)) }
        // 1 − tanh², or 1/cosh² beyond |u| > 1, which keeps its relative accuracy where tanh
        // rounds to ±1.
        let t = LibM.tanh_(u.value), c = LibM.cosh_(u.value)
        let slope = Swift.abs(u.value) < 1 ? 1 - t * t : 1 / (c * c)
        return selfReferential(u, value: t, slope: slope, sign: -1)
    }

    /// w with w' = (1 + sign·w²)·u': v = 1 + sign·w² is built alongside w, from v₀ = `slope`.
    private static func selfReferential(_ u: Jet, value: Double, slope: Double, sign: Double) -> Jet {
        let n = u.order, a = u.padded(to: n)
        var w = [Double](repeating: 0, count: n + 1), v = w
        w[0] = value
        v[0] = slope
        for k in 1...n {
            var sum = 0.0
            for j in 1...k { sum += Double(j) * a[j] * v[k - j] }
            w[k] = sum / Double(k)
            var square = 0.0
            for i in 0...k { square += w[i] * w[k - i] }
            v[k] = sign * square
        }
        return Jet(coefficients: w)
    }

    /// g(u) given g(u₀) and g'(u) evaluated one order lower: the antiderivative of g'(u)·u'.
    static func chain(_ u: Jet, value: Double, derivative gPrime: (Jet) -> Jet) -> Jet {
        if u.isConstant { return Jet(value) }
        let lower = u.truncated(to: u.order - 1)
        return antiderivative(value: value, derivative: gPrime(lower) * u.derivativeSeries)
    }

    /// atan u: (atan u)' = u' / (1 + u²).
    public static func atan(_ u: Jet) -> Jet {
        chain(u, value: LibM.atan_(u.value)) { 1 / (1 + $0 * $0) }
    }

    /// asin u: (asin u)' = u' / √(1 − u²). NaN outside [−1, 1].
    public static func asin(_ u: Jet) -> Jet {
        chain(u, value: LibM.asin_(u.value)) { 1 / sqrt(1 - $0 * $0) }
    }

    /// acos u: (acos u)' = −u' / √(1 − u²). NaN outside [−1, 1].
    public static func acos(_ u: Jet) -> Jet {
        chain(u, value: LibM.acos_(u.value)) { -1 / sqrt(1 - $0 * $0) }
    }

    /// erf u: (erf u)' = (2/√π)·e^{−u²}·u'.
    public static func erf(_ u: Jet) -> Jet {
        chain(u, value: LibM.erf_(u.value)) { twoOverSqrtPi * exp(-($0 * $0)) }
    }

    /// erfc u = 1 − erf u, the value by `erfc` (accurate for large u).
    public static func erfc(_ u: Jet) -> Jet {
        chain(u, value: LibM.erfc_(u.value)) { -twoOverSqrtPi * exp(-($0 * $0)) }
    }

    /// atan2(y, x), the angle of (x, y): derivative (x·y' − y·x') / (x² + y²).
    public static func atan2(_ y: Jet, _ x: Jet) -> Jet {
        let value = LibM.atan2_(y.value, x.value)
        let n = Swift.max(y.order, x.order)
        if n == 0 { return Jet(value) }
        let yl = y.truncated(to: n - 1), xl = x.truncated(to: n - 1)
        let dy = y.padded(to: n), dx = x.padded(to: n)
        let yPrime = Jet(coefficients: (0..<n).map { Double($0 + 1) * dy[$0 + 1] })
        let xPrime = Jet(coefficients: (0..<n).map { Double($0 + 1) * dx[$0 + 1] })
        let d = (xl * yPrime - yl * xPrime) / (xl * xl + yl * yl)
        return antiderivative(value: value, derivative: d)
    }

    /// |u|: u for u₀ > 0, −u for u₀ < 0, the constant 0 at u₀ = 0 (derivative 0 there, like sign(0) = 0).
    public static func abs(_ u: Jet) -> Jet {
        if u.value > 0 { return u }
        if u.value < 0 { return -u }
        return Jet(Swift.abs(u.value))
    }

    /// The smaller by value (the first on ties); NaN if either value is NaN.
    public static func min(_ a: Jet, _ b: Jet) -> Jet {
        if a.value.isNaN { return a }
        if b.value.isNaN { return b }
        return b.value < a.value ? b : a
    }

    /// The larger by value (the first on ties); NaN if either value is NaN.
    public static func max(_ a: Jet, _ b: Jet) -> Jet {
        if a.value.isNaN { return a }
        if b.value.isNaN { return b }
        return b.value > a.value ? b : a
    }

    /// x limited to [lo, hi] by value: lo at or below lo, hi at or above hi, x strictly inside
    /// (so the derivative with respect to x is 0 at the ends, like `hard_tanh`); NaN stays NaN.
    public static func clamp(_ x: Jet, _ lo: Jet, _ hi: Jet) -> Jet {
        if x.value <= lo.value { return lo }
        if x.value >= hi.value { return hi }
        return x
    }
}

/// 2/√π.
let twoOverSqrtPi = 1.1283791670955125738961589031215451716881012586580
