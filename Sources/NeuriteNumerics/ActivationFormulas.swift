// The activation formulas, written once and generically: evaluated on Double (the reference),
// on Jet (derivatives of every order by automatic differentiation) and on Float (the engine's
// kernels for the piecewise ones; the smooth ones have Float rearrangements in
// FloatActivationFormulas.swift, tested against these). Branches test `x.value`, written so that NaN falls through to a branch that
// propagates it. At ±∞ every function gives its limit.

/// The values f(x), generic over the scalar.
enum ActivationValue {
    typealias C = ActivationConstants

    static func relu<T: DifferentiableScalar>(_ x: T) -> T { x.value <= 0 ? T(0) : x }

    static func leakyReLU<T: DifferentiableScalar>(_ x: T) -> T {
        x.value > 0 ? x : T(C.leakySlope) * x
    }

    static func relu6<T: DifferentiableScalar>(_ x: T) -> T {
        x.value <= 0 ? T(0) : x.value >= 6 ? T(6) : x
    }

    static func elu<T: DifferentiableScalar>(_ x: T) -> T {
        x.value > 0 ? x : T(C.eluAlpha) * T.expm1(x)
    }

    static func selu<T: DifferentiableScalar>(_ x: T) -> T {
        T(C.seluLambda) * (x.value > 0 ? x : T(C.seluAlpha) * T.expm1(x))
    }

    static func celu<T: DifferentiableScalar>(_ x: T) -> T {
        x.value > 0 ? x : T(C.eluAlpha) * T.expm1(x / T(C.eluAlpha))
    }

    /// ½x·erfc(−x/√2), which equals ½x(1 + erf(x/√2)) without cancellation for x < 0.
    static func gelu<T: DifferentiableScalar>(_ x: T) -> T {
        if x.value == -.infinity { return T(0) }
        if x.value == .infinity { return x }  // slope 1 there; x·Φ(x) would give ∞·0 = NaN in a jet
        return T(0.5) * x * T.erfc(-x * T(C.inverseSqrt2))
    }

    /// x·σ(2u), u = √(2/π)(x + 0.044715x³), which equals ½x(1 + tanh u) without cancellation for
    /// x < 0. Beyond |x| > 30 the result is x or 0 to within Double precision (and x³ could overflow).
    static func geluTanh<T: DifferentiableScalar>(_ x: T) -> T {
        if x.value > 30 { return x }
        if x.value < -30 { return T(0) }
        return x * sigmoid(T(2) * geluTanhInner(x))
    }

    /// u = √(2/π)(x + 0.044715x³).
    static func geluTanhInner<T: DifferentiableScalar>(_ x: T) -> T {
        T(C.sqrtTwoOverPi) * (x + T(C.geluCubic) * x * x * x)
    }

    static func sigmoid<T: DifferentiableScalar>(_ x: T) -> T {
        if x.value >= 0 { return T(1) / (T(1) + T.exp(-x)) }
        let e = T.exp(x)
        return e / (T(1) + e)
    }

    static func silu<T: DifferentiableScalar>(_ x: T) -> T {
        if x.value == -.infinity { return T(0) }
        if x.value == .infinity { return x }  // slope 1 there; x·σ'(x) would give ∞·0 = NaN in a jet
        return x * sigmoid(x)
    }

    static func softplus<T: DifferentiableScalar>(_ x: T) -> T {
        x.value > 0 ? x + T.log1p(T.exp(-x)) : T.log1p(T.exp(x))
    }

    static func mish<T: DifferentiableScalar>(_ x: T) -> T {
        if x.value == -.infinity { return T(0) }
        if x.value == .infinity { return x }  // slope 1 there; x·tanh'(…) would give ∞·0 = NaN in a jet
        return x * T.tanh(softplus(x))
    }

    static func softsign<T: DifferentiableScalar>(_ x: T) -> T {
        if x.value == .infinity { return T(1) }
        if x.value == -.infinity { return T(-1) }
        return x.value >= 0 ? x / (T(1) + x) : x / (T(1) - x)
    }

    static func hardSigmoid<T: DifferentiableScalar>(_ x: T) -> T {
        x.value <= -3 ? T(0) : x.value >= 3 ? T(1) : (x + T(3)) / T(6)
    }

    static func tanh<T: DifferentiableScalar>(_ x: T) -> T { T.tanh(x) }

    static func hardTanh<T: DifferentiableScalar>(_ x: T) -> T {
        x.value <= -1 ? T(-1) : x.value >= 1 ? T(1) : x
    }
}

/// The closed-form derivatives f'(x) (not by automatic differentiation), generic over Double and
/// Float. At kinks the conventions of PyTorch hold (see `Activation.convention`).
enum ActivationDerivative {
    typealias C = ActivationConstants

    static func relu<T: DifferentiableScalar>(_ x: T) -> T { T(x.value > 0 ? 1 : 0) }

    static func leakyReLU<T: DifferentiableScalar>(_ x: T) -> T {
        T(x.value > 0 ? 1 : C.leakySlope)
    }

    static func relu6<T: DifferentiableScalar>(_ x: T) -> T {
        T(x.value > 0 && x.value < 6 ? 1 : 0)
    }

    static func elu<T: DifferentiableScalar>(_ x: T) -> T {
        x.value > 0 ? T(1) : T(C.eluAlpha) * T.exp(x)
    }

    static func selu<T: DifferentiableScalar>(_ x: T) -> T {
        x.value > 0 ? T(C.seluLambda) : T(C.seluLambda * C.seluAlpha) * T.exp(x)
    }

    static func celu<T: DifferentiableScalar>(_ x: T) -> T {
        x.value > 0 ? T(1) : T.exp(x / T(C.eluAlpha))
    }

    /// Φ(x) + x·φ(x), Φ(x) = ½erfc(−x/√2), φ(x) = e^{−x²/2}/√(2π).
    static func gelu<T: DifferentiableScalar>(_ x: T) -> T {
        if x.value.isInfinite { return T(x.value > 0 ? 1 : 0) }
        let cdf = T(0.5) * T.erfc(-x * T(C.inverseSqrt2))
        let pdf = T(C.inverseSqrtTwoPi) * T.exp(T(-0.5) * x * x)
        return cdf + x * pdf
    }

    /// s + 2x·s(1 − s)·u', s = σ(2u), u' = √(2/π)(1 + 3·0.044715x²); this is
    /// ½(1 + t) + ½x(1 − t²)u' with t = tanh u, written without cancellation.
    static func geluTanh<T: DifferentiableScalar>(_ x: T) -> T {
        if x.value > 30 { return T(1) }
        if x.value < -30 { return T(0) }
        let u = ActivationValue.geluTanhInner(x)
        let s = ActivationValue.sigmoid(T(2) * u), complement = ActivationValue.sigmoid(T(-2) * u)
        let innerPrime = T(C.sqrtTwoOverPi) * (T(1) + T(3 * C.geluCubic) * x * x)
        return s + T(2) * x * s * complement * innerPrime
    }

    /// σ(x)(1 − σ(x)) = e/(1 + e)², e = e^{−|x|} (accurate also where σ(x) rounds to 1).
    static func sigmoid<T: DifferentiableScalar>(_ x: T) -> T {
        let e = T.exp(x.value >= 0 ? -x : x)
        let d = T(1) + e
        return e / (d * d)
    }

    /// σ(x)(1 + x(1 − σ(x))), with 1 − σ(x) = σ(−x).
    static func silu<T: DifferentiableScalar>(_ x: T) -> T {
        if x.value.isInfinite { return T(x.value > 0 ? 1 : 0) }
        return ActivationValue.sigmoid(x) * (T(1) + x * ActivationValue.sigmoid(-x))
    }

    /// σ(x).
    static func softplus<T: DifferentiableScalar>(_ x: T) -> T { ActivationValue.sigmoid(x) }

    /// t + x(1 − t²)σ(x), t = tanh(softplus(x)).
    static func mish<T: DifferentiableScalar>(_ x: T) -> T {
        if x.value.isInfinite { return T(x.value > 0 ? 1 : 0) }
        let t = T.tanh(ActivationValue.softplus(x))
        return t + x * (T(1) - t * t) * ActivationValue.sigmoid(x)
    }

    /// 1 / (1 + |x|)².
    static func softsign<T: DifferentiableScalar>(_ x: T) -> T {
        let d = x.value >= 0 ? T(1) + x : T(1) - x
        return T(1) / (d * d)
    }

    static func hardSigmoid<T: DifferentiableScalar>(_ x: T) -> T {
        T(x.value > -3 && x.value < 3 ? 1.0 / 6.0 : 0)
    }

    /// 1 − tanh²(x) = 4e/(1 + e)², e = e^{−2|x|} (accurate also where tanh(x) rounds to ±1).
    static func tanh<T: DifferentiableScalar>(_ x: T) -> T {
        let e = T.exp(T(-2) * (x.value >= 0 ? x : -x))
        let d = T(1) + e
        return T(4) * e / (d * d)
    }

    static func hardTanh<T: DifferentiableScalar>(_ x: T) -> T {
        T(x.value > -1 && x.value < 1 ? 1 : 0)
    }
}
