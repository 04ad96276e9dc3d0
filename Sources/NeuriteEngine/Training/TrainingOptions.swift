/// When to stop early: after `patience` epochs without an improvement of more than `minimumDelta`
/// in the monitored loss (the validation loss when there is a validation split, else the training loss).
public struct EarlyStopping: Sendable, Equatable {
    public var patience: Int
    public var minimumDelta: Double

    public init(patience: Int, minimumDelta: Double = 0) {
        self.patience = patience
        self.minimumDelta = minimumDelta
    }
}

/// Everything that configures a training run.
public struct TrainingOptions: Sendable {
    public var epochs: Int
    public var batchSize: Int
    public var loss: Loss
    public var optimizer: OptimizerOptions
    /// The fraction of samples held out for validation (taken after one seeded shuffle), in [0, 1).
    public var validationFraction: Double
    /// Whether the training samples are reshuffled every epoch.
    public var shuffle: Bool
    /// Seeds the validation split and the minibatch order.
    public var seed: UInt64
    public var earlyStopping: EarlyStopping?
    /// A separate data set for the validation metrics of every epoch (a split's validation part);
    /// all of the training data then trains. Not together with a `validationFraction`.
    public var validationData: Dataset?

    public init(
        epochs: Int, batchSize: Int, loss: Loss, optimizer: OptimizerOptions,
        validationFraction: Double = 0, shuffle: Bool = true, seed: UInt64 = 0,
        earlyStopping: EarlyStopping? = nil, validationData: Dataset? = nil
    ) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.loss = loss
        self.optimizer = optimizer
        self.validationFraction = validationFraction
        self.shuffle = shuffle
        self.seed = seed
        self.earlyStopping = earlyStopping
        self.validationData = validationData
    }

    /// Throws on settings that cannot train.
    public func validate() throws {
        guard epochs >= 0 else { throw EngineError.invalidSetting(name: "epochs", reason: "\(epochs) is negative") }
        guard batchSize > 0 else {
            throw EngineError.invalidSetting(name: "batch size", reason: "\(batchSize) is not positive")
        }
        guard validationFraction >= 0, validationFraction < 1 else {
            throw EngineError.invalidSetting(name: "validation split", reason: "\(validationFraction) is not in [0, 1)")
        }
        if let validationData {
            guard validationFraction == 0 else {
                throw EngineError.invalidSetting(
                    name: "validation", reason: "give either a fraction to hold out or a validation data set, not both")
            }
            guard validationData.count > 0 else {
                throw EngineError.invalidSetting(name: "validation data", reason: "it is empty")
            }
        }
        if case let .huber(delta) = loss, !(delta > 0) {
            throw EngineError.invalidSetting(name: "huber delta", reason: "\(delta) is not > 0")
        }
        try optimizer.validate()
    }
}
