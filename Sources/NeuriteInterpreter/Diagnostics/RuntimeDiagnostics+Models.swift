/// Runtime messages about building models: layer lines and activations.
///
/// One function per ``RuntimeErrorID`` case, named as the case; the text is lowercase with no final
/// period, names and words in `'…'`. See ``RuntimeMessage``.
extension RuntimeMessage {
    static func activationArity(function: String, parameterCount: Int) -> Self {
        Self(.activationArity, "an activation must take one argument; '\(function)' takes \(parameterCount)")
    }

    static func activationCallArity(function: String, takes: Int, given: Int) -> Self {
        Self(.activationCallArity, "'\(function)' takes \(takes) argument\(takes == 1 ? "" : "s"), got \(given)")
    }

    static var activationGivenTwice: Self { Self(.activationGivenTwice, "the activation is given twice") }

    static var activationLayerNeedsFunction: Self {
        Self(.activationLayerNeedsFunction, "'activation' needs a function")
    }

    static func activationNotFunction(typeName: String) -> Self {
        Self(.activationNotFunction, "an activation must be a function, got \(typeName)")
    }

    static var denseNeedsUnits: Self { Self(.denseNeedsUnits, "'dense' needs a number of units") }

    static func derivativeAsActivation(function: String) -> Self {
        Self(.derivativeAsActivation, "a derivative such as '\(function)' cannot be a layer activation")
    }

    static var dropoutNeedsRate: Self { Self(.dropoutNeedsRate, "'dropout' needs a rate") }

    static func expectedWordName(what: String, names: String) -> Self {
        Self(.expectedWordName, "expected a \(what) name (\(names))")
    }

    static var inputGivenTwice: Self { Self(.inputGivenTwice, "'input' is given twice") }

    static var inputNeedsSize: Self { Self(.inputNeedsSize, "'input' needs a size") }

    static var modelMustStartWithInput: Self { Self(.modelMustStartWithInput, "a model starts with 'input N'") }

    static func modelTooLarge(limit: Int) -> Self {
        Self(.modelTooLarge, "the model is too large (more than \(limit) parameters)")
    }

    static func modelWithoutDense(model: String) -> Self {
        Self(.modelWithoutDense, "model '\(model)' has no dense layer")
    }

    static var ablateValueNotFinite: Self {
        Self(.ablateValueNotFinite, "'ablate' holds a unit at a finite value")
    }

    static func modelSeedNotCount(model: String, given: String) -> Self {
        Self(.modelSeedNotCount, "'seed' of '\(model)' must be a whole number from 0 to 10^15, got \(given)")
    }

    static func modelWithoutInput(model: String) -> Self {
        Self(.modelWithoutInput, "model '\(model)' has no 'input' line")
    }

    static func notInActivation(what: String) -> Self {
        Self(.notInActivation, "cannot use \(what) in a layer activation")
    }

    static func notLayerActivation(name: String) -> Self {
        Self(.notLayerActivation, "'\(name)' cannot be a layer activation")
    }

    static func tooManyLayerArguments(layer: String, limit: Int) -> Self {
        Self(.tooManyLayerArguments, "too many arguments for '\(layer)' (at most \(limit))")
    }

    static func tooManyLayers(limit: Int) -> Self {
        Self(.tooManyLayers, "too many layers (more than \(limit))")
    }

    /// A layer word the vocabulary does not know; the text is ``SurfaceDiagnostics``', shared with the
    /// parse-time check.
    static func unknownLayer(_ message: String) -> Self {
        Self(.unknownLayer, message)
    }

    static func unknownWord(what: String, word: String) -> Self {
        Self(.unknownWord, "unknown \(what) '\(word)'")
    }

    static func userFunctionCallArity(function: String, takes: Int, given: Int) -> Self {
        Self(.userFunctionCallArity, "'\(function)' takes \(takes) arguments, got \(given)")
    }

    static func initializerArguments(name: String, usage: String) -> Self {
        Self(.initializerArguments, "'\(name)' as an initializer is written \(usage)")
    }
}
