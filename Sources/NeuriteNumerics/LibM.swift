// Thin wrappers over the C maths library, so that types with static members named `exp`, `log`…
// (which shadow the global functions inside their own scope) can still reach libm.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// libm for `Double`, under names no type member shadows.
@usableFromInline enum LibM {
    @usableFromInline static func exp_(_ x: Double) -> Double { exp(x) }
    @usableFromInline static func expm1_(_ x: Double) -> Double { expm1(x) }
    @usableFromInline static func log_(_ x: Double) -> Double { log(x) }
    @usableFromInline static func log1p_(_ x: Double) -> Double { log1p(x) }
    @usableFromInline static func log2_(_ x: Double) -> Double { log2(x) }
    @usableFromInline static func log10_(_ x: Double) -> Double { log10(x) }
    @usableFromInline static func sqrt_(_ x: Double) -> Double { x.squareRoot() }
    @usableFromInline static func pow_(_ x: Double, _ y: Double) -> Double { pow(x, y) }
    @usableFromInline static func sin_(_ x: Double) -> Double { sin(x) }
    @usableFromInline static func cos_(_ x: Double) -> Double { cos(x) }
    @usableFromInline static func tan_(_ x: Double) -> Double { tan(x) }
    @usableFromInline static func asin_(_ x: Double) -> Double { asin(x) }
    @usableFromInline static func acos_(_ x: Double) -> Double { acos(x) }
    @usableFromInline static func atan_(_ x: Double) -> Double { atan(x) }
    @usableFromInline static func atan2_(_ y: Double, _ x: Double) -> Double { atan2(y, x) }
    @usableFromInline static func sinh_(_ x: Double) -> Double { sinh(x) }
    @usableFromInline static func cosh_(_ x: Double) -> Double { cosh(x) }
    @usableFromInline static func tanh_(_ x: Double) -> Double { tanh(x) }
    @usableFromInline static func erf_(_ x: Double) -> Double { erf(x) }
    @usableFromInline static func erfc_(_ x: Double) -> Double { erfc(x) }

    @usableFromInline static func exp_(_ x: Float) -> Float { exp(x) }
    @usableFromInline static func expm1_(_ x: Float) -> Float { expm1(x) }
    @usableFromInline static func log_(_ x: Float) -> Float { log(x) }
    @usableFromInline static func log1p_(_ x: Float) -> Float { log1p(x) }
    @usableFromInline static func sqrt_(_ x: Float) -> Float { x.squareRoot() }
    @usableFromInline static func pow_(_ x: Float, _ y: Float) -> Float { pow(x, y) }
    @usableFromInline static func sin_(_ x: Float) -> Float { sin(x) }
    @usableFromInline static func cos_(_ x: Float) -> Float { cos(x) }
    @usableFromInline static func atan_(_ x: Float) -> Float { atan(x) }
    @usableFromInline static func tanh_(_ x: Float) -> Float { tanh(x) }
    @usableFromInline static func erf_(_ x: Float) -> Float { erf(x) }
    @usableFromInline static func erfc_(_ x: Float) -> Float { erfc(x) }
}
