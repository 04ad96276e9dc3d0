/// Constants of the activation table (framework conventions).
public enum ActivationConstants {
    /// Slope of `leaky_relu` below 0 (PyTorch's default; Keras defaults to 0.3, tf.nn to 0.2).
    public static let leakySlope = 0.01
    /// α of `elu` and `celu`.
    public static let eluAlpha = 1.0
    /// λ of `selu` (Klambauer et al. 2017).
    public static let seluLambda = 1.0507009873554804934193349852946
    /// α of `selu` (Klambauer et al. 2017).
    public static let seluAlpha = 1.6732632423543772848170429916717
    /// √(2/π), used by `gelu_tanh`.
    public static let sqrtTwoOverPi = 0.79788456080286535587989211986876373695171726232986
    /// The cubic coefficient of `gelu_tanh`.
    public static let geluCubic = 0.044715
    /// 1/√2.
    public static let inverseSqrt2 = 0.70710678118654752440084436210484903928483593768847
    /// 1/√(2π), the standard normal density at 0.
    public static let inverseSqrtTwoPi = 0.39894228040143267793994605993438186847585863116493
}
