/// The activation functions of the language: the one table of names, formulas, derivatives,
/// conventions and ranges. Everything else (the interpreter's `:help`, the engine's layers,
/// Docs/activations.md) reads from here.
///
/// Conventions (PyTorch's, stated once):
/// - at a kink the derivative is the one of the *left* piece for relu-like kinks at 0
///   (relu'(0) = 0, leaky_relu'(0) = 0.01, elu'(0) = α = 1, selu'(0) = λα) and 0 at the corners of the
///   clipped ones (relu6'(0) = relu6'(6) = 0, hard_sigmoid'(±3) = 0, hard_tanh'(±1) = 0);
/// - NaN in gives NaN out (also relu(NaN) = NaN); `derivative(NaN)` is NaN;
/// - at ±∞ every function and derivative gives its limit (sigmoid(+∞) = 1, sigmoid(−∞) = 0,
///   softplus(+∞) = +∞, silu(−∞) = 0, tanh'(±∞) = 0);
/// - large arguments are handled stably (softplus(1000) = 1000, sigmoid(−1000) = 0, no overflow).
public enum Activation: String, CaseIterable, Sendable {
    /// max(0, x).
    case relu
    /// x for x > 0, 0.01·x otherwise.
    case leakyReLU = "leaky_relu"
    /// min(max(0, x), 6).
    case relu6
    /// x for x > 0, α(eˣ − 1) otherwise, α = 1.
    case elu
    /// λ·x for x > 0, λα(eˣ − 1) otherwise, λ ≈ 1.0507, α ≈ 1.6733.
    case selu
    /// max(0, x) + min(0, α(e^{x/α} − 1)), α = 1.
    case celu
    /// x·Φ(x) = ½x(1 + erf(x/√2)), the exact form.
    case gelu
    /// ½x(1 + tanh(√(2/π)(x + 0.044715x³))), the tanh approximation.
    case geluTanh = "gelu_tanh"
    /// x·σ(x) (also called swish).
    case silu
    /// x·tanh(softplus(x)).
    case mish
    /// log(1 + eˣ), computed stably.
    case softplus
    /// x / (1 + |x|).
    case softsign
    /// σ(x) = 1 / (1 + e⁻ˣ), computed stably.
    case sigmoid
    /// relu6(x + 3) / 6 (PyTorch's; Keras before 3.0 used clip(0.2x + 0.5, 0, 1)).
    case hardSigmoid = "hard_sigmoid"
    /// tanh(x).
    case tanh
    /// clamp(x, −1, 1).
    case hardTanh = "hard_tanh"
    /// x, the identity.
    case linear
    /// e^{xᵢ − max x} / Σⱼ e^{xⱼ − max x} over a vector; not elementwise.
    case softmax

    /// Other names the language accepts: `swish` for silu, `identity` for linear.
    public static let aliases: [String: Activation] = [
        "swish": .silu, "identity": .linear,
    ]

    /// The activation with this name or alias (exact, lowercase).
    public static func named(_ name: String) -> Activation? {
        Activation(rawValue: name) ?? aliases[name]
    }

    /// Every accepted name, canonical names and aliases, sorted (for completion and "did you mean").
    public static var allNames: [String] {
        (allCases.map(\.rawValue) + aliases.keys).sorted()
    }

    /// The language name.
    public var name: String { rawValue }

    /// False only for softmax, which maps a vector to a vector.
    public var isElementwise: Bool { self != .softmax }

    /// The value at a scalar, on any ``DifferentiableScalar`` (a ``Jet`` gives exact derivatives).
    /// softmax of a scalar treats it as a one-element vector, so it is the constant 1.
    public func apply<T: DifferentiableScalar>(_ x: T) -> T {
        typealias V = ActivationValue
        switch self {
        case .relu: return V.relu(x)
        case .leakyReLU: return V.leakyReLU(x)
        case .relu6: return V.relu6(x)
        case .elu: return V.elu(x)
        case .selu: return V.selu(x)
        case .celu: return V.celu(x)
        case .gelu: return V.gelu(x)
        case .geluTanh: return V.geluTanh(x)
        case .silu: return V.silu(x)
        case .mish: return V.mish(x)
        case .softplus: return V.softplus(x)
        case .softsign: return V.softsign(x)
        case .sigmoid: return V.sigmoid(x)
        case .hardSigmoid: return V.hardSigmoid(x)
        case .tanh: return V.tanh(x)
        case .hardTanh: return V.hardTanh(x)
        case .linear: return x
        case .softmax: return x.value.isNaN ? T(.nan) : T(1)
        }
    }

    /// f(x) in Double (the reference the Float kernels are tested against).
    public func value(_ x: Double) -> Double { apply(x) }

    /// f'(x) in closed form (not by automatic differentiation); NaN at NaN, the limit at ±∞.
    /// softmax of a scalar is constant: 0.
    public func derivative(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        return closedFormDerivative(x)
    }

    /// The closed-form derivative, generic over Double and Float (no NaN check).
    func closedFormDerivative<T: DifferentiableScalar>(_ x: T) -> T {
        typealias D = ActivationDerivative
        switch self {
        case .relu: return D.relu(x)
        case .leakyReLU: return D.leakyReLU(x)
        case .relu6: return D.relu6(x)
        case .elu: return D.elu(x)
        case .selu: return D.selu(x)
        case .celu: return D.celu(x)
        case .gelu: return D.gelu(x)
        case .geluTanh: return D.geluTanh(x)
        case .silu: return D.silu(x)
        case .mish: return D.mish(x)
        case .softplus: return D.softplus(x)
        case .softsign: return D.softsign(x)
        case .sigmoid: return D.sigmoid(x)
        case .hardSigmoid: return D.hardSigmoid(x)
        case .tanh: return D.tanh(x)
        case .hardTanh: return D.hardTanh(x)
        case .linear: return T(1)
        case .softmax: return T(0)
        }
    }

    /// Piecewise activations with a kink at 0 that pass positive inputs through (relu, leaky_relu,
    /// relu6, elu, selu, celu): the ones a dead-unit probe looks at.
    public var isReLUFamily: Bool {
        switch self {
        case .relu, .leakyReLU, .relu6, .elu, .selu, .celu: true
        default: false
        }
    }

    /// True when the gradient is exactly 0 for every input ≤ 0 (relu, relu6): a unit whose
    /// pre-activation is ≤ 0 on every sample is dead and cannot recover.
    public var hasZeroGradientBelowZero: Bool { self == .relu || self == .relu6 }

    /// Outputs outside this range are "saturated" (gradient nearly 0): [0.03, 0.97] for
    /// sigmoid-like, [−0.97, 0.97] for tanh-like; nil for activations that do not saturate.
    public var unsaturatedRange: ClosedRange<Double>? {
        switch self {
        case .sigmoid, .hardSigmoid: 0.03...0.97
        case .tanh, .hardTanh, .softsign: -0.97...0.97
        default: nil
        }
    }

    /// Whether the output y lies outside ``unsaturatedRange``; always false for non-saturating ones.
    public func isSaturated(_ y: Double) -> Bool {
        guard let range = unsaturatedRange else { return false }
        return y < range.lowerBound || y > range.upperBound
    }

    /// The set of values the function takes on the real line.
    public var outputRange: OutputRange {
        let inf = Double.infinity
        switch self {
        case .relu: return OutputRange(0, inf, lowerIncluded: true)
        case .leakyReLU, .gelu, .geluTanh, .silu, .mish, .linear:
            // gelu, silu and mish have a finite minimum; it is stated in `minimum`.
            return OutputRange(minimum ?? -inf, inf, lowerIncluded: minimum != nil)
        case .relu6: return OutputRange(0, 6, lowerIncluded: true, upperIncluded: true)
        case .elu, .celu: return OutputRange(-ActivationConstants.eluAlpha, inf)
        case .selu:
            return OutputRange(-ActivationConstants.seluLambda * ActivationConstants.seluAlpha, inf)
        case .softplus: return OutputRange(0, inf)
        case .softsign, .tanh: return OutputRange(-1, 1)
        case .sigmoid: return OutputRange(0, 1)
        case .hardSigmoid, .softmax:
            return OutputRange(0, 1, lowerIncluded: true, upperIncluded: true)
        case .hardTanh: return OutputRange(-1, 1, lowerIncluded: true, upperIncluded: true)
        }
    }

    /// The global minimum of the smooth non-monotonic ones (gelu, gelu_tanh, silu, mish), else nil.
    public var minimum: Double? {
        switch self {
        case .gelu: -0.16997120747990366  // at x ≈ -0.75179
        case .geluTanh: -0.17004075057125403  // at x ≈ -0.75246
        case .silu: -0.2784645427610738  // at x ≈ -1.27846
        case .mish: -0.30884341301725027  // at x ≈ -1.19243
        default: nil
        }
    }
}
