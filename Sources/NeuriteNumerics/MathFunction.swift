/// The one-argument elementwise functions of the language, by their language names.
///
/// Outside its domain a function gives NaN, as IEEE does (`log(-1)` is NaN, `log(0)` is −∞); nothing
/// throws. `floor`, `ceil`, `round` and `sign` are piecewise constant: their derivatives are 0
/// everywhere (also at the jumps); `abs` has derivative 0 at 0.
public enum MathFunction: String, CaseIterable, Sendable {
    case exp, log, log2, log10, sqrt, abs, sign
    case sin, cos, tan, asin, acos, atan, sinh, cosh, tanh
    case erf, erfc, floor, ceil, round

    /// The function with this language name.
    public static func named(_ name: String) -> MathFunction? { MathFunction(rawValue: name) }

    /// The language name.
    public var name: String { rawValue }

    /// The value at x.
    public func apply(_ x: Double) -> Double {
        switch self {
        case .exp: LibM.exp_(x)
        case .log: LibM.log_(x)
        case .log2: LibM.log2_(x)
        case .log10: LibM.log10_(x)
        case .sqrt: LibM.sqrt_(x)
        case .abs: Swift.abs(x)
        case .sign: Self.signum(x)
        case .sin: LibM.sin_(x)
        case .cos: LibM.cos_(x)
        case .tan: LibM.tan_(x)
        case .asin: LibM.asin_(x)
        case .acos: LibM.acos_(x)
        case .atan: LibM.atan_(x)
        case .sinh: LibM.sinh_(x)
        case .cosh: LibM.cosh_(x)
        case .tanh: LibM.tanh_(x)
        case .erf: LibM.erf_(x)
        case .erfc: LibM.erfc_(x)
        case .floor: x.rounded(.down)
        case .ceil: x.rounded(.up)
        case .round: x.rounded(.toNearestOrAwayFromZero)
        }
    }

    /// The Taylor series of the function composed with x (exact derivatives of every order).
    public func apply(_ x: Jet) -> Jet {
        switch self {
        case .exp: Jet.exp(x)
        case .log: Jet.log(x)
        case .log2: Self.withValue(Jet.log(x) / ln2, apply(x.value))
        case .log10: Self.withValue(Jet.log(x) / ln10, apply(x.value))
        case .sqrt: Jet.sqrt(x)
        case .abs: Jet.abs(x)
        case .sin: Jet.sin(x)
        case .cos: Jet.cos(x)
        case .tan: Jet.tan(x)
        case .asin: Jet.asin(x)
        case .acos: Jet.acos(x)
        case .atan: Jet.atan(x)
        case .sinh: Jet.sinh(x)
        case .cosh: Jet.cosh(x)
        case .tanh: Jet.tanh(x)
        case .erf: Jet.erf(x)
        case .erfc: Jet.erfc(x)
        case .sign, .floor, .ceil, .round: Jet(apply(x.value))
        }
    }

    /// f'(x) in closed form (no jet); NaN at NaN and outside the domain. `abs'(0)`, and the
    /// derivatives of `sign`, `floor`, `ceil` and `round`, are 0.
    public func derivative(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        switch self {
        case .exp: return LibM.exp_(x)
        case .log: return x < 0 ? .nan : 1 / x
        case .log2: return x < 0 ? .nan : 1 / (x * ln2)
        case .log10: return x < 0 ? .nan : 1 / (x * ln10)
        case .sqrt: return x < 0 ? .nan : 0.5 / LibM.sqrt_(x)
        case .abs: return Self.signum(x)
        case .sign, .floor, .ceil, .round: return 0
        case .sin: return LibM.cos_(x)
        case .cos: return -LibM.sin_(x)
        case .tan:
            let t = LibM.tan_(x)
            return 1 + t * t
        case .asin: return 1 / LibM.sqrt_(1 - x * x)
        case .acos: return -1 / LibM.sqrt_(1 - x * x)
        case .atan: return 1 / (1 + x * x)
        case .sinh: return LibM.cosh_(x)
        case .cosh: return LibM.sinh_(x)
        case .tanh: return ActivationDerivative.tanh(x)
        case .erf: return twoOverSqrtPi * LibM.exp_(-x * x)
        case .erfc: return -twoOverSqrtPi * LibM.exp_(-x * x)
        }
    }

    /// A one-line description for `:help`.
    public var summary: String {
        switch self {
        case .exp: "exponential e^x"
        case .log: "natural logarithm (NaN below 0, -inf at 0)"
        case .log2: "base-2 logarithm"
        case .log10: "base-10 logarithm"
        case .sqrt: "square root (NaN below 0)"
        case .abs: "absolute value |x| (derivative 0 at 0)"
        case .sign: "sign: -1, 0 or 1 (derivative 0)"
        case .sin: "sine (radians)"
        case .cos: "cosine (radians)"
        case .tan: "tangent (radians)"
        case .asin: "inverse sine, in [-pi/2, pi/2] (NaN outside [-1, 1])"
        case .acos: "inverse cosine, in [0, pi] (NaN outside [-1, 1])"
        case .atan: "inverse tangent, in (-pi/2, pi/2)"
        case .sinh: "hyperbolic sine"
        case .cosh: "hyperbolic cosine"
        case .tanh: "hyperbolic tangent"
        case .erf: "error function (2/sqrt(pi)) * integral of e^(-t^2) from 0 to x"
        case .erfc: "complementary error function 1 - erf(x)"
        case .floor: "largest whole number <= x (derivative 0)"
        case .ceil: "smallest whole number >= x (derivative 0)"
        case .round: "nearest whole number, halves away from zero (derivative 0)"
        }
    }

    /// An example call for `:help`, in the language's syntax.
    public var example: String {
        switch self {
        case .exp: "exp(1)"
        case .log: "log(10)"
        case .log2: "log2(8)"
        case .log10: "log10(1000)"
        case .sqrt: "sqrt(2)"
        case .abs: "abs(-3)"
        case .sign: "sign(-2.5)"
        case .sin: "sin(pi / 2)"
        case .cos: "cos(0)"
        case .tan: "tan(pi / 4)"
        case .asin: "asin(1)"
        case .acos: "acos(0)"
        case .atan: "atan(1)"
        case .sinh: "sinh(1)"
        case .cosh: "cosh(1)"
        case .tanh: "tanh(0.5)"
        case .erf: "erf(1)"
        case .erfc: "erfc(2)"
        case .floor: "floor(-2.5)"
        case .ceil: "ceil(2.1)"
        case .round: "round(2.5)"
        }
    }

    /// −1, 0 or 1 (0 for ±0), NaN for NaN.
    static func signum(_ x: Double) -> Double {
        x > 0 ? 1 : x < 0 ? -1 : x == 0 ? 0 : .nan
    }

    private static func withValue(_ jet: Jet, _ value: Double) -> Jet {
        var j = jet
        j.value = value
        return j
    }
}

let ln2 = 0.69314718055994530941723212145817656807550013436026
let ln10 = 2.3025850929940456840179914546843642076011014886288
