import NeuriteNumerics

/// A description of one layer, from which ``Network`` builds the real layers.
public enum LayerSpec: Sendable {
    /// A dense layer of `units` outputs, optionally followed by an activation. `weights` defaults to
    /// He (normal) before a ReLU-family activation and Glorot (uniform) otherwise; `bias` to zeros.
    case dense(units: Int, activation: ActivationFunction?, weights: Initializer?, bias: Initializer?)
    /// An activation on its own.
    case activation(ActivationFunction)
    /// Row-wise softmax.
    case softmax
    /// Inverted dropout with the given rate.
    case dropout(rate: Double)

    /// A dense layer with default initializers.
    public static func dense(_ units: Int, _ activation: Activation? = nil) -> LayerSpec {
        .dense(units: units, activation: activation.map { .builtin($0) }, weights: nil, bias: nil)
    }
}
