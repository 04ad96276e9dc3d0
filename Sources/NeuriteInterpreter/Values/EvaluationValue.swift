import NeuriteEngine

/// The result of `evaluate m on d`: loss, accuracy and confusion matrix (for class labels).
public struct EvaluationValue {
    public let evaluation: Evaluation
    /// The loss it was measured with.
    public let loss: Loss
    public let modelLabel: String
    public let dataLabel: String
    /// Class names for the confusion matrix's rows and columns (nil for regression).
    public let classNames: [String]?

    public init(evaluation: Evaluation, loss: Loss, modelLabel: String, dataLabel: String, classNames: [String]?) {
        self.evaluation = evaluation
        self.loss = loss
        self.modelLabel = modelLabel
        self.dataLabel = dataLabel
        self.classNames = classNames
    }
}
