/// A real scalar that activations and elementwise functions are written against once, generically.
///
/// `Double` and `Float` evaluate plainly; ``Jet`` evaluates and carries Taylor coefficients, so the
/// same formula yields exact derivatives of any order. Branches must test ``value`` (the primal), so
/// that a jet follows the same piece of a piecewise function as its value does.
public protocol DifferentiableScalar: Sendable {
    /// A constant (for a jet: no derivative part).
    init(_ d: Double)
    /// The primal value, as a `Double`; use it for branching.
    var value: Double { get }

    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static func / (lhs: Self, rhs: Self) -> Self
    static prefix func - (operand: Self) -> Self

    /// e^x.
    static func exp(_ x: Self) -> Self
    /// e^x − 1, accurate near 0.
    static func expm1(_ x: Self) -> Self
    /// Natural logarithm; NaN below 0, −∞ at 0.
    static func log(_ x: Self) -> Self
    /// log(1 + x), accurate near 0.
    static func log1p(_ x: Self) -> Self
    /// Square root; NaN below 0.
    static func sqrt(_ x: Self) -> Self
    static func sin(_ x: Self) -> Self
    static func cos(_ x: Self) -> Self
    static func tanh(_ x: Self) -> Self
    static func atan(_ x: Self) -> Self
    /// The error function.
    static func erf(_ x: Self) -> Self
    /// The complementary error function 1 − erf(x), accurate where erf(x) is near 1.
    static func erfc(_ x: Self) -> Self
    /// x raised to a constant power.
    static func pow(_ x: Self, _ exponent: Double) -> Self
}

extension Double: DifferentiableScalar {
    /// The number itself.
    @inlinable public var value: Double { self }
    @inlinable public static func exp(_ x: Double) -> Double { LibM.exp_(x) }
    @inlinable public static func expm1(_ x: Double) -> Double { LibM.expm1_(x) }
    @inlinable public static func log(_ x: Double) -> Double { LibM.log_(x) }
    @inlinable public static func log1p(_ x: Double) -> Double { LibM.log1p_(x) }
    @inlinable public static func sqrt(_ x: Double) -> Double { LibM.sqrt_(x) }
    @inlinable public static func sin(_ x: Double) -> Double { LibM.sin_(x) }
    @inlinable public static func cos(_ x: Double) -> Double { LibM.cos_(x) }
    @inlinable public static func tanh(_ x: Double) -> Double { LibM.tanh_(x) }
    @inlinable public static func atan(_ x: Double) -> Double { LibM.atan_(x) }
    @inlinable public static func erf(_ x: Double) -> Double { LibM.erf_(x) }
    @inlinable public static func erfc(_ x: Double) -> Double { LibM.erfc_(x) }
    @inlinable public static func pow(_ x: Double, _ exponent: Double) -> Double {
        LibM.pow_(x, exponent)
    }
}

extension Float: DifferentiableScalar {
    /// The number, widened to `Double`.
    @inlinable public var value: Double { Double(self) }
    @inlinable public static func exp(_ x: Float) -> Float { LibM.exp_(x) }
    @inlinable public static func expm1(_ x: Float) -> Float { LibM.expm1_(x) }
    @inlinable public static func log(_ x: Float) -> Float { LibM.log_(x) }
    @inlinable public static func log1p(_ x: Float) -> Float { LibM.log1p_(x) }
    @inlinable public static func sqrt(_ x: Float) -> Float { LibM.sqrt_(x) }
    @inlinable public static func sin(_ x: Float) -> Float { LibM.sin_(x) }
    @inlinable public static func cos(_ x: Float) -> Float { LibM.cos_(x) }
    @inlinable public static func tanh(_ x: Float) -> Float { LibM.tanh_(x) }
    @inlinable public static func atan(_ x: Float) -> Float { LibM.atan_(x) }
    @inlinable public static func erf(_ x: Float) -> Float { LibM.erf_(x) }
    @inlinable public static func erfc(_ x: Float) -> Float { LibM.erfc_(x) }
    @inlinable public static func pow(_ x: Float, _ exponent: Double) -> Float {
        LibM.pow_(x, Float(exponent))
    }
}
