// Float batch kernels for the engine: one tight loop per activation over raw buffers, the switch
// hoisted out of the loop, and the generic formulas specialised to Float inside this module.

extension Activation {
    /// output[i] = f(input[i]) over the first min(input.count, output.count) elements.
    /// `output` may be the same memory as `input` (in place).
    /// softmax treats the whole buffer as one vector (see ``Softmax/forwardRows(_:_:rowLength:)``
    /// for a batch).
    public func forward(_ input: UnsafeBufferPointer<Float>, _ output: UnsafeMutableBufferPointer<Float>) {
        let n = Swift.min(input.count, output.count)
        guard n > 0, let x = input.baseAddress, let y = output.baseAddress else { return }
        typealias V = ActivationValue
        typealias F = FloatActivation
        switch self {
        case .relu: Self.map(x, y, n) { $0 <= 0 ? 0 : $0 }
        case .leakyReLU: Self.map(x, y, n) { V.leakyReLU($0) }
        case .relu6: Self.map(x, y, n) { V.relu6($0) }
        case .elu: Self.map(x, y, n) { F.elu($0) }
        case .selu: Self.map(x, y, n) { F.selu($0) }
        case .celu: Self.map(x, y, n) { F.celu($0) }
        case .gelu: Self.map(x, y, n) { F.gelu($0) }
        case .geluTanh: Self.map(x, y, n) { F.geluTanh($0) }
        case .silu: Self.map(x, y, n) { F.silu($0) }
        case .mish: Self.map(x, y, n) { F.mish($0) }
        case .softplus: Self.map(x, y, n) { F.softplus($0) }
        case .softsign: Self.map(x, y, n) { V.softsign($0) }
        case .sigmoid: Self.map(x, y, n) { F.sigmoid($0) }
        case .hardSigmoid: Self.map(x, y, n) { V.hardSigmoid($0) }
        case .tanh: Self.map(x, y, n) { F.tanh($0) }
        case .hardTanh: Self.map(x, y, n) { V.hardTanh($0) }
        case .linear: Self.map(x, y, n) { $0 }
        case .softmax: Softmax.forwardRow(x, y, n)
        }
    }

    /// gradient[i] = upstream[i]·f'(input[i]) (dL/dx from dL/dy), over the shortest buffer.
    /// Only softmax reads `output` (the forward result); the others read `input`, because
    /// 1 − y² and y(1 − y) lose all precision in Float once tanh or σ rounds to ±1.
    /// softmax treats the whole buffer as one vector. `gradient` may be the same memory as `upstream`.
    /// At a NaN input the gradient is NaN for the smooth activations and 0 or the slope for the
    /// piecewise-linear ones (which test `x > 0`); the forward pass always propagates NaN.
    public func backward(
        input: UnsafeBufferPointer<Float>, output: UnsafeBufferPointer<Float>,
        upstream: UnsafeBufferPointer<Float>, into gradient: UnsafeMutableBufferPointer<Float>
    ) {
        let n = Swift.min(input.count, output.count, upstream.count, gradient.count)
        guard n > 0, let x = input.baseAddress, let y = output.baseAddress,
            let g = upstream.baseAddress, let d = gradient.baseAddress
        else { return }
        typealias D = ActivationDerivative
        typealias F = FloatActivation
        switch self {
        case .relu: Self.scale(x, g, d, n) { $0 > 0 ? 1 : 0 }
        case .leakyReLU: Self.scale(x, g, d, n) { $0 > 0 ? 1 : Float(ActivationConstants.leakySlope) }
        case .relu6: Self.scale(x, g, d, n) { $0 > 0 && $0 < 6 ? 1 : 0 }
        case .elu: Self.scale(x, g, d, n) { F.eluDerivative($0) }
        case .selu: Self.scale(x, g, d, n) { F.seluDerivative($0) }
        case .celu: Self.scale(x, g, d, n) { F.celuDerivative($0) }
        case .gelu: Self.scale(x, g, d, n) { F.geluDerivative($0) }
        case .geluTanh: Self.scale(x, g, d, n) { F.geluTanhDerivative($0) }
        case .silu: Self.scale(x, g, d, n) { F.siluDerivative($0) }
        case .mish: Self.scale(x, g, d, n) { F.mishDerivative($0) }
        case .softplus: Self.scale(x, g, d, n) { F.sigmoid($0) }
        case .softsign: Self.scale(x, g, d, n) { D.softsign($0) }
        case .sigmoid: Self.scale(x, g, d, n) { F.sigmoidDerivative($0) }
        case .hardSigmoid: Self.scale(x, g, d, n) { $0 > -3 && $0 < 3 ? 1 / 6 : 0 }
        case .tanh: Self.scale(x, g, d, n) { F.tanhDerivative($0) }
        case .hardTanh: Self.scale(x, g, d, n) { $0 > -1 && $0 < 1 ? 1 : 0 }
        case .linear: Self.scale(x, g, d, n) { _ in 1 }
        case .softmax: Softmax.backwardRow(y, g, d, n)
        }
    }

    /// Applies the activation to a vector: elementwise, or softmax over the whole vector.
    public func applyVector(_ v: [Double]) -> [Double] {
        isElementwise ? v.map(value) : Softmax.apply(v)
    }

    @inline(__always)
    private static func map(
        _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int,
        _ f: (Float) -> Float
    ) {
        for i in 0..<n { y[i] = f(x[i]) }
    }

    @inline(__always)
    private static func scale(
        _ x: UnsafePointer<Float>, _ g: UnsafePointer<Float>, _ d: UnsafeMutablePointer<Float>,
        _ n: Int, _ fPrime: (Float) -> Float
    ) {
        for i in 0..<n { d[i] = g[i] * fPrime(x[i]) }
    }
}
