// STOPGAP — delete this file when NeuriteNumerics' `Activation` lands (same agreed API).
// It exists only so the engine builds before the numerics branch is merged.
#if canImport(Glibc)
import Glibc
#endif

public enum Activation: String, CaseIterable, Sendable {
    case linear, relu, leaky_relu, sigmoid, tanh, softplus, swish

    public func value(_ x: Double) -> Double {
        switch self {
        case .linear: return x
        case .relu: return x > 0 ? x : 0
        case .leaky_relu: return x > 0 ? x : 0.01 * x
        case .sigmoid: return 1 / (1 + exp(-x))
        case .tanh: return Glibc.tanh(x)
        case .softplus: return x > 0 ? x + log1p(exp(-x)) : log1p(exp(x))
        case .swish: return x / (1 + exp(-x))
        }
    }

    public func derivative(_ x: Double) -> Double {
        switch self {
        case .linear: return 1
        case .relu: return x > 0 ? 1 : 0
        case .leaky_relu: return x > 0 ? 1 : 0.01
        case .sigmoid: let s = 1 / (1 + exp(-x)); return s * (1 - s)
        case .tanh: let t = Glibc.tanh(x); return 1 - t * t
        case .softplus: return 1 / (1 + exp(-x))
        case .swish: let s = 1 / (1 + exp(-x)); return s + x * s * (1 - s)
        }
    }

    public var isReLUFamily: Bool { self == .relu || self == .leaky_relu }

    public func isSaturated(_ y: Double) -> Bool {
        switch self {
        case .tanh: return abs(y) > 0.97
        case .sigmoid: return y < 0.03 || y > 0.97
        default: return false
        }
    }

    public func forward(_ input: UnsafeBufferPointer<Float>, _ output: UnsafeMutableBufferPointer<Float>) {
        let n = input.count
        guard let x = input.baseAddress, let y = output.baseAddress else { return }
        var i = 0
        switch self {
        case .relu: while i < n { y[i] = x[i] > 0 ? x[i] : 0; i &+= 1 }
        case .tanh: while i < n { y[i] = tanhf(x[i]); i &+= 1 }
        case .sigmoid: while i < n { y[i] = 1 / (1 + expf(-x[i])); i &+= 1 }
        default: while i < n { y[i] = Float(value(Double(x[i]))); i &+= 1 }
        }
    }

    public func backward(
        input: UnsafeBufferPointer<Float>, output: UnsafeBufferPointer<Float>,
        upstream: UnsafeBufferPointer<Float>, into: UnsafeMutableBufferPointer<Float>
    ) {
        let n = input.count
        guard let x = input.baseAddress, let y = output.baseAddress, let g = upstream.baseAddress,
              let d = into.baseAddress else { return }
        var i = 0
        switch self {
        case .relu: while i < n { d[i] = g[i] * (x[i] > 0 ? 1 : 0); i &+= 1 }
        case .tanh: while i < n { d[i] = g[i] * (1 - y[i] * y[i]); i &+= 1 }
        case .sigmoid: while i < n { d[i] = g[i] * y[i] * (1 - y[i]); i &+= 1 }
        default: while i < n { d[i] = g[i] * Float(derivative(Double(x[i]))); i &+= 1 }
        }
    }
}

public enum MathFunction: String, CaseIterable, Sendable {
    case exp, log, sqrt, abs, sin, cos, tanh

    public func value(_ x: Double) -> Double {
        switch self {
        case .exp: return Glibc.exp(x)
        case .log: return Glibc.log(x)
        case .sqrt: return x.squareRoot()
        case .abs: return Swift.abs(x)
        case .sin: return Glibc.sin(x)
        case .cos: return Glibc.cos(x)
        case .tanh: return Glibc.tanh(x)
        }
    }

    public func derivative(_ x: Double) -> Double {
        switch self {
        case .exp: return Glibc.exp(x)
        case .log: return 1 / x
        case .sqrt: return 0.5 / x.squareRoot()
        case .abs: return x > 0 ? 1 : (x < 0 ? -1 : 0)
        case .sin: return Glibc.cos(x)
        case .cos: return -Glibc.sin(x)
        case .tanh: let t = Glibc.tanh(x); return 1 - t * t
        }
    }
}
