/// Every kind of error the interpreter can report while running, as a closed set.
///
/// Each case has exactly one function of the same name on ``RuntimeMessage`` that writes its text
/// (in `RuntimeDiagnostics+*.swift`, one file per concern), and the case's name is the id a
/// ``Diagnostic`` carries, so tests and tools can tell errors apart without matching English.
public enum RuntimeErrorID: String, CaseIterable, Sendable {
    // MARK: Evaluation (RuntimeDiagnostics+Evaluation.swift)

    case argumentGivenTwice
    case cannotAddUp
    case cannotCallModel
    case cannotDifferentiateOnVector
    case cannotDifferentiateOperatorOnVector
    case cannotDifferentiateVector
    case cannotNegate
    case collectionTooLarge
    case conditionNotBoolean
    case dataNeedsDataset
    case datasetFailure
    case derivativeNeedsNumber
    case derivativeNeedsUnaryFunction
    case derivativeOfNonNumber
    case derivativeOrderTooHigh
    case derivativeTakesOneArgument
    case engineFailure
    case evaluationHasNoMetric
    case indexNotWhole
    case indexOutOfRange
    case missingArgument
    case mustBeNumber
    case needsNumbersVectorsOrMatrices
    case noMember
    case noSuchParameter
    case notAFunction
    case notCallable
    case notDifferentiable
    case notIndexable
    case notIterable
    case notNeedsBoolean
    case noValidationPart
    case operandType
    case rangeNotFinite
    case rangeStepZero
    case rangeTooLarge
    case recursionTooDeep
    case runHasNoSeries
    case runRecordedNoProbes
    case shapeMismatch
    case tooManyArguments
    case tooManyElements
    case unaryPlusNeedsNumber
    case unevenMatrixRows
    case listElementNotRun
    case unexpectedFailure
    case unknownName
    case vectorElementNotNumber

    // MARK: Builtins (RuntimeDiagnostics+Builtins.swift)

    case argumentNotArray
    case argumentNotCount
    case argumentNotDataset
    case argumentNotFunction
    case argumentNotModel
    case argumentNotString
    case argumentNotVector
    case argumentTooLarge
    case argumentTooSmall
    case builtinNotDifferentiable
    case clampBounds
    case dotLengthMismatch
    case dotMatrixVector
    case emptyVector
    case featuresNeedsNames
    case lenNeedsCollection
    case linspaceNotFinite
    case mapNeedsVector
    case regressionFunctionNotNumber
    case regressionGridNotBoolean
    case regressionRange
    case shapeNeedsArray
    case softmaxNeedsVector
    case activationParameterOutOfRange
    case splitNotDataset
    case splitStratifiedNotBoolean
    case transposeNeedsMatrix
    case unknownActivation
    case unknownFeature
    case unknownTask
    case unknownMissingPolicy
    case delimiterNotOneCharacter
    case variantBias
    case variantNeedsChange

    // MARK: Models (RuntimeDiagnostics+Models.swift)

    case activationArity
    case activationCallArity
    case activationGivenTwice
    case activationLayerNeedsFunction
    case activationNotFunction
    case denseNeedsUnits
    case derivativeAsActivation
    case dropoutNeedsRate
    case expectedWordName
    case inputGivenTwice
    case inputNeedsSize
    case modelMustStartWithInput
    case modelTooLarge
    case modelWithoutDense
    case modelWithoutInput
    case modelSeedNotCount
    case notInActivation
    case notLayerActivation
    case tooManyLayerArguments
    case tooManyLayers
    case unknownLayer
    case unknownWord
    case userFunctionCallArity

    // MARK: Commands (RuntimeDiagnostics+Commands.swift)

    case activationsNeedData
    case barLabelCount
    case barsNeedsVector
    case boundaryDimensions
    case boundaryWidthMismatch
    case unitsNeedPlane
    case ablateValueNotFinite
    case unitsLayerOutOfRange
    case cannotWriteFile
    case clauseGivenTwice
    case clauseTakesOneValue
    case constructorNotModel
    case crossEntropyOutputs
    case evaluateNeedsData
    case evaluateTakesOneModel
    case expectedDataset
    case expectedInputs
    case expectedModel
    case heatmapEmpty
    case heatmapLabelCount
    case heatmapNeedsMatrix
    case histogramNeedsSubject
    case histogramNeedsWhat
    case histogramOneSubject
    case inputWidthMismatch
    case labelNotText
    case layerWithoutWeights
    case lossNeedsClassLabels
    case metricIsForRuns
    case needsDataToLookWith
    case needsRunNotModel
    case needsRunsNotModel
    case needsRunsOrModels
    case needsSubjects
    case noHandler
    case noSamples
    case noSuchClause
    case noSuchLayer
    case noSuchValue
    case notBoolean
    case nothingToDraw
    case nothingToEvaluate
    case notLabelList
    case notPlottable
    case onForActivations
    case onNeedsDataset
    case optionForFunctionsAndVectors
    case optionForModelsAndRuns
    case optionGivenTwice
    case optionsBeforeClauses
    case outputWidthMismatch
    case overLengthMismatch
    case overNeedsIncreasingRange
    case overNeedsRange
    case overNeedsTwoValues
    case plotOfNonNumber
    case plotOfVectorFunction
    case plotRunsWithOver
    case predictDatasetWithOn
    case predictInputsTwice
    case predictInputWidth
    case predictNeedsInputs
    case predictNeedsModel
    case rangeEndNotNumber
    case runRecordedNoGradients
    case runsRecordedNoMetric
    case scatterClassesPerPoint
    case scatterDatasetWidth
    case scatterLengthMismatch
    case scatterNeedsPoints
    case scatterNeedsTwoVectors
    case showNeedsDataset
    case showOfFunction
    case splitHasValidationPart
    case summaryNeedsModelOrDataset
    case summaryOfConstructor
    case summaryTakesOne
    case trainDataAfterOn
    case trainNeedsData
    case trainNeedsModel
    case unknownOption
    case unnamedOption
    case valueOutOfKind

    // MARK: Training (RuntimeDiagnostics+Training.swift)

    case scheduleMismatch
    case validationHoldsNothing
    case validationLeavesNothing

    // MARK: Session (RuntimeDiagnostics+Session.swift)

    case fileNotReadable
    case fileNotUTF8
    case loadNeedsFile
    case moreErrorsNotShown
    case noHelp
    case timeNeedsExpression
    case sessionFileNeeded
    case notebookFormatUnknown
    case unknownMetaCommand
    case depsNeedsName
    case depsUnknownName

    // MARK: Models, layers and sweeps (RuntimeDiagnostics+Layers.swift)

    case assignmentIndexOutOfRange
    case assignmentNeedsLayer
    case assignmentNeedsNumbers
    case assignmentNotFinite
    case assignmentShape
    case assignmentTarget
    case assignmentTooManyIndices
    case sweepEmptyList
    case sweepTooLarge

    // MARK: Files (RuntimeDiagnostics+Files.swift)

    case exportNeedsOne
    case exportScriptNeedsData
    case fileCommandNeedsFile
    case fileCommandNeedsOne
    case cannotDrawPicture

    // MARK: Optimizer settings (RuntimeDiagnostics+Training.swift)

    case optionNeedsPair
    case optionTunesOtherOptimizer
    case initializerArguments

    // MARK: Limits (RuntimeDiagnostics+Limits.swift)

    case lineTooLong
    case stringTooLong
    case tooManyElementsToWalk
}
