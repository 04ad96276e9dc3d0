import NeuriteNumerics

/// An elementwise activation a layer applies: one of the language's built-ins, or a function the
/// user wrote in the language and the engine compiled (``UserActivation``).
public enum ActivationFunction: Sendable {
    case builtin(Activation)
    case custom(UserActivation)

    /// The name shown in summaries.
    public var name: String {
        switch self {
        case .builtin(let activation): return activation.rawValue
        case .custom(let user): return user.name
        }
    }

    /// Whether a unit can stop passing gradient, or go quiet, with this function: the ReLU family
    /// (relu, leaky_relu, relu6, elu, selu, celu), the hard functions with flat parts, and user
    /// functions (which may have flat parts: `max(0, x)`). The dead-unit probe looks at these.
    public var canStopGradients: Bool {
        switch self {
        case .builtin(let activation):
            return activation.isReLUFamily || activation == .hardSigmoid || activation == .hardTanh
        case .custom: return true
        }
    }

    /// Whether the function is ReLU-like (dead-unit probes apply).
    public var isReLUFamily: Bool {
        if case .builtin(let activation) = self { return activation.isReLUFamily }
        return false
    }

    /// Whether an output value counts as saturated (tanh beyond ±0.97, sigmoid outside [0.03, 0.97]).
    public func isSaturated(_ output: Double) -> Bool {
        if case .builtin(let activation) = self { return activation.isSaturated(output) }
        return false
    }

    /// f(x) in Double, for references and gradient checks.
    public func value(_ x: Double) -> Double {
        switch self {
        case .builtin(let activation): return activation.value(x)
        case .custom(let user): return user.expression.evaluate(x)
        }
    }
}
