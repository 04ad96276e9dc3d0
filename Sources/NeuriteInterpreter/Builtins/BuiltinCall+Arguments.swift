import NeuriteNumerics

/// Reading arguments in the shapes built-ins need, with clear errors.
extension BuiltinCall {
    /// Argument `index` as a plain number (a number carrying derivatives is refused).
    func number(_ index: Int, _ what: String = "a number") throws -> Double {
        switch arguments[index] {
        case .number(let x): return x
        case .jet: throw notDifferentiable(index)
        default: throw error(.operandType(name: name, what: what, typeName: arguments[index].typeName), argument: index)
        }
    }

    /// Argument `index` as a whole number from `minimum` to `maximum`.
    func count(_ index: Int, minimum: Int, what: String, maximum: Int = 1_000_000_000) throws -> Int {
        let x = try number(index, what)
        guard x == x.rounded(), x >= Double(minimum) else {
            throw error(.argumentNotCount(function: name, what: what, minimum: minimum, given: formatNumber(x)), argument: index)
        }
        guard x <= Double(maximum) else {
            throw error(.argumentTooLarge(function: name, what: what, limit: maximum, given: formatNumber(x)), argument: index)
        }
        return Int(x)
    }

    /// All the numbers in argument `index`: a vector's elements, a matrix's, or a single number.
    func elements(_ index: Int) throws -> [Double] {
        switch arguments[index] {
        case .number(let x): return [x]
        case .vector(let elements): return elements
        case .matrix(let matrix): return matrix.elements
        case .jet: throw notDifferentiable(index)
        default:
            throw error(.argumentNotVector(function: name, typeName: arguments[index].typeName), argument: index)
        }
    }

    func function(_ index: Int) throws -> FunctionValue {
        guard case .function(let function) = arguments[index] else {
            throw error(.argumentNotFunction(function: name, typeName: arguments[index].typeName), argument: index)
        }
        return function
    }

    func notDifferentiable(_ index: Int) -> RuntimeError {
        error(
            .builtinNotDifferentiable(function: name), argument: index,
            hint: "derivatives work through arithmetic, math functions and activations")
    }
}

/// Applies a one-argument function to a number, a number with derivatives, or every element of a
/// vector or matrix.
func mapElementwise(
    _ call: BuiltinCall, _ index: Int = 0, double: (Double) -> Double, jet: (Jet) -> Jet
) throws -> Value {
    switch call.arguments[index] {
    case .number(let x): return .number(double(x))
    case .jet(let x): return .jet(jet(x))
    case .vector(let elements): return .vector(elements.map(double))
    case .matrix(var matrix):
        matrix.elements = matrix.elements.map(double)
        return .matrix(matrix)
    default:
        throw call.error(
            .argumentNotArray(function: call.name, typeName: call.arguments[index].typeName),
            argument: index)
    }
}
