/// The metrics of one completed epoch.
public struct EpochRecord: Sendable, Equatable {
    /// 1-based epoch number.
    public var epoch: Int
    /// Optimizer steps completed so far (over all epochs).
    public var steps: Int
    /// Mean training loss over the epoch's steps (with dropout active).
    public var loss: Double
    /// Training accuracy over the epoch's steps, for class targets.
    public var accuracy: Double?
    public var validationLoss: Double?
    public var validationAccuracy: Double?
    /// The learning rate used by the epoch's last step.
    public var learningRate: Double
}

/// What the trainer reports after every step.
public struct StepReport: Sendable, Equatable {
    /// 1-based count of completed steps.
    public var step: Int
    public var epoch: Int
    public var loss: Double
}

/// Why training stopped.
public enum StopReason: Sendable, Equatable {
    /// All epochs ran.
    case completed
    /// The monitored loss stopped improving.
    case earlyStopped(epoch: Int)
    /// `shouldStop` returned true; weights are those after the last completed step.
    case interrupted(afterStep: Int)
    /// A NaN or infinity appeared; weights are those after the last good step.
    case diverged(DivergenceReport)
}

/// The likely cause of a divergence.
public enum DivergenceCause: String, Sendable, Equatable {
    case learningRateTooHigh = "the learning rate is probably too high"
    case explodingGradients = "exploding gradients: try gradient clipping or a smaller learning rate"
    case invalidData = "the data contain NaN or infinite values"
    case nonFiniteActivation = "an activation produced NaN or infinity from finite inputs (a function outside its domain?)"
    /// The last update of the run made weights NaN or infinite (no later step saw the loss fail).
    case nonFiniteWeights = "the last update made the weights NaN or infinite: the learning rate is probably too high"
}

/// Where and how training diverged.
public struct DivergenceReport: Sendable, Equatable, CustomStringConvertible {
    /// The 1-based step that produced the non-finite value: not applied, except for
    /// ``DivergenceCause/nonFiniteWeights``, where it is the run's last update (the weights stay non-finite).
    public var step: Int
    public var epoch: Int
    /// The loss of that step (possibly NaN or infinite).
    public var loss: Double
    /// Index into ``Network/layers`` of the layer with the largest (or first non-finite) gradient norm,
    /// or, for ``DivergenceCause/nonFiniteActivation``, of the activation that produced the first NaN/∞,
    /// or, for ``DivergenceCause/nonFiniteWeights``, of the first layer with a non-finite parameter.
    public var layer: Int?
    public var layerSummary: String?
    /// That layer's gradient norm.
    public var largestGradientNorm: Double
    public var cause: DivergenceCause

    public var description: String {
        var text = "training diverged at step \(step) (epoch \(epoch)): loss \(loss)"
        if let layerSummary, let layer {
            text += cause == .nonFiniteActivation
                ? " in layer \(layer + 1) (\(layerSummary)), largest gradient norm \(largestGradientNorm)"
                : ", largest gradient norm \(largestGradientNorm) in layer \(layer + 1) (\(layerSummary))"
        }
        return text + "; " + cause.rawValue
    }
}

/// The outcome of ``Trainer/train(_:on:options:probes:callbacks:)``.
public struct TrainingRun: Sendable {
    /// One record per completed epoch.
    public var history: [EpochRecord]
    /// Probe records, in step order.
    public var probes: [ProbeRecord]
    public var stopReason: StopReason
    /// Optimizer steps completed.
    public var steps: Int
}

/// Hooks the caller gives the trainer. All are called on the training thread, between steps.
public struct TrainingCallbacks {
    /// Polled before every step; returning true stops training cleanly.
    public var shouldStop: () -> Bool
    public var onStep: ((StepReport) -> Void)?
    public var onEpoch: ((EpochRecord) -> Void)?
    /// Called with each probe record as it is taken (also collected in ``TrainingRun/probes``).
    public var onProbe: ((ProbeRecord) -> Void)?
    /// Called by ``Trainer/train(_:workers:)`` with each job's run when it ends (not when it fails).
    public var onFinish: ((TrainingRun) -> Void)?

    public init(
        shouldStop: @escaping () -> Bool = { false }, onStep: ((StepReport) -> Void)? = nil,
        onEpoch: ((EpochRecord) -> Void)? = nil, onProbe: ((ProbeRecord) -> Void)? = nil,
        onFinish: ((TrainingRun) -> Void)? = nil
    ) {
        self.shouldStop = shouldStop
        self.onStep = onStep
        self.onEpoch = onEpoch
        self.onProbe = onProbe
        self.onFinish = onFinish
    }
}
