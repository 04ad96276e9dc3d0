#if canImport(Glibc)
import Glibc
#endif

/// Row-wise softmax, computed stably (the row maximum is subtracted first).
///
/// As the last layer with softmax cross-entropy, the trainer fuses the two and never calls this
/// layer's backward; on its own, backward applies the full Jacobian-vector product.
public final class SoftmaxLayer: Layer {
    public let inputWidth: Int
    public var outputWidth: Int { inputWidth }
    private let outputBuffer = Workspace()
    private let gradientBuffer = Workspace()

    public init(width: Int) { inputWidth = width }

    public var summary: String { "softmax" }
    public var parameters: [Parameter] { [] }
    public var output: UnsafeMutablePointer<Float> { outputBuffer.pointer }
    public var inputGradient: UnsafeMutablePointer<Float> { gradientBuffer.pointer }

    public func reserve(batchCapacity: Int) {
        outputBuffer.reserve(batchCapacity * inputWidth)
        gradientBuffer.reserve(batchCapacity * inputWidth)
    }

    public func forward(_ input: UnsafePointer<Float>, rows: Int, mode: PassMode) {
        Softmax.rows(input, rows: rows, width: inputWidth, into: outputBuffer.pointer)
    }

    public func backward(_ upstream: UnsafePointer<Float>, rows: Int, propagate: Bool) {
        guard propagate else { return }
        let w = inputWidth
        var r = 0
        while r < rows {
            let y = outputBuffer.pointer + r &* w, g = upstream + r &* w, d = gradientBuffer.pointer + r &* w
            var dot: Float = 0
            var j = 0
            while j < w { dot += y[j] * g[j]; j &+= 1 }
            j = 0
            while j < w { d[j] = y[j] * (g[j] - dot); j &+= 1 }
            r &+= 1
        }
    }
}

/// Stable softmax kernels.
enum Softmax {
    /// Softmax of each row of a rows × width matrix.
    static func rows(_ x: UnsafePointer<Float>, rows: Int, width: Int, into y: UnsafeMutablePointer<Float>) {
        var r = 0
        while r < rows {
            let xr = x + r &* width, yr = y + r &* width
            var top = -Float.infinity
            var j = 0
            while j < width { top = Swift.max(top, xr[j]); j &+= 1 }
            var total: Float = 0
            j = 0
            while j < width { let e = expf(xr[j] - top); yr[j] = e; total += e; j &+= 1 }
            let inverse = 1 / total
            j = 0
            while j < width { yr[j] *= inverse; j &+= 1 }
            r &+= 1
        }
    }
}
