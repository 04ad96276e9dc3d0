import NeuriteLanguage
import NeuriteNumerics

/// Binary and unary operators on values, with numpy-like broadcasting:
/// scalar ⊕ vector and scalar ⊕ matrix apply the scalar to every element; vector ⊕ vector and
/// matrix ⊕ matrix need equal shapes; matrix ⊕ vector adds the vector to every row (its length
/// must equal the number of columns). Anything else is a shape error naming both shapes.
///
/// Ordering comparisons (`<`, `<=`, `>`, `>=`) of numbers give a boolean; with a vector or matrix
/// operand they broadcast and give 1 (true) or 0 (false) per element, so `sum(v > 0)` counts.
/// `==` and `!=` compare whole values and always give a boolean.
enum Arithmetic {
    static func binary(
        _ op: BinaryOperator, _ lhs: Value, _ rhs: Value, span: Span, lhsSpan: Span, rhsSpan: Span
    ) throws -> Value {
        switch op {
        case .equal: return .boolean(equal(lhs, rhs))
        case .notEqual: return .boolean(!equal(lhs, rhs))
        case .and, .or:
            // Short-circuiting is done by the evaluator; this handles evaluated operands.
            guard case .boolean(let a) = lhs else { throw needs("a boolean", op, lhs, lhsSpan) }
            guard case .boolean(let b) = rhs else { throw needs("a boolean", op, rhs, rhsSpan) }
            return .boolean(op == .and ? a && b : a || b)
        default: break
        }
        if op == .add, isString(lhs) || isString(rhs) {
            let formatter = ValueFormatter.plain
            let (left, right) = (formatter.format(lhs), formatter.format(rhs))  // vectors are elided: short
            try Limits.checkString(bytes: left.utf8.count + right.utf8.count, span: span)
            return .string(left + right)
        }
        if op == .add, let left = lhs.runList, let right = rhs.runList {
            return .runs(RunsValue(left + right))  // runs concatenate, as lists do
        }
        if op.isOrdering, case .string(let a) = lhs, case .string(let b) = rhs {
            return .boolean(compare(op, a, b))
        }
        let left = try Operand(lhs, what: "'\(op.rawValue)'", span: lhsSpan)
        let right = try Operand(rhs, what: "'\(op.rawValue)'", span: rhsSpan)
        switch (left, right) {
        case (.scalar(let a), .scalar(let b)):
            if op.isOrdering { return .boolean(compare(op, a.value, b.value)) }
            return a.combined(op, b).valueCase
        case (.scalar(let a), _) where a.isJet, (_, .scalar(let a)) where a.isJet:
            throw RuntimeError(
                .cannotDifferentiateOperatorOnVector(op: op.rawValue), at: span,
                hint: "derivatives work on functions of one number; apply them to vectors elementwise")
        default:
            let function = doubleFunction(op)
            return try broadcast(left, right, function, op: "'\(op.rawValue)'", span: span)
        }
    }

    /// A two-argument function applied with the same broadcasting as the operators
    /// (`pow`, `min`, `max`, `atan2`); `jet` handles numbers that carry derivatives.
    static func elementwise(
        _ name: String, _ lhs: Value, _ rhs: Value, span: Span, lhsSpan: Span, rhsSpan: Span,
        double: (Double, Double) -> Double, jet: (Jet, Jet) -> Jet
    ) throws -> Value {
        let what = "'\(name)'"
        let left = try Operand(lhs, what: what, span: lhsSpan)
        let right = try Operand(rhs, what: what, span: rhsSpan)
        if case .scalar(let a) = left, case .scalar(let b) = right {
            if !a.isJet && !b.isJet { return .number(double(a.value, b.value)) }
            return .jet(jet(a.asJet, b.asJet))
        }
        for operand in [left, right] {
            if case .scalar(let s) = operand, s.isJet {
                throw RuntimeError(
                    .cannotDifferentiateOnVector(what: what), at: span)
            }
        }
        return try broadcast(left, right, double, op: what, span: span)
    }

    static func negate(_ value: Value, span: Span) throws -> Value {
        switch value {
        case .number(let x): return .number(-x)
        case .jet(let x): return .jet(-x)
        case .vector(let elements): return .vector(elements.map { -$0 })
        case .matrix(var matrix):
            matrix.elements = matrix.elements.map { -$0 }
            return .matrix(matrix)
        default:
            throw RuntimeError(.cannotNegate(typeName: value.typeName), at: span)
        }
    }

    /// Structural equality; numbers compare by value (a jet by its value).
    static func equal(_ lhs: Value, _ rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.number(let a), .number(let b)): return a == b
        case (.number(let a), .jet(let b)), (.jet(let b), .number(let a)): return a == b.value
        case (.jet(let a), .jet(let b)): return a.value == b.value
        case (.boolean(let a), .boolean(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.vector(let a), .vector(let b)): return a == b
        case (.matrix(let a), .matrix(let b)): return a == b
        case (.nothing, .nothing): return true
        case (.function(let a), .function(let b)): return a.isSame(as: b)
        case (.model(let a), .model(let b)): return a === b
        default: return false
        }
    }

    // MARK: - Pieces

    private static func isString(_ value: Value) -> Bool {
        if case .string = value { return true }
        return false
    }

    private static func needs(_ what: String, _ op: BinaryOperator, _ value: Value, _ span: Span)
        -> RuntimeError
    {
        RuntimeError(.operandType(name: op.rawValue, what: what, typeName: value.typeName), at: span)
    }

    private static func compare<T: Comparable>(_ op: BinaryOperator, _ a: T, _ b: T) -> Bool {
        switch op {
        case .less: return a < b
        case .lessEqual: return a <= b
        case .greater: return a > b
        default: return a >= b
        }
    }

    /// The operator on plain numbers, used elementwise.
    private static func doubleFunction(_ op: BinaryOperator) -> (Double, Double) -> Double {
        switch op {
        case .add: return (+)
        case .subtract: return (-)
        case .multiply: return (*)
        case .divide: return (/)
        case .remainder: return flooredRemainder
        case .power: return { Double.pow($0, $1) }
        case .less: return { $0 < $1 ? 1 : 0 }
        case .lessEqual: return { $0 <= $1 ? 1 : 0 }
        case .greater: return { $0 > $1 ? 1 : 0 }
        case .greaterEqual: return { $0 >= $1 ? 1 : 0 }
        case .equal, .notEqual, .and, .or: return { _, _ in .nan }
        }
    }

    /// a − b·⌊a/b⌋: the result has the sign of b (`-7 % 3` is 2).
    static func flooredRemainder(_ a: Double, _ b: Double) -> Double {
        a - b * (a / b).rounded(.down)
    }

    static func broadcast(
        _ left: Operand, _ right: Operand, _ f: (Double, Double) -> Double,
        op: String, span: Span
    ) throws -> Value {
        switch (left, right) {
        case (.scalar(let a), .vector(let b)): return .vector(b.map { f(a.value, $0) })
        case (.vector(let a), .scalar(let b)): return .vector(a.map { f($0, b.value) })
        case (.scalar(let a), .matrix(var b)):
            b.elements = b.elements.map { f(a.value, $0) }
            return .matrix(b)
        case (.matrix(var a), .scalar(let b)):
            a.elements = a.elements.map { f($0, b.value) }
            return .matrix(a)
        case (.vector(let a), .vector(let b)):
            guard a.count == b.count else {
                throw shapeError(op, left, right, span, hint: "vectors must have the same length")
            }
            return .vector(zip(a, b).map(f))
        case (.matrix(var a), .matrix(let b)):
            guard a.rows == b.rows, a.columns == b.columns else {
                throw shapeError(op, left, right, span, hint: "matrices must have the same shape")
            }
            a.elements = zip(a.elements, b.elements).map(f)
            return .matrix(a)
        case (.matrix(var a), .vector(let b)):
            guard a.columns == b.count else {
                throw shapeError(
                    op, left, right, span,
                    hint: "a vector combines with each row, so its length must be \(a.columns)")
            }
            a.elements = a.elements.indices.map { f(a.elements[$0], b[$0 % a.columns]) }
            return .matrix(a)
        case (.vector(let a), .matrix(var b)):
            guard b.columns == a.count else {
                throw shapeError(
                    op, left, right, span,
                    hint: "a vector combines with each row, so its length must be \(b.columns)")
            }
            b.elements = b.elements.indices.map { f(a[$0 % b.columns], b.elements[$0]) }
            return .matrix(b)
        case (.scalar, .scalar):
            return .nothing  // handled by the caller
        }
    }

    static func shapeError(
        _ op: String, _ left: Operand, _ right: Operand, _ span: Span, hint: String
    ) -> RuntimeError {
        RuntimeError(
            .shapeMismatch(op: op, left: left.shapeName, right: right.shapeName),
            at: span, hint: hint)
    }
}

extension BinaryOperator {
    var isOrdering: Bool {
        switch self {
        case .less, .lessEqual, .greater, .greaterEqual: return true
        default: return false
        }
    }
}

/// An operand of an arithmetic operator, by shape.
enum Operand {
    case scalar(Scalar)
    case vector([Double])
    case matrix(Matrix)

    init(_ value: Value, what: String, span: Span) throws {
        switch value {
        case .number(let x): self = .scalar(.plain(x))
        case .jet(let x): self = .scalar(.jet(x))
        case .vector(let elements): self = .vector(elements)
        case .matrix(let matrix): self = .matrix(matrix)
        default:
            throw RuntimeError(
                .needsNumbersVectorsOrMatrices(what: what, typeName: value.typeName), at: span)
        }
    }

    var shapeName: String {
        switch self {
        case .scalar: return "number"
        case .vector(let elements): return "vector of \(elements.count)"
        case .matrix(let matrix): return "\(matrix.rows)×\(matrix.columns) matrix"
        }
    }
}
