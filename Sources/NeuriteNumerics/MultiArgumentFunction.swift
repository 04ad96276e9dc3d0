/// The elementwise functions of the language that take more than one argument.
///
/// `min`, `max` and `clamp` select an argument by value, so their derivative is the selected
/// argument's; at a tie `min`/`max` pick the first argument and `clamp` picks the bound.
public enum MultiArgumentFunction: String, CaseIterable, Sendable {
    /// pow(x, y) = x^y.
    case pow
    /// The smaller of two.
    case min
    /// The larger of two.
    case max
    /// atan2(y, x): the angle of the point (x, y), in (−π, π].
    case atan2
    /// clamp(x, lo, hi): x limited to [lo, hi].
    case clamp

    /// The function with this language name.
    public static func named(_ name: String) -> MultiArgumentFunction? {
        MultiArgumentFunction(rawValue: name)
    }

    /// The language name.
    public var name: String { rawValue }

    /// How many arguments it takes.
    public var arity: Int { self == .clamp ? 3 : 2 }

    /// The value; NaN when the number of arguments is not ``arity`` (callers check arity first).
    public func apply(_ args: [Double]) -> Double {
        guard args.count == arity else { return .nan }
        let a = args[0], b = args[1]
        switch self {
        case .pow: return LibM.pow_(a, b)
        case .min: return a.isNaN || b.isNaN ? .nan : (b < a ? b : a)
        case .max: return a.isNaN || b.isNaN ? .nan : (b > a ? b : a)
        case .atan2: return LibM.atan2_(a, b)
        case .clamp: return a <= b ? b : a >= args[2] ? args[2] : a
        }
    }

    /// The Taylor series; the constant NaN when the number of arguments is not ``arity``.
    public func apply(_ args: [Jet]) -> Jet {
        guard args.count == arity else { return Jet(.nan) }
        let a = args[0], b = args[1]
        switch self {
        case .pow: return Jet.pow(a, b)
        case .min: return Jet.min(a, b)
        case .max: return Jet.max(a, b)
        case .atan2: return Jet.atan2(a, b)
        case .clamp: return Jet.clamp(a, b, args[2])
        }
    }

    /// A one-line description for `:help`.
    public var summary: String {
        switch self {
        case .pow: "x raised to the power y (NaN for a negative base and a fractional power)"
        case .min: "the smaller of two values"
        case .max: "the larger of two values"
        case .atan2: "angle of the point (x, y) in radians, in (-pi, pi]"
        case .clamp: "x limited to [lo, hi] (derivative 0 at the ends)"
        }
    }

    /// The argument list for `:help`.
    public var signature: String {
        switch self {
        case .pow: "pow(x, y)"
        case .min: "min(a, b)"
        case .max: "max(a, b)"
        case .atan2: "atan2(y, x)"
        case .clamp: "clamp(x, lo, hi)"
        }
    }

    /// An example call for `:help`.
    public var example: String {
        switch self {
        case .pow: "pow(2, 10)"
        case .min: "min(3, -1)"
        case .max: "max(3, -1)"
        case .atan2: "atan2(1, -1)"
        case .clamp: "clamp(7, 0, 6)"
        }
    }
}
