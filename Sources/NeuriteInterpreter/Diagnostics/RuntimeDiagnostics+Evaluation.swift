/// Runtime messages about evaluating expressions: names, calls, collections, arithmetic, derivatives,
/// and errors passed on from the engine.
///
/// One function per ``RuntimeErrorID`` case, named as the case; the text is lowercase with no final
/// period, names and words in `'…'`. See ``RuntimeMessage``.
extension RuntimeMessage {
    static func argumentGivenTwice(argument: String) -> Self {
        Self(.argumentGivenTwice, "argument '\(argument)' is given twice")
    }

    static func cannotAddUp(typeName: String) -> Self {
        Self(.cannotAddUp, "cannot add up a \(typeName)")
    }

    static var cannotCallModel: Self { Self(.cannotCallModel, "cannot call a model") }

    static func cannotDifferentiateOnVector(what: String) -> Self {
        Self(.cannotDifferentiateOnVector, "cannot differentiate through \(what) with a vector or matrix")
    }

    static func cannotDifferentiateOperatorOnVector(op: String) -> Self {
        Self(.cannotDifferentiateOperatorOnVector, "cannot differentiate through '\(op)' with a vector or matrix")
    }

    static var cannotDifferentiateVector: Self {
        Self(.cannotDifferentiateVector, "cannot differentiate through a vector")
    }

    static func cannotNegate(typeName: String) -> Self {
        Self(.cannotNegate, "cannot negate a \(typeName)")
    }

    static func collectionTooLarge(limit: Int) -> Self {
        Self(.collectionTooLarge, "too large: more than \(limit) elements")
    }

    static func conditionNotBoolean(typeName: String) -> Self {
        Self(.conditionNotBoolean, "a condition must be a boolean, got \(typeName)")
    }

    static func dataNeedsDataset(name: String, typeName: String) -> Self {
        Self(.dataNeedsDataset, "'data \(name)' needs a dataset, got \(typeName)")
    }

    /// An error reported by the engine about a data set (``DatasetError``), with "did you mean" added.
    static func datasetFailure(_ description: String) -> Self {
        Self(.datasetFailure, description)
    }

    static func derivativeNeedsNumber(typeName: String) -> Self {
        Self(.derivativeNeedsNumber, "a derivative needs a number (or a vector, elementwise), got \(typeName)")
    }

    static func derivativeNeedsUnaryFunction(function: String, parameterCount: Int) -> Self {
        Self(
            .derivativeNeedsUnaryFunction,
            "a derivative needs a function of one argument; '\(function)' takes \(parameterCount)")
    }

    static func derivativeOfNonNumber(function: String, typeName: String) -> Self {
        Self(.derivativeOfNonNumber, "cannot differentiate '\(function)': it returns a \(typeName), not a number")
    }

    static func derivativeOrderTooHigh(order: Int, limit: Int) -> Self {
        Self(.derivativeOrderTooHigh, "derivative order \(order) is too high (the limit is \(limit))")
    }

    static func derivativeTakesOneArgument(function: String, primes: String, given: Int) -> Self {
        Self(.derivativeTakesOneArgument, "'\(function)\(primes)' takes 1 argument, got \(given)")
    }

    /// An error reported by the engine (``EngineError``), in its own words.
    static func engineFailure(_ description: String) -> Self {
        Self(.engineFailure, description)
    }

    static func evaluationHasNoMetric(metric: String) -> Self {
        Self(.evaluationHasNoMetric, "this evaluation has no \(metric)")
    }

    static func indexNotWhole(index: String) -> Self {
        Self(.indexNotWhole, "an index must be a whole number, got \(index)")
    }

    static func indexOutOfRange(index: Int, indexed: String) -> Self {
        Self(.indexOutOfRange, "index \(index) is out of range for \(indexed)")
    }

    static func missingArgument(argument: String, function: String) -> Self {
        Self(.missingArgument, "missing argument '\(argument)' in call to '\(function)'")
    }

    static func mustBeNumber(what: String, typeName: String) -> Self {
        Self(.mustBeNumber, "\(what) must be a number, got \(typeName)")
    }

    static func needsNumbersVectorsOrMatrices(what: String, typeName: String) -> Self {
        Self(.needsNumbersVectorsOrMatrices, "\(what) needs numbers, vectors or matrices, got \(typeName)")
    }

    static func noMember(typeName: String, member: String) -> Self {
        Self(.noMember, "a \(typeName) has no member '\(member)'")
    }

    static func noSuchParameter(function: String, parameter: String) -> Self {
        Self(.noSuchParameter, "'\(function)' has no parameter '\(parameter)'")
    }

    static func notAFunction(purpose: String, typeName: String) -> Self {
        Self(.notAFunction, "cannot \(purpose) a \(typeName)")
    }

    static func notCallable(typeName: String) -> Self {
        Self(.notCallable, "cannot call a \(typeName)")
    }

    static func notDifferentiable(function: String) -> Self {
        Self(.notDifferentiable, "'\(function)' cannot be differentiated")
    }

    static func notIndexable(typeName: String) -> Self {
        Self(.notIndexable, "cannot index a \(typeName)")
    }

    static func notIterable(typeName: String) -> Self {
        Self(.notIterable, "cannot iterate over a \(typeName)")
    }

    static func notNeedsBoolean(typeName: String) -> Self {
        Self(.notNeedsBoolean, "'not' needs a boolean, got \(typeName)")
    }

    static var noValidationPart: Self { Self(.noValidationPart, "this split has no validation part") }

    static func operandType(name: String, what: String, typeName: String) -> Self {
        Self(.operandType, "'\(name)' needs \(what), got \(typeName)")
    }

    static var rangeNotFinite: Self { Self(.rangeNotFinite, "a range needs finite numbers") }

    static var rangeStepZero: Self { Self(.rangeStepZero, "a range's step must not be 0") }

    static var rangeTooLarge: Self { Self(.rangeTooLarge, "range too large") }

    static func recursionTooDeep(limit: Int, function: String) -> Self {
        Self(.recursionTooDeep, "recursion too deep (limit \(limit)) in '\(function)'")
    }

    static func runHasNoSeries(what: String) -> Self {
        Self(.runHasNoSeries, "this run has no \(what)")
    }

    static func runRecordedNoProbes(probe: String) -> Self {
        Self(.runRecordedNoProbes, "this run recorded no \(probe) probes")
    }

    static func shapeMismatch(op: String, left: String, right: String) -> Self {
        Self(.shapeMismatch, "shapes do not match for \(op): \(left) and \(right)")
    }

    static func tooManyArguments(function: String, takes: String, given: Int) -> Self {
        Self(.tooManyArguments, "too many arguments: '\(function)' takes \(takes), got \(given)")
    }

    static func tooManyElements(count: Int, limit: Int) -> Self {
        Self(.tooManyElements, "too large: \(count) elements (the limit is \(limit))")
    }

    static func unaryPlusNeedsNumber(typeName: String) -> Self {
        Self(.unaryPlusNeedsNumber, "unary '+' needs a number, got \(typeName)")
    }

    static func unevenMatrixRows(columns: Int, typeName: String) -> Self {
        Self(.unevenMatrixRows, "matrix rows must be vectors of the same length (\(columns)), got \(typeName)")
    }

    /// Any other error thrown by engine code, described as Swift describes it.
    static func unexpectedFailure(_ description: String) -> Self {
        Self(.unexpectedFailure, description)
    }

    static func unknownName(name: String) -> Self {
        Self(.unknownName, "unknown name '\(name)'")
    }

    static func listElementNotRun(count: Int, typeName: String) -> Self {
        Self(.listElementNotRun, "a list that starts with runs holds only runs (\(count) so far), got \(typeName)")
    }

    static func vectorElementNotNumber(typeName: String) -> Self {
        Self(
            .vectorElementNotNumber,
            "vector elements must be numbers (or vectors of the same length, for a matrix), got \(typeName)")
    }
}
