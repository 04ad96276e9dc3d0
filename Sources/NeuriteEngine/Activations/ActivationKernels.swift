import NeuriteNumerics

/// Batch forward and backward of a built-in activation: NeuriteNumerics' kernels, except for the
/// few functions with a faster vectorised loop in ``FastKernels``.
enum ActivationKernels {
    static func forward(_ f: Activation, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count n: Int) {
        switch f {
        case .tanh: FastKernels.tanh(x, y, n)
        case .sigmoid: FastKernels.sigmoid(x, y, n)
        case .silu: FastKernels.silu(x, y, n)
        case .relu:
            // max(0, x) with NaN passed through, as in the numerics table.
            var i = 0
            while i < n { y[i] = x[i] <= 0 ? 0 : x[i]; i &+= 1 }
        default:
            f.forward(UnsafeBufferPointer(start: x, count: n), UnsafeMutableBufferPointer(start: y, count: n))
        }
    }

    /// d = g · f′(x), given the forward output y (tanh′ = 1 − y², σ′ = y(1 − y), relu′ = [x > 0],
    /// as in the numerics table; inlined here so that the loops vectorise in this module).
    static func backward(
        _ f: Activation, input x: UnsafePointer<Float>, output y: UnsafePointer<Float>, upstream g: UnsafePointer<Float>,
        into d: UnsafeMutablePointer<Float>, count n: Int
    ) {
        var i = 0
        switch f {
        case .silu:
            FastKernels.siluBackward(x, g, d, n)
            return
        case .tanh:
            while i < n { d[i] = g[i] * (1 - y[i] * y[i]); i &+= 1 }
            return
        case .sigmoid:
            while i < n { d[i] = g[i] * (y[i] * (1 - y[i])); i &+= 1 }
            return
        case .relu:
            while i < n { d[i] = g[i] * (x[i] > 0 ? 1 : 0); i &+= 1 }
            return
        default:
            break
        }
        f.backward(
            input: UnsafeBufferPointer(start: x, count: n), output: UnsafeBufferPointer(start: y, count: n),
            upstream: UnsafeBufferPointer(start: g, count: n), into: UnsafeMutableBufferPointer(start: d, count: n))
    }
}
