/// How often probes are recorded.
public enum ProbeInterval: Sendable, Equatable {
    /// After every n-th step.
    case steps(Int)
    /// After the last step of every n-th epoch.
    case epochs(Int)
}

/// Which per-layer measurements the trainer records. All off costs nothing per step.
public struct ProbeOptions: Sendable, Equatable {
    public var interval: ProbeInterval
    public var gradientNorms: Bool
    public var weightNorms: Bool
    /// ‖Δw‖ / ‖w‖ per parameterised layer (measured on the update itself).
    public var updateRatios: Bool
    /// Mean, standard deviation, sparsity and saturation of each activation layer's output on the step's batch.
    public var activationStatistics: Bool

    public init(
        interval: ProbeInterval = .epochs(1), gradientNorms: Bool = false, weightNorms: Bool = false,
        updateRatios: Bool = false, activationStatistics: Bool = false
    ) {
        self.interval = interval
        self.gradientNorms = gradientNorms
        self.weightNorms = weightNorms
        self.updateRatios = updateRatios
        self.activationStatistics = activationStatistics
    }

    /// No probes.
    public static let off = ProbeOptions()
    /// Every probe, at the given interval.
    public static func all(_ interval: ProbeInterval) -> ProbeOptions {
        ProbeOptions(interval: interval, gradientNorms: true, weightNorms: true, updateRatios: true,
                     activationStatistics: true)
    }

    /// Whether anything is recorded.
    public var isActive: Bool { gradientNorms || weightNorms || updateRatios || activationStatistics }
}

/// Summary statistics of activation values.
public struct ActivationStatistics: Sendable, Equatable {
    public var mean: Double
    public var standardDeviation: Double
    /// The fraction of values exactly zero.
    public var sparsity: Double
    /// The fraction of values in the function's saturated range (0 for functions without one).
    public var saturated: Double
}

/// Measurements of one layer at one probe point. Fields not measured (or not applicable) are nil.
public struct LayerProbe: Sendable, Equatable {
    /// Index into ``Network/layers``.
    public var layer: Int
    public var summary: String
    /// Euclidean norm of all the layer's parameter gradients (weights and biases together).
    public var gradientNorm: Double?
    /// Euclidean norm of the gradient of the layer's weight matrix alone.
    public var weightGradientNorm: Double?
    /// Euclidean norm of the gradient of the layer's bias alone.
    public var biasGradientNorm: Double?
    /// Euclidean norm of the layer's weight matrix.
    public var weightNorm: Double?
    /// ‖Δweights‖ / ‖weights‖ for the step.
    public var updateRatio: Double?
    public var activation: ActivationStatistics?
}

/// All layer probes taken after one step.
public struct ProbeRecord: Sendable, Equatable {
    /// The 1-based step after which the probes were taken.
    public var step: Int
    public var epoch: Int
    public var layers: [LayerProbe]
}
