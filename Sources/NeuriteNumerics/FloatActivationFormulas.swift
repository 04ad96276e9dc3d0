// Float versions of the activations whose generic form would call a slow libm function per element
// (tanhf, expm1f, log1pf, erff take ~10 ns; expf ~1.3 ns, Double exp ~2.5 ns). Each is the same
// mathematics rearranged around a fast exponential without cancellation (in Double where Float
// would lose digits), written with selects rather than branches around calls.
// Tests hold them to the generic Double reference within 1e-6 relative.

enum FloatActivation {
    typealias C = ActivationConstants

    /// e^y − 1 for y ≤ 0 (and NaN): Double exp minus 1, or its cubic Taylor polynomial for
    /// |y| < 10⁻³, where the subtraction would cancel. (Kahan's log-ratio trick in Float measured
    /// slower here: logf near 1 is slow.)
    @inline(__always) static func expm1(nonPositive y: Float) -> Float {
        let d = Double(y)
        let near = d * (1 + d * (0.5 + d * (1.0 / 6)))
        let far = LibM.exp_(d) - 1
        return Float(Swift.abs(d) < 1e-3 ? near : far)
    }

    // The exponential is computed for every element (at −|x|, so it stays finite) and then
    // selected, so that random signs cost no mispredicted branch around a call. (Not at min(x, 0):
    // glibc's Double exp takes ~20 ns at exactly 0 against ~2.5 ns elsewhere.)

    @inline(__always) static func elu(_ x: Float) -> Float {
        let m = expm1(nonPositive: -Swift.abs(x))
        return x > 0 ? x : Float(C.eluAlpha) * m
    }

    @inline(__always) static func eluDerivative(_ x: Float) -> Float {
        let e = Float.exp(-Swift.abs(x))
        return x > 0 ? 1 : Float(C.eluAlpha) * e
    }

    @inline(__always) static func selu(_ x: Float) -> Float {
        let m = expm1(nonPositive: -Swift.abs(x))
        return Float(C.seluLambda) * (x > 0 ? x : Float(C.seluAlpha) * m)
    }

    @inline(__always) static func seluDerivative(_ x: Float) -> Float {
        let e = Float.exp(-Swift.abs(x))
        return x > 0 ? Float(C.seluLambda) : Float(C.seluLambda * C.seluAlpha) * e
    }

    @inline(__always) static func celu(_ x: Float) -> Float {
        let m = expm1(nonPositive: -Swift.abs(x) / Float(C.eluAlpha))
        return x > 0 ? x : Float(C.eluAlpha) * m
    }

    @inline(__always) static func celuDerivative(_ x: Float) -> Float {
        let e = Float.exp(-Swift.abs(x) / Float(C.eluAlpha))
        return x > 0 ? 1 : e
    }

    /// (σ(x), 1 − σ(x)) from e = e^{−|x|}: both without cancellation.
    @inline(__always) static func sigmoidPair(_ x: Float) -> (Float, Float) {
        let e = Float.exp(-Swift.abs(x))
        let r = 1 / (1 + e)
        return x >= 0 ? (r, e * r) : (e * r, r)
    }

    @inline(__always) static func sigmoid(_ x: Float) -> Float { sigmoidPair(x).0 }

    /// e/(1 + e)², e = e^{−|x|}.
    @inline(__always) static func sigmoidDerivative(_ x: Float) -> Float {
        let e = Float.exp(-Swift.abs(x))
        let d = 1 + e
        return e / (d * d)
    }

    @inline(__always) static func silu(_ x: Float) -> Float {
        x == -.infinity ? 0 : x * sigmoid(x)
    }

    @inline(__always) static func siluDerivative(_ x: Float) -> Float {
        let (s, complement) = sigmoidPair(x)
        return x.isInfinite ? (x > 0 ? 1 : 0) : s * (1 + x * complement)
    }

    /// sign(x)·(1 − e)/(1 + e), e = e^{−2|x|} in Double; x − x³/3 for |x| < 10⁻³.
    @inline(__always) static func tanh(_ x: Float) -> Float {
        let d = Double(Swift.abs(x))
        let e = LibM.exp_(-2 * d)
        let r = d < 1e-3 ? d * (1 - d * d * (1.0 / 3)) : (1 - e) / (1 + e)
        return Float(x < 0 ? -r : r)
    }

    /// 4e/(1 + e)², e = e^{−2|x|}.
    @inline(__always) static func tanhDerivative(_ x: Float) -> Float {
        let e = Float.exp(-2 * Swift.abs(x))
        let d = 1 + e
        return 4 * e / (d * d)
    }

    /// max(x, 0) + log1p(e^{−|x|}), with log1p(e) = log(u)·e/(u − 1), u = 1 + e (exact to a few
    /// ulps, Goldberg's trick), and e itself when 1 + e rounds to 1.
    @inline(__always) static func softplus(_ x: Float) -> Float {
        let e = Float.exp(-Swift.abs(x))
        let u = 1 + e
        let tail = u == 1 ? e : Float.log(u) * (e / (u - 1))
        return (x > 0 ? x : 0) + tail
    }

    /// mish = x·tanh(log(1 + eˣ)) = x·n/(n + 2) with n = eˣ(eˣ + 2); x itself above 20.
    @inline(__always) static func mish(_ x: Float) -> Float {
        let e = Float.exp(Swift.min(x, 20))
        let n = e * (e + 2)
        let t = n / (n + 2)
        return x > 20 ? x : (x == -.infinity ? 0 : x * t)
    }

    /// t + x(1 − t²)σ(x) with t = n/(n + 2), 1 − t = 2/(n + 2), σ(x) = e/(1 + e).
    @inline(__always) static func mishDerivative(_ x: Float) -> Float {
        let e = Float.exp(Swift.min(x, 20))
        let n = e * (e + 2)
        let inverse = 1 / (n + 2)
        let t = n * inverse
        let oneMinusTSquared = 2 * inverse * (1 + t)
        let d = t + x * oneMinusTSquared * (e / (1 + e))
        return x > 20 ? 1 : (x == -.infinity ? 0 : d)
    }

    /// ½x·erfc(−x/√2) in Double (erfc costs the same in Double as in Float, and Float would lose
    /// digits to the rounding of x/√2 in the tail).
    @inline(__always) static func gelu(_ x: Float) -> Float {
        let d = Double(x)
        return Float(ActivationValue.gelu(d))
    }

    @inline(__always) static func geluDerivative(_ x: Float) -> Float {
        Float(ActivationDerivative.gelu(Double(x)))
    }

    /// x·σ(2u), u = √(2/π)(x + 0.044715x³), in Double; x or 0 beyond |x| > 30.
    @inline(__always) static func geluTanh(_ x: Float) -> Float {
        let d = Double(x)
        let u = C.sqrtTwoOverPi * (d + C.geluCubic * d * d * d)
        let e = LibM.exp_(-2 * Swift.abs(u))
        let s = u >= 0 ? 1 / (1 + e) : e / (1 + e)
        return x > 30 ? x : x < -30 ? 0 : Float(d * s)
    }

    /// s + 2x·s(1 − s)·u', s = σ(2u), in Double.
    @inline(__always) static func geluTanhDerivative(_ x: Float) -> Float {
        let d = Double(x)
        let u = C.sqrtTwoOverPi * (d + C.geluCubic * d * d * d)
        let e = LibM.exp_(-2 * Swift.abs(u))
        let r = 1 / (1 + e)
        let s = u >= 0 ? r : e * r, complement = u >= 0 ? e * r : r
        let innerPrime = C.sqrtTwoOverPi * (1 + 3 * C.geluCubic * d * d)
        let derivative = s + 2 * d * s * complement * innerPrime
        return x > 30 ? 1 : x < -30 ? 0 : Float(derivative)
    }
}
