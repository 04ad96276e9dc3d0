import NeuriteEngine

/// The record of one `train` of one model: the engine's ``TrainingRun`` (per-epoch history,
/// probes, why it stopped) and the model it trained.
public struct RunValue {
    /// The model trained (a reference: it holds the weights after this run, or later ones).
    public let model: ModelValue
    public let run: TrainingRun
    /// The loss the run minimised.
    public let loss: Loss
    /// The label of the training data.
    public let dataLabel: String
    /// Wall-clock duration of the run in seconds.
    public let seconds: Double
    /// The epoch count of the model before this run (so epochs are numbered across runs).
    public let firstEpoch: Int
    /// The settings the run trained with.
    public let options: TrainingOptions?
    /// The settings a sweep varied for this run, as written (`lr` → `0.03`), in the order given.
    public var varied: [(name: String, value: String)] = []

    public init(
        model: ModelValue, run: TrainingRun, loss: Loss, dataLabel: String, seconds: Double, firstEpoch: Int = 0,
        options: TrainingOptions? = nil
    ) {
        self.options = options
        self.model = model
        self.run = run
        self.loss = loss
        self.dataLabel = dataLabel
        self.seconds = seconds
        self.firstEpoch = firstEpoch
    }

    /// The model's label, e.g. `deep(relu)`, followed by what a sweep varied (`net lr=0.03`).
    public var label: String {
        varied.isEmpty ? model.label : model.label + " " + varied.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
    }
}

/// Several runs from one `train a, b on d`: same data, same seed. Indexable (`runs[0]`).
public struct RunsValue {
    public var runs: [RunValue]

    public init(_ runs: [RunValue]) { self.runs = runs }
}

extension Value {
    /// A run as a list of one, runs as their list; nil for anything else. Runs join with `+`,
    /// `[r1, r2]` and comprehensions (`[r for r in runs if r.final_loss < 0.1]`).
    var runList: [RunValue]? {
        switch self {
        case .run(let run): return [run]
        case .runs(let runs): return runs.runs
        default: return nil
        }
    }
}
