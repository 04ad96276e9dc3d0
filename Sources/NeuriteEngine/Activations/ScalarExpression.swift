#if canImport(Glibc)
import Glibc
#endif
import NeuriteNumerics

/// A comparison used by ``ScalarExpression/select(condition:lhs:rhs:then:else:)``.
public enum Comparison: String, CaseIterable, Sendable {
    case less, lessOrEqual, greater, greaterOrEqual, equal, notEqual

    /// Whether `lhs <op> rhs` holds.
    @inline(__always)
    public func holds<T: Comparable>(_ lhs: T, _ rhs: T) -> Bool {
        switch self {
        case .less: return lhs < rhs
        case .lessOrEqual: return lhs <= rhs
        case .greater: return lhs > rhs
        case .greaterOrEqual: return lhs >= rhs
        case .equal: return lhs == rhs
        case .notEqual: return lhs != rhs
        }
    }
}

/// A scalar function of one variable `x`, independent of the language's syntax: the interpreter
/// lowers `fn act(x) = …` into this, and ``ScalarProgram`` compiles it for whole batches.
public indirect enum ScalarExpression: Sendable, Equatable {
    /// The variable `x`.
    case input
    case constant(Double)
    case unary(MathFunction, ScalarExpression)
    case activation(Activation, ScalarExpression)
    case add(ScalarExpression, ScalarExpression)
    case subtract(ScalarExpression, ScalarExpression)
    case multiply(ScalarExpression, ScalarExpression)
    case divide(ScalarExpression, ScalarExpression)
    /// `base ^ exponent` (real power; a negative base needs a whole exponent).
    case power(ScalarExpression, ScalarExpression)
    case negate(ScalarExpression)
    /// `condition(lhs, rhs) ? then : else`. The derivative follows the branch taken.
    case select(condition: Comparison, lhs: ScalarExpression, rhs: ScalarExpression,
                then: ScalarExpression, else: ScalarExpression)

    /// The value at `x`, by a tree walk in Double (the reference for checks).
    public func evaluate(_ x: Double) -> Double {
        switch self {
        case .input: return x
        case .constant(let c): return c
        case let .unary(f, a): return f.apply(a.evaluate(x))
        case let .activation(f, a): return f.value(a.evaluate(x))
        case let .add(a, b): return a.evaluate(x) + b.evaluate(x)
        case let .subtract(a, b): return a.evaluate(x) - b.evaluate(x)
        case let .multiply(a, b): return a.evaluate(x) * b.evaluate(x)
        case let .divide(a, b): return a.evaluate(x) / b.evaluate(x)
        case let .power(a, b): return Glibc.pow(a.evaluate(x), b.evaluate(x))
        case let .negate(a): return -a.evaluate(x)
        case let .select(condition, lhs, rhs, then, otherwise):
            return condition.holds(lhs.evaluate(x), rhs.evaluate(x)) ? then.evaluate(x) : otherwise.evaluate(x)
        }
    }

    /// The Taylor series at `x` by a tree walk over jets (NeuriteNumerics' Taylor mode): an
    /// independent reference for the compiled program's derivative.
    public func evaluate(_ x: Jet) -> Jet {
        switch self {
        case .input: return x
        case .constant(let c): return Jet(c)
        case let .unary(f, a): return f.apply(a.evaluate(x))
        case let .activation(f, a): return f.apply(a.evaluate(x))
        case let .add(a, b): return a.evaluate(x) + b.evaluate(x)
        case let .subtract(a, b): return a.evaluate(x) - b.evaluate(x)
        case let .multiply(a, b): return a.evaluate(x) * b.evaluate(x)
        case let .divide(a, b): return a.evaluate(x) / b.evaluate(x)
        case let .power(a, b):
            let base = a.evaluate(x), exponent = b.evaluate(x)
            if exponent.isConstant { return Jet.pow(base, exponent.value) }
            return Jet.exp(exponent * Jet.log(base))
        case let .negate(a): return -a.evaluate(x)
        case let .select(condition, lhs, rhs, then, otherwise):
            return condition.holds(lhs.evaluate(x.value), rhs.evaluate(x.value)) ? then.evaluate(x) : otherwise.evaluate(x)
        }
    }

    /// The value and exact first derivative at `x` (through jets).
    public func evaluateWithDerivative(_ x: Double) -> (value: Double, derivative: Double) {
        let jet = evaluate(Jet.variable(x, order: 1))
        return (jet.value, jet.derivative(1))
    }

    /// d(a^b) = a^b · (b′·ln a + b·a′/a); a constant exponent avoids the logarithm.
    static func powerRule(_ a: Double, _ da: Double, _ b: Double, _ db: Double) -> (value: Double, derivative: Double) {
        let v = Glibc.pow(a, b)
        var d = 0.0
        if da != 0 { d += b * Glibc.pow(a, b - 1) * da }
        if db != 0 { d += v * Glibc.log(a) * db }
        return (v, d)
    }
}

/// A user-defined activation: a name, its expression and the compiled batch program.
public final class UserActivation: @unchecked Sendable {
    /// The function's name in the language.
    public let name: String
    /// The function as written.
    public let expression: ScalarExpression
    /// The compiled program (owns its register buffers; one per layer that uses it).
    public let program: ScalarProgram

    public init(name: String, expression: ScalarExpression) {
        self.name = name
        self.expression = expression
        self.program = ScalarProgram(expression)
    }

    /// A fresh copy with its own buffers (for use in another layer).
    public func copy() -> UserActivation { UserActivation(name: name, expression: expression) }
}
