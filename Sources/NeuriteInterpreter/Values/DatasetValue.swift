import NeuriteEngine

/// A dataset in the language: the engine's ``Dataset`` and the label it is shown with
/// (the expression that made it, e.g. `circle(noise: 0.1)`, or the name of a `data` binding).
public struct DatasetValue {
    public var dataset: Dataset
    public var label: String

    public init(_ dataset: Dataset, label: String) {
        self.dataset = dataset
        self.label = label
    }

    /// Whether the targets are classes (classification) rather than real values (regression).
    public var isClassification: Bool { dataset.classCount != nil }
}

/// The result of `split(d, test: 0.25)`: members `.train`, `.test` and (when asked for) `.validation`.
public struct SplitValue {
    public var train: DatasetValue
    public var test: DatasetValue
    public var validation: DatasetValue?

    public init(train: DatasetValue, test: DatasetValue, validation: DatasetValue?) {
        self.train = train
        self.test = test
        self.validation = validation
    }
}
