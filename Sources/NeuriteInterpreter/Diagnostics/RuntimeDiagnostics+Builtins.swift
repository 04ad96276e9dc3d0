/// Runtime messages about built-in functions and their arguments.
///
/// One function per ``RuntimeErrorID`` case, named as the case; the text is lowercase with no final
/// period, names and words in `'…'`. See ``RuntimeMessage``.
extension RuntimeMessage {
    static func argumentNotArray(function: String, typeName: String) -> Self {
        Self(.argumentNotArray, "'\(function)' needs a number, vector or matrix, got \(typeName)")
    }

    static func argumentNotCount(function: String, what: String, minimum: Int, given: String) -> Self {
        Self(.argumentNotCount, "'\(function)' needs \(what) (a whole number ≥ \(minimum)), got \(given)")
    }

    static func argumentNotDataset(function: String, typeName: String) -> Self {
        Self(.argumentNotDataset, "'\(function)' needs a dataset, got \(typeName)")
    }

    static func argumentNotFunction(function: String, typeName: String) -> Self {
        Self(.argumentNotFunction, "'\(function)' needs a function, got \(typeName)")
    }

    static func argumentNotModel(function: String, typeName: String) -> Self {
        Self(.argumentNotModel, "'\(function)' needs a model, got \(typeName)")
    }

    static func argumentNotString(function: String, what: String, typeName: String) -> Self {
        Self(.argumentNotString, "'\(function)' needs \(what) (a string), got \(typeName)")
    }

    static func argumentNotVector(function: String, typeName: String) -> Self {
        Self(.argumentNotVector, "'\(function)' needs a vector, got \(typeName)")
    }

    static func argumentTooLarge(function: String, what: String, limit: Int, given: String) -> Self {
        Self(.argumentTooLarge, "'\(function)' needs \(what) of at most \(limit), got \(given)")
    }

    static func argumentTooSmall(function: String, what: String, minimum: String, given: String) -> Self {
        Self(.argumentTooSmall, "'\(function)' needs \(what) ≥ \(minimum), got \(given)")
    }

    static func builtinNotDifferentiable(function: String) -> Self {
        Self(.builtinNotDifferentiable, "cannot differentiate through '\(function)'")
    }

    static func clampBounds(lo: String, hi: String) -> Self {
        Self(.clampBounds, "'clamp' needs lo ≤ hi, got lo = \(lo), hi = \(hi)")
    }

    static func dotLengthMismatch(left: Int, right: Int) -> Self {
        Self(.dotLengthMismatch, "'dot' needs vectors of the same length, got \(left) and \(right)")
    }

    static func dotMatrixVector(columns: Int, rows: Int, typeName: String) -> Self {
        Self(.dotMatrixVector, "'dot' needs a vector of \(columns) after a \(rows)×\(columns) matrix, got \(typeName)")
    }

    static func emptyVector(function: String) -> Self {
        Self(.emptyVector, "'\(function)' of an empty vector")
    }

    static var featuresNeedsNames: Self {
        Self(.featuresNeedsNames, "'features' needs feature names, e.g. features(d, x, y, x2, y2)")
    }

    static func lenNeedsCollection(typeName: String) -> Self {
        Self(.lenNeedsCollection, "'len' needs a vector, matrix or string, got \(typeName)")
    }

    static func linspaceNotFinite(bound: String) -> Self {
        Self(.linspaceNotFinite, "'linspace' needs finite numbers, got \(bound)")
    }

    static func mapNeedsVector(typeName: String) -> Self {
        Self(.mapNeedsVector, "'map' needs a vector, got \(typeName)")
    }

    static func regressionFunctionNotNumber(typeName: String) -> Self {
        Self(.regressionFunctionNotNumber, "'regression' needs fn to give a number, got \(typeName)")
    }

    static var regressionGridNotBoolean: Self {
        Self(.regressionGridNotBoolean, "'regression' needs grid: true or false")
    }

    static var regressionRange: Self {
        Self(.regressionRange, "'regression' needs a range with low < high, e.g. over: -3..3")
    }

    static func shapeNeedsArray(typeName: String) -> Self {
        Self(.shapeNeedsArray, "'shape' needs a number, vector or matrix, got \(typeName)")
    }

    static func activationParameterOutOfRange(function: String, label: String, value: Double) -> Self {
        Self(
            .activationParameterOutOfRange,
            "'\(function)' needs a finite '\(label)'\(function == "celu" ? " above 0" : ""), got \(value)")
    }

    static func softmaxNeedsVector(typeName: String) -> Self {
        Self(.softmaxNeedsVector, "'softmax' needs a vector, got \(typeName)")
    }

    static func splitNotDataset(function: String) -> Self {
        Self(.splitNotDataset, "'\(function)' needs a dataset, got a split")
    }

    static var splitStratifiedNotBoolean: Self {
        Self(.splitStratifiedNotBoolean, "'split' needs stratified: true or false")
    }

    static func transposeNeedsMatrix(typeName: String) -> Self {
        Self(.transposeNeedsMatrix, "'transpose' needs a matrix, got \(typeName)")
    }

    static func unknownActivation(word: String) -> Self {
        Self(.unknownActivation, "unknown activation '\(word)'")
    }

    static func unknownFeature(word: String) -> Self {
        Self(.unknownFeature, "unknown feature '\(word)'")
    }

    static func unknownMissingPolicy(value: String) -> Self {
        Self(.unknownMissingPolicy, "unknown way to treat missing values '\(value)'")
    }

    static func delimiterNotOneCharacter(given: String) -> Self {
        Self(.delimiterNotOneCharacter, "a delimiter is one character, got \"\(given)\"")
    }

    static func unknownTask(task: String) -> Self {
        Self(.unknownTask, "unknown task '\(task)'")
    }

    static var variantBias: Self { Self(.variantBias, "'variant' needs bias: a number or an initializer name") }

    static var variantNeedsChange: Self {
        Self(.variantNeedsChange, "'variant' needs something to change: activation:, init: or bias:")
    }
}
