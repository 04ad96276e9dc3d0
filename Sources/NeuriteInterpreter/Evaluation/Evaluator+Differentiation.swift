import NeuriteLanguage
import NeuriteNumerics

/// Derivatives by Taylor-mode automatic differentiation.
///
/// `f'(x)` of order k evaluates `f`'s body with the argument bound to `Jet.variable(x, order: k)`;
/// every operation on a ``Value/jet(_:)`` propagates the Taylor coefficients (NeuriteNumerics'
/// ``Jet``), and the k-th derivative is read off the result. The same code path serves built-ins
/// (their scalar formulas are generic over `DifferentiableScalar`) and user functions. Applied to a
/// vector or matrix, a derivative maps elementwise. A derivative evaluated inside a function that is
/// itself being differentiated composes the series exactly (so `g'` where `g(x) = relu'(x) * x` works).
extension Evaluator {
    /// The highest derivative order (the cost grows with its square).
    static let maximumOrder = 100

    /// Only functions that can be called with one argument have a derivative, of a bounded order.
    func checkDifferentiable(_ function: FunctionValue, span: Span) throws {
        switch function {
        case .user(let user):
            guard !user.parameters.isEmpty, user.requiredParameterCount <= 1 else {
                throw arityError(function, count: user.requiredParameterCount, span: span)
            }
        case .builtin(let builtin):
            guard !builtin.parameters.isEmpty, builtin.requiredParameterCount <= 1,
                !builtin.isVariadic, builtin.isDifferentiable
            else {
                if !builtin.isDifferentiable, builtin.requiredParameterCount == 1 {
                    throw RuntimeError(
                        .notDifferentiable(function: builtin.name), at: span,
                        hint: "derivatives exist for functions of one number: math, elementwise activations, your own")
                }
                throw arityError(function, count: builtin.requiredParameterCount, span: span)
            }
        case .derivative(let base, let order):
            guard order <= Evaluator.maximumOrder else {
                throw RuntimeError(
                    .derivativeOrderTooHigh(order: order, limit: Evaluator.maximumOrder), at: span)
            }
            try checkDifferentiable(base, span: span)
        }
    }

    private func arityError(_ function: FunctionValue, count: Int, span: Span) -> RuntimeError {
        RuntimeError(
            .derivativeNeedsUnaryFunction(function: function.displayName, parameterCount: count),
            at: span, hint: "wrap it, e.g. fn g(x) = \(function.displayName)(x, …), then use g'")
    }

    func callDerivative(
        _ base: FunctionValue, order: Int, _ arguments: [EvaluatedArgument], span: Span
    ) throws -> Value {
        try checkDifferentiable(base, span: span)
        guard arguments.count == 1, arguments[0].label == nil else {
            throw RuntimeError(
                .derivativeTakesOneArgument(function: base.displayName, primes: String(repeating: "'", count: order), given: arguments.count),
                at: arguments.count > 1 ? arguments[1].span : span)
        }
        let argument = arguments[0]
        switch argument.value {
        case .number(let x):
            return .number(try derivative(of: base, order: order, at: x, span: span))
        case .jet(let inner):
            return .jet(try composedDerivative(of: base, order: order, at: inner, span: span))
        case .vector(let elements):
            var results: [Double] = []
            results.reserveCapacity(elements.count)
            for x in elements {
                try checkInterrupt()
                results.append(try derivative(of: base, order: order, at: x, span: span))
            }
            return .vector(results)
        case .matrix(var matrix):
            for index in matrix.elements.indices {
                try checkInterrupt()
                matrix.elements[index] = try derivative(
                    of: base, order: order, at: matrix.elements[index], span: span)
            }
            return .matrix(matrix)
        default:
            throw RuntimeError(
                .derivativeNeedsNumber(typeName: argument.value.typeName),
                at: argument.span)
        }
    }

    /// The Taylor series of `base` around `x`, to `order`.
    private func series(of base: FunctionValue, at x: Double, order: Int, span: Span) throws -> Jet {
        let result = try call(base, [.jet(Jet.variable(x, order: order))], span: span)
        switch result {
        case .jet(let jet): return jet
        case .number(let constant): return Jet(constant)
        default:
            throw RuntimeError(
                .derivativeOfNonNumber(function: base.displayName, typeName: result.typeName),
                at: span)
        }
    }

    /// At NaN the derivative is NaN, as in the closed forms, whichever branch NaN falls into
    /// (`relu'(nan)` would otherwise read the slope of the `x > 0` piece).
    func derivative(of base: FunctionValue, order: Int, at x: Double, span: Span) throws -> Double {
        let derivative = try series(of: base, at: x, order: order, span: span).derivative(order)
        return x.isNaN ? .nan : derivative
    }

    /// f⁽ᵏ⁾(u) for a jet u = u₀ + δ: Σⱼ f⁽ᵏ⁺ʲ⁾(u₀) δʲ / j!, to the order of u.
    private func composedDerivative(of base: FunctionValue, order: Int, at inner: Jet, span: Span)
        throws -> Jet
    {
        let m = inner.order
        let outer = try series(of: base, at: inner.value, order: order + m, span: span)
        let delta = inner - inner.value
        var result = Jet(0)
        var power = Jet(1)
        var factorial = 1.0
        for j in 0...m {
            if j > 0 {
                power = (power * delta).truncated(to: m)
                factorial *= Double(j)
            }
            result = result + power * (outer.derivative(order + j) / factorial)
        }
        return result
    }
}
