/// Runtime messages about commands and their clauses and options (train, evaluate, predict, summary, plot, show, …).
///
/// One function per ``RuntimeErrorID`` case, named as the case; the text is lowercase with no final
/// period, names and words in `'…'`. See ``RuntimeMessage``.
extension RuntimeMessage {
    static func activationsNeedData(layer: Int) -> Self {
        Self(.activationsNeedData, "activations need data: histogram … with activations: \(layer) on d")
    }

    static func barLabelCount(labels: Int, bars: Int) -> Self {
        Self(.barLabelCount, "\(labels) labels for \(bars) bars")
    }

    static func barsNeedsVector(typeName: String) -> Self {
        Self(.barsNeedsVector, "'bars' needs a vector of values, got \(typeName)")
    }

    static func boundaryDimensions(model: String, features: Int, classes: Bool) -> Self {
        Self(
            .boundaryDimensions,
            "'boundary' draws 2-D classifiers and 1- or 2-D regressors of one output; '\(model)' has \(features) features"
                + (classes ? " and classes" : " and real targets"))
    }

    static func boundaryWidthMismatch(model: String, inputs: Int, data: String, features: Int) -> Self {
        Self(.boundaryWidthMismatch, "'\(model)' takes \(inputs) inputs but '\(data)' has \(features) features")
    }

    static func unitsNeedPlane(data: String, features: Int) -> Self {
        Self(.unitsNeedPlane, "'units' draws each unit over the plane of 2-D data; '\(data)' has \(features) features")
    }

    static func unitsLayerOutOfRange(model: String, layer: Int, count: Int) -> Self {
        Self(.unitsLayerOutOfRange, "'\(model)' has dense layers 0 to \(count - 1), not \(layer)")
    }

    static func cannotWriteFile(path: String, reason: String) -> Self {
        Self(.cannotWriteFile, "cannot write '\(path)': \(reason)")
    }

    static func clauseGivenTwice(clause: String) -> Self {
        Self(.clauseGivenTwice, "'\(clause)' is given twice")
    }

    static func clauseTakesOneValue(clause: String) -> Self {
        Self(.clauseTakesOneValue, "'\(clause)' takes one value here")
    }

    static func constructorNotModel(constructor: String) -> Self {
        Self(.constructorNotModel, "'\(constructor)' makes models; call it to get one")
    }

    static func crossEntropyOutputs(data: String, classes: Int, model: String, outputs: Int) -> Self {
        Self(
            .crossEntropyOutputs,
            "loss ce needs one output per class: \(data) has \(classes) classes, model \(model) has \(outputs) output\(outputs == 1 ? "" : "s")")
    }

    static var evaluateNeedsData: Self { Self(.evaluateNeedsData, "'evaluate' needs data: 'evaluate m on d'") }

    static var evaluateTakesOneModel: Self {
        Self(.evaluateTakesOneModel, "'evaluate' takes one model: evaluate m on d")
    }

    static func expectedDataset(typeName: String) -> Self {
        Self(.expectedDataset, "expected a dataset, got \(typeName)")
    }

    static func expectedInputs(typeName: String) -> Self {
        Self(.expectedInputs, "expected inputs (a vector or matrix), got \(typeName)")
    }

    static func expectedModel(typeName: String) -> Self {
        Self(.expectedModel, "expected a model, got \(typeName)")
    }

    static var heatmapEmpty: Self { Self(.heatmapEmpty, "heatmap needs a non-empty matrix") }

    static func heatmapLabelCount(labels: Int, what: String, count: Int) -> Self {
        Self(
            .heatmapLabelCount,
            "\(labels) \(what) label\(labels == 1 ? "" : "s") for a matrix of \(count) \(what)\(count == 1 ? "" : "s")")
    }

    static func heatmapNeedsMatrix(typeName: String) -> Self {
        Self(.heatmapNeedsMatrix, "'heatmap' needs a matrix, got \(typeName)")
    }

    static func histogramNeedsSubject(typeName: String) -> Self {
        Self(.histogramNeedsSubject, "'histogram' needs a vector, a model or a run, got \(typeName)")
    }

    static var histogramNeedsWhat: Self {
        Self(.histogramNeedsWhat, "say what to count in the model: with weights: N, biases: N, activations: N or gradients: N (N: the layer)")
    }

    static var histogramOneSubject: Self { Self(.histogramOneSubject, "'histogram' shows one thing at a time") }

    static func inputWidthMismatch(model: String, inputs: Int, data: String, features: Int) -> Self {
        Self(
            .inputWidthMismatch,
            "model \(model) takes \(inputs) input\(inputs == 1 ? "" : "s"), but \(data) has \(features) feature\(features == 1 ? "" : "s") per sample")
    }

    static func labelNotText(typeName: String) -> Self {
        Self(.labelNotText, "a label must be a string or a number, got \(typeName)")
    }

    static func layerWithoutWeights(layer: Int, model: String, kind: String) -> Self {
        Self(.layerWithoutWeights, "layer \(layer) of '\(model)' (\(kind)) has no weights")
    }

    static func lossNeedsClassLabels(loss: String, data: String) -> Self {
        Self(.lossNeedsClassLabels, "loss \(loss) needs class labels, but \(data) holds real-valued targets")
    }

    static var metricIsForRuns: Self {
        Self(.metricIsForRuns, "option 'metric' is for runs (plot runs with metric: accuracy)")
    }

    static func needsDataToLookWith(command: String) -> Self {
        Self(.needsDataToLookWith, "'\(command)' needs the data to look with: \(command) … on d")
    }

    static func needsRunNotModel(command: String) -> Self {
        Self(.needsRunNotModel, "'\(command)' needs a run (the result of train), not a model")
    }

    static func needsRunsNotModel(command: String) -> Self {
        Self(.needsRunsNotModel, "'\(command)' needs runs: a model keeps no training history")
    }

    static func needsRunsOrModels(command: String, typeName: String) -> Self {
        Self(.needsRunsOrModels, "'\(command)' needs runs or models, got \(typeName)")
    }

    static func needsSubjects(command: String) -> Self {
        Self(.needsSubjects, "'\(command)' needs runs or models")
    }

    static func noHandler(command: String) -> Self {
        Self(.noHandler, "'\(command)' has no handler")
    }

    static func noSamples(data: String) -> Self {
        Self(.noSamples, "'\(data)' has no samples")
    }

    static func noSuchClause(command: String, clause: String) -> Self {
        Self(.noSuchClause, "'\(command)' takes no '\(clause)' clause")
    }

    static func noSuchLayer(model: String, layer: Int) -> Self {
        Self(.noSuchLayer, "'\(model)' has no layer \(layer)")
    }

    static func noSuchValue(what: String, written: String) -> Self {
        Self(.noSuchValue, "\(what) has no value '\(written)'")
    }

    static func notBoolean(what: String, typeName: String) -> Self {
        Self(.notBoolean, "\(what) must be true or false, got \(typeName)")
    }

    static func nothingToDraw(command: String) -> Self {
        Self(.nothingToDraw, "'\(command)' needs something to draw")
    }

    static func nothingToEvaluate(data: String) -> Self {
        Self(.nothingToEvaluate, "\(data) has no samples to evaluate on")
    }

    static func notLabelList(what: String, typeName: String) -> Self {
        Self(.notLabelList, "\(what) must be a list of labels such as [\"a\", \"b\"], got \(typeName)")
    }

    static func notPlottable(typeName: String) -> Self {
        Self(.notPlottable, "cannot plot a \(typeName)")
    }

    static var onForActivations: Self { Self(.onForActivations, "'on' is for activations of models and runs") }

    static func onNeedsDataset(typeName: String) -> Self {
        Self(.onNeedsDataset, "'on' needs a dataset, got \(typeName)")
    }

    static func optionForFunctionsAndVectors(option: String) -> Self {
        Self(.optionForFunctionsAndVectors, "option '\(option)' is for functions and vectors")
    }

    static func optionForModelsAndRuns(option: String) -> Self {
        Self(.optionForModelsAndRuns, "option '\(option)' is for models and runs")
    }

    static func optionGivenTwice(option: String) -> Self {
        Self(.optionGivenTwice, "option '\(option)' is given twice")
    }

    static var optionsBeforeClauses: Self {
        Self(.optionsBeforeClauses, "options go after 'with', not before the clauses")
    }

    static func outputWidthMismatch(model: String, outputs: Int, data: String, classes: Int) -> Self {
        Self(
            .outputWidthMismatch,
            "model \(model) has \(outputs) output\(outputs == 1 ? "" : "s"), but \(data) has \(classes) classes")
    }

    static func overLengthMismatch(xs: Int, count: Int) -> Self {
        Self(.overLengthMismatch, "'over' gives \(xs) x values for a vector of \(count)")
    }

    static var overNeedsIncreasingRange: Self {
        Self(.overNeedsIncreasingRange, "'over' needs a range from a smaller to a larger number")
    }

    static func overNeedsRange(typeName: String) -> Self {
        Self(.overNeedsRange, "'over' needs a range such as -5..5 or a vector, got \(typeName)")
    }

    static var overNeedsTwoValues: Self {
        Self(.overNeedsTwoValues, "'over' needs at least two different finite x values")
    }

    static func plotOfNonNumber(function: String, x: String, typeName: String) -> Self {
        Self(.plotOfNonNumber, "cannot plot '\(function)': at x = \(x) it gives a \(typeName), not a number")
    }

    static func plotOfVectorFunction(function: String) -> Self {
        Self(.plotOfVectorFunction, "cannot plot '\(function)': it maps a vector to a vector")
    }

    static var plotRunsWithOver: Self {
        Self(.plotRunsWithOver, "'plot runs' takes no 'over' range: runs are drawn over their epochs")
    }

    static var predictDatasetWithOn: Self {
        Self(.predictDatasetWithOn, "to predict on a dataset write 'predict m on d'")
    }

    static var predictInputsTwice: Self {
        Self(.predictInputsTwice, "give the inputs either after the model or after 'on', not both")
    }

    static func predictInputWidth(model: String, inputs: Int, given: Int) -> Self {
        Self(
            .predictInputWidth,
            "model \(model) takes \(inputs) input\(inputs == 1 ? "" : "s") per sample, got \(given)")
    }

    static var predictNeedsInputs: Self {
        Self(.predictNeedsInputs, "'predict' needs inputs: predict m, [x, y], or predict m on d")
    }

    static var predictNeedsModel: Self { Self(.predictNeedsModel, "'predict' needs a model: predict m, [x, y]") }

    static func rangeEndNotNumber(typeName: String) -> Self {
        Self(.rangeEndNotNumber, "a range's end must be a number, got \(typeName)")
    }

    static func runRecordedNoGradients(model: String, diverged: Bool) -> Self {
        Self(
            .runRecordedNoGradients,
            "the run of '\(model)' recorded no gradient norms" + (diverged ? " (it diverged before its first probe)" : ""))
    }

    static func runsRecordedNoMetric(metric: String) -> Self {
        Self(.runsRecordedNoMetric, "these runs recorded no \(metric)")
    }

    static func scatterClassesPerPoint(points: Int) -> Self {
        Self(.scatterClassesPerPoint, "option 'classes' needs one whole number ≥ 0 per point (\(points))")
    }

    static func scatterDatasetWidth(features: Int) -> Self {
        Self(.scatterDatasetWidth, "cannot scatter a dataset of \(features) features")
    }

    static func scatterLengthMismatch(x: Int, y: Int) -> Self {
        Self(.scatterLengthMismatch, "'scatter' needs as many x as y values, got \(x) and \(y)")
    }

    static var scatterNeedsPoints: Self {
        Self(.scatterNeedsPoints, "'scatter' needs x and y vectors, an n×2 matrix or a 2-D dataset")
    }

    static func scatterNeedsTwoVectors(x: String, y: String) -> Self {
        Self(.scatterNeedsTwoVectors, "'scatter' needs two vectors (x and y), got \(x) and \(y)")
    }

    static func showNeedsDataset(typeName: String) -> Self {
        Self(.showNeedsDataset, "'show' draws datasets, got \(typeName)")
    }

    static var showOfFunction: Self { Self(.showOfFunction, "'show' draws datasets, got function") }

    static var splitHasValidationPart: Self {
        Self(.splitHasValidationPart, "this split has its own validation part; 'validation:' would hold out more")
    }

    static func summaryNeedsModelOrDataset(typeName: String) -> Self {
        Self(.summaryNeedsModelOrDataset, "'summary' needs a model or dataset, got \(typeName)")
    }

    static func summaryOfConstructor(constructor: String) -> Self {
        Self(.summaryOfConstructor, "'\(constructor)' makes models; summarise one of them")
    }

    static var summaryTakesOne: Self { Self(.summaryTakesOne, "'summary' takes one model or dataset: summary m") }

    static var trainDataAfterOn: Self { Self(.trainDataAfterOn, "'train' needs its data after 'on'") }

    static var trainNeedsData: Self { Self(.trainNeedsData, "'train' needs data: 'train m on d'") }

    static var trainNeedsModel: Self { Self(.trainNeedsModel, "'train' needs a model") }

    /// An option a command or layer does not take; the text is ``SurfaceDiagnostics``', shared with the
    /// parse-time check.
    static func unknownOption(_ message: String) -> Self {
        Self(.unknownOption, message)
    }

    static func unnamedOption(example: String) -> Self {
        Self(.unnamedOption, "options after 'with' are named, e.g. 'with \(example): …'")
    }

    static func valueOutOfKind(what: String, requirement: String, got: String) -> Self {
        Self(.valueOutOfKind, "\(what) must be \(requirement), got \(got)")
    }
}
