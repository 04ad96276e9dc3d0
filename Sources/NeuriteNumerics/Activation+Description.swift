// Human-readable formulas, derivatives and conventions for `:help` and Docs/activations.md.

extension Activation {
    /// The exact formula, in plain text.
    public var formula: String {
        switch self {
        case .relu: "max(0, x)"
        case .leakyReLU: "x if x > 0, else 0.01*x"
        case .relu6: "min(max(0, x), 6)"
        case .elu: "x if x > 0, else alpha*(exp(x) - 1), alpha = 1"
        case .selu:
            "lambda*x if x > 0, else lambda*alpha*(exp(x) - 1), "
                + "lambda = 1.0507009873554804934193349852946, "
                + "alpha = 1.6732632423543772848170429916717"
        case .celu: "max(0, x) + min(0, alpha*(exp(x/alpha) - 1)), alpha = 1"
        case .gelu: "x*Phi(x) = 0.5*x*(1 + erf(x/sqrt(2)))"
        case .geluTanh: "0.5*x*(1 + tanh(sqrt(2/pi)*(x + 0.044715*x^3)))"
        case .silu: "x*sigmoid(x) = x/(1 + exp(-x))"
        case .mish: "x*tanh(softplus(x))"
        case .softplus: "log(1 + exp(x)), computed as max(x, 0) + log1p(exp(-|x|))"
        case .softsign: "x/(1 + |x|)"
        case .sigmoid: "1/(1 + exp(-x)), computed as exp(x)/(1 + exp(x)) for x < 0"
        case .hardSigmoid: "relu6(x + 3)/6 = min(max(0, x/6 + 1/2), 1)"
        case .tanh: "tanh(x) = (exp(x) - exp(-x))/(exp(x) + exp(-x))"
        case .hardTanh: "min(max(-1, x), 1)"
        case .linear: "x"
        case .softmax: "exp(x_i - max(x))/sum_j exp(x_j - max(x)), over a vector"
        }
    }

    /// The derivative, in plain text.
    public var derivativeFormula: String {
        switch self {
        case .relu: "1 if x > 0, else 0"
        case .leakyReLU: "1 if x > 0, else 0.01"
        case .relu6: "1 if 0 < x < 6, else 0"
        case .elu: "1 if x > 0, else alpha*exp(x)"
        case .selu: "lambda if x > 0, else lambda*alpha*exp(x)"
        case .celu: "1 if x > 0, else exp(x/alpha)"
        case .gelu: "Phi(x) + x*phi(x), phi(x) = exp(-x^2/2)/sqrt(2*pi)"
        case .geluTanh:
            "0.5*(1 + t) + 0.5*x*(1 - t^2)*sqrt(2/pi)*(1 + 3*0.044715*x^2), "
                + "t = tanh(sqrt(2/pi)*(x + 0.044715*x^3))"
        case .silu: "s*(1 + x*(1 - s)), s = sigmoid(x)"
        case .mish: "t + x*(1 - t^2)*sigmoid(x), t = tanh(softplus(x))"
        case .softplus: "sigmoid(x)"
        case .softsign: "1/(1 + |x|)^2"
        case .sigmoid: "s*(1 - s), s = sigmoid(x)"
        case .hardSigmoid: "1/6 if -3 < x < 3, else 0"
        case .tanh: "1 - tanh(x)^2"
        case .hardTanh: "1 if -1 < x < 1, else 0"
        case .linear: "1"
        case .softmax: "J = diag(y) - y*y^T, y = softmax(x); J*v = y*(v - <y, v>)"
        }
    }

    /// The convention chosen where the function has a kink or a choice of definition.
    public var convention: String {
        switch self {
        case .relu: "relu'(0) = 0 (PyTorch, TensorFlow); relu(NaN) = NaN"
        case .leakyReLU: "slope 0.01 (PyTorch default; Keras uses 0.3); leaky_relu'(0) = 0.01"
        case .relu6: "relu6'(0) = relu6'(6) = 0"
        case .elu: "alpha = 1; elu'(0) = 1 (smooth there since alpha = 1)"
        case .selu: "selu'(0) = lambda*alpha (left piece, as PyTorch)"
        case .celu: "alpha = 1, so equal to elu; celu'(0) = 1"
        case .gelu: "exact erf form (PyTorch approximate='none')"
        case .geluTanh: "tanh approximation (PyTorch approximate='tanh')"
        case .silu: "alias swish (beta = 1)"
        case .mish: "smooth"
        case .softplus: "beta = 1; returns x itself for large x (softplus(1000) = 1000)"
        case .softsign: "smooth; softsign(+-inf) = +-1"
        case .sigmoid: "stable for large |x|: sigmoid(-inf) = 0, sigmoid(+inf) = 1"
        case .hardSigmoid:
            "PyTorch's relu6(x+3)/6 (Keras before 3.0: clip(0.2x + 0.5, 0, 1)); 0 derivative at +-3"
        case .tanh: "smooth"
        case .hardTanh: "hard_tanh'(-1) = hard_tanh'(1) = 0"
        case .linear: "alias identity"
        case .softmax: "not elementwise; stable (subtracts the maximum); a scalar gives 1"
        }
    }
}
