#if canImport(Glibc)
import Glibc
#endif
import NeuriteNumerics

/// A ``ScalarExpression`` compiled to a flat register program evaluated over whole Float buffers.
///
/// Each instruction is one tight loop over the batch. With a derivative requested, every register
/// also carries its tangent (forward-mode differentiation with dx = 1), so the derivative is exact
/// for the expression as written, not a finite difference. Registers are buffers owned by the
/// program and sized by ``reserve(_:)``; evaluation allocates nothing.
public final class ScalarProgram: @unchecked Sendable {
    enum Operation {
        case unary(MathFunction, Int)
        case activation(Activation, Int)
        case add(Int, Int), subtract(Int, Int), multiply(Int, Int), divide(Int, Int)
        case power(Int, Int)
        case constantPower(Int, Double)
        case negate(Int)
        case select(Comparison, Int, Int, Int, Int)
    }

    struct Instruction {
        let operation: Operation
        let destination: Int
    }

    /// Register 0 is the input; constants come next; then one register per instruction.
    private(set) var instructions: [Instruction] = []
    private var constants: [(register: Int, value: Double)] = []
    private var hasTangent: [Bool] = []
    private var result = 0
    private var values: [Workspace] = []
    private var tangents: [Workspace] = []
    private let scratch = Workspace()
    private var capacity = 0

    /// Compiles `expression`.
    public init(_ expression: ScalarExpression) {
        hasTangent = [true]
        var constantRegisters: [Double: Int] = [:]
        func constant(_ c: Double) -> Int {
            if let r = constantRegisters[c] { return r }
            let r = hasTangent.count
            hasTangent.append(false)
            constants.append((r, c))
            constantRegisters[c] = r
            return r
        }
        func emit(_ operation: Operation, tangent: Bool) -> Int {
            let r = hasTangent.count
            hasTangent.append(tangent)
            instructions.append(Instruction(operation: operation, destination: r))
            return r
        }
        func isConstant(_ e: ScalarExpression) -> Bool {
            switch e {
            case .input: return false
            case .constant: return true
            case .unary(_, let a), .activation(_, let a), .negate(let a): return isConstant(a)
            case let .add(a, b), let .subtract(a, b), let .multiply(a, b), let .divide(a, b),
                 let .power(a, b):
                return isConstant(a) && isConstant(b)
            case let .select(_, l, r, t, e):
                return isConstant(l) && isConstant(r) && isConstant(t) && isConstant(e)
            }
        }
        func lower(_ e: ScalarExpression) -> Int {
            if isConstant(e) { return constant(e.evaluate(0)) }
            switch e {
            case .input: return 0
            case .constant(let c): return constant(c)
            case let .unary(f, a): let ra = lower(a); return emit(.unary(f, ra), tangent: hasTangent[ra])
            case .activation(.softmax, _):
                // softmax of a scalar is the constant 1 (NeuriteNumerics' convention).
                return constant(1)
            case let .activation(f, a): let ra = lower(a); return emit(.activation(f, ra), tangent: hasTangent[ra])
            case let .negate(a): let ra = lower(a); return emit(.negate(ra), tangent: hasTangent[ra])
            case let .add(a, b): return binary(a, b) { .add($0, $1) }
            case let .subtract(a, b): return binary(a, b) { .subtract($0, $1) }
            case let .multiply(a, b): return binary(a, b) { .multiply($0, $1) }
            case let .divide(a, b): return binary(a, b) { .divide($0, $1) }
            case let .power(a, b):
                if isConstant(b) {
                    let ra = lower(a)
                    return emit(.constantPower(ra, b.evaluate(0)), tangent: hasTangent[ra])
                }
                return binary(a, b) { .power($0, $1) }
            case let .select(condition, l, r, t, f):
                let (rl, rr, rt, rf) = (lower(l), lower(r), lower(t), lower(f))
                return emit(.select(condition, rl, rr, rt, rf), tangent: hasTangent[rt] || hasTangent[rf])
            }
        }
        func binary(_ a: ScalarExpression, _ b: ScalarExpression, _ make: (Int, Int) -> Operation) -> Int {
            let ra = lower(a), rb = lower(b)
            return emit(make(ra, rb), tangent: hasTangent[ra] || hasTangent[rb])
        }
        result = lower(expression)
        values = hasTangent.map { _ in Workspace() }
        tangents = hasTangent.map { _ in Workspace() }
    }

    /// The number of instructions (each one loop over the batch).
    public var instructionCount: Int { instructions.count }

    /// Makes every register hold at least `count` values.
    public func reserve(_ count: Int) {
        guard count > capacity else { return }
        capacity = count
        for r in values.indices {
            values[r].reserve(count)
            tangents[r].reserve(count)
        }
        scratch.reserve(count)
        for (r, c) in constants { values[r].pointer.update(repeating: Float(c), count: count) }
        tangents[0].pointer.update(repeating: 1, count: count)
    }

    /// Evaluates over `count` inputs into `output`, and the exact derivative into `derivative` if given.
    public func evaluate(
        _ input: UnsafePointer<Float>, count: Int, into output: UnsafeMutablePointer<Float>,
        derivative: UnsafeMutablePointer<Float>?
    ) {
        reserve(count)
        run(input, count: count, withTangents: derivative != nil)
        output.update(from: values[result].pointer, count: count)
        if let derivative {
            if hasTangent[result] {
                derivative.update(from: tangents[result].pointer, count: count)
            } else {
                derivative.update(repeating: 0, count: count)
            }
        }
    }

    /// `into[i] = upstream[i] · f′(input[i])`.
    public func backward(
        _ input: UnsafePointer<Float>, upstream: UnsafePointer<Float>, count: Int,
        into: UnsafeMutablePointer<Float>
    ) {
        reserve(count)
        run(input, count: count, withTangents: true)
        if !hasTangent[result] {
            into.update(repeating: 0, count: count)
            return
        }
        let d = tangents[result].pointer
        var i = 0
        while i < count { into[i] = upstream[i] * d[i]; i &+= 1 }
    }

    private func run(_ input: UnsafePointer<Float>, count n: Int, withTangents: Bool) {
        values[0].pointer.update(from: input, count: n)
        for instruction in instructions {
            let dest = instruction.destination
            let v = values[dest].pointer
            let t: UnsafeMutablePointer<Float>? = withTangents && hasTangent[dest] ? tangents[dest].pointer : nil
            switch instruction.operation {
            case let .unary(f, a):
                unary(f, values[a].pointer, tangent(a), n, v, t)
            case let .activation(f, a):
                ActivationKernels.forward(f, values[a].pointer, v, count: n)
                if let t, let ta = tangent(a) {
                    ActivationKernels.backward(f, input: values[a].pointer, output: v, upstream: ta, into: t, count: n)
                }
            case let .negate(a):
                let x = values[a].pointer
                var i = 0
                while i < n { v[i] = -x[i]; i &+= 1 }
                if let t, let ta = tangent(a) { i = 0; while i < n { t[i] = -ta[i]; i &+= 1 } }
            case let .add(a, b), let .subtract(a, b):
                let sign: Float
                if case .add = instruction.operation { sign = 1 } else { sign = -1 }
                let x = values[a].pointer, y = values[b].pointer
                var i = 0
                while i < n { v[i] = x[i] + sign * y[i]; i &+= 1 }
                if let t { linearTangent(1, tangent(a), sign, tangent(b), n, t) }
            case let .multiply(a, b):
                let x = values[a].pointer, y = values[b].pointer
                var i = 0
                while i < n { v[i] = x[i] * y[i]; i &+= 1 }
                if let t {
                    switch (tangent(a), tangent(b)) {
                    case let (ta?, tb?): i = 0; while i < n { t[i] = ta[i] * y[i] + x[i] * tb[i]; i &+= 1 }
                    case let (ta?, nil): i = 0; while i < n { t[i] = ta[i] * y[i]; i &+= 1 }
                    case let (nil, tb?): i = 0; while i < n { t[i] = x[i] * tb[i]; i &+= 1 }
                    case (nil, nil): t.update(repeating: 0, count: n)
                    }
                }
            case let .divide(a, b):
                let x = values[a].pointer, y = values[b].pointer
                var i = 0
                while i < n { v[i] = x[i] / y[i]; i &+= 1 }
                if let t {
                    let ta = tangent(a), tb = tangent(b)
                    i = 0
                    while i < n {
                        let numerator = (ta?[i] ?? 0) - v[i] * (tb?[i] ?? 0)
                        t[i] = numerator / y[i]
                        i &+= 1
                    }
                }
            case let .constantPower(a, exponent):
                constantPower(values[a].pointer, tangent(a), exponent, n, v, t)
            case let .power(a, b):
                let x = values[a].pointer, y = values[b].pointer, ta = tangent(a), tb = tangent(b)
                var i = 0
                while i < n {
                    let (value, d) = ScalarExpression.powerRule(
                        Double(x[i]), Double(ta?[i] ?? 0), Double(y[i]), Double(tb?[i] ?? 0))
                    v[i] = Float(value)
                    t?[i] = Float(d)
                    i &+= 1
                }
            case let .select(condition, l, r, a, b):
                let lv = values[l].pointer, rv = values[r].pointer
                let x = values[a].pointer, y = values[b].pointer
                var i = 0
                while i < n { v[i] = condition.holds(lv[i], rv[i]) ? x[i] : y[i]; i &+= 1 }
                if let t {
                    let ta = tangent(a), tb = tangent(b)
                    i = 0
                    while i < n {
                        t[i] = condition.holds(lv[i], rv[i]) ? (ta?[i] ?? 0) : (tb?[i] ?? 0)
                        i &+= 1
                    }
                }
            }
        }
    }

    @inline(__always)
    private func tangent(_ register: Int) -> UnsafeMutablePointer<Float>? {
        hasTangent[register] ? tangents[register].pointer : nil
    }

    private func linearTangent(
        _ alpha: Float, _ ta: UnsafeMutablePointer<Float>?, _ beta: Float, _ tb: UnsafeMutablePointer<Float>?,
        _ n: Int, _ t: UnsafeMutablePointer<Float>
    ) {
        var i = 0
        switch (ta, tb) {
        case let (ta?, tb?): while i < n { t[i] = alpha * ta[i] + beta * tb[i]; i &+= 1 }
        case let (ta?, nil): while i < n { t[i] = alpha * ta[i]; i &+= 1 }
        case let (nil, tb?): while i < n { t[i] = beta * tb[i]; i &+= 1 }
        case (nil, nil): t.update(repeating: 0, count: n)
        }
    }

    private func constantPower(
        _ x: UnsafeMutablePointer<Float>, _ ta: UnsafeMutablePointer<Float>?, _ exponent: Double, _ n: Int,
        _ v: UnsafeMutablePointer<Float>, _ t: UnsafeMutablePointer<Float>?
    ) {
        var i = 0
        if exponent == 2 {
            while i < n { v[i] = x[i] * x[i]; i &+= 1 }
            if let t, let ta { i = 0; while i < n { t[i] = 2 * x[i] * ta[i]; i &+= 1 } }
            return
        }
        let e = Float(exponent)
        while i < n { v[i] = powf(x[i], e); i &+= 1 }
        if let t, let ta { i = 0; while i < n { t[i] = e * powf(x[i], e - 1) * ta[i]; i &+= 1 } }
    }

    private func unary(
        _ f: MathFunction, _ x: UnsafeMutablePointer<Float>, _ ta: UnsafeMutablePointer<Float>?, _ n: Int,
        _ v: UnsafeMutablePointer<Float>, _ t: UnsafeMutablePointer<Float>?
    ) {
        let tangents: UnsafeMutablePointer<Float>? = t != nil && ta != nil ? t : nil
        /// v = value(x); t = slope(x, v) · tₐ.
        @inline(__always) func loop(_ value: (Float) -> Float, _ slope: (Float, Float) -> Float) {
            var i = 0
            while i < n { v[i] = value(x[i]); i &+= 1 }
            if let t = tangents, let ta {
                i = 0
                while i < n { t[i] = slope(x[i], v[i]) * ta[i]; i &+= 1 }
            }
        }
        switch f {
        case .exp: loop(expf) { _, y in y }
        case .log: loop(logf) { x, _ in 1 / x }
        case .log2: loop(log2f) { x, _ in 1 / (x * Float(M_LN2)) }
        case .log10: loop(log10f) { x, _ in 1 / (x * Float(M_LN10)) }
        case .sqrt: loop({ $0.squareRoot() }) { _, y in 0.5 / y }
        case .abs: loop({ Swift.abs($0) }) { x, _ in x > 0 ? 1 : (x < 0 ? -1 : 0) }
        case .sign: loop({ $0 > 0 ? 1 : ($0 < 0 ? -1 : ($0.isNaN ? .nan : 0)) }) { _, _ in 0 }
        case .sin: loop(sinf) { x, _ in cosf(x) }
        case .cos: loop(cosf) { x, _ in -sinf(x) }
        case .tan: loop(tanf) { _, y in 1 + y * y }
        case .sinh: loop(sinhf) { x, _ in coshf(x) }
        case .cosh: loop(coshf) { x, _ in sinhf(x) }
        case .tanh: loop(tanhf) { _, y in 1 - y * y }
        case .atan: loop(atanf) { x, _ in 1 / (1 + x * x) }
        case .floor: loop(floorf) { _, _ in 0 }
        case .ceil: loop(ceilf) { _, _ in 0 }
        case .round: loop(roundf) { _, _ in 0 }
        default:
            // Rare functions: the numerics table in Double, derivative through a jet.
            loop({ Float(f.apply(Double($0))) }) { x, _ in
                Float(f.apply(Jet.variable(Double(x), order: 1)).derivative(1))
            }
        }
    }
}
