import COpenBLAS

/// Single-precision matrix products `C (+)= op(A) · op(B)` on row-major buffers.
///
/// Products go to OpenBLAS `cblas_sgemm`. The engine's own loops (``smallNN(_:_:_:_:_:_:_:)`` and
/// siblings) are kept as the reference the tests and the benchmark check OpenBLAS against, and for
/// products below ``smallProductLimit``.
public enum Gemm {
    /// Whether an operand is used as stored or transposed.
    public enum Operand: Sendable { case normal, transposed }

    /// Products with fewer multiply-adds than this run in the engine's own loops. Zero: measured on
    /// the benchmark shapes (2×8 up to 32×16×16), OpenBLAS 0.3.21's small-matrix kernels beat the
    /// engine's loops (SSE2 at the portable default target) even for W1's 10×8×2 products; W2 ran
    /// 3.5–4× faster through OpenBLAS.
    public static let smallProductLimit = 0

    /// `C[m×n] = op(A)·op(B)` (or `+=` when `accumulate`), where `op(A)` is m×k and `op(B)` is k×n.
    /// `A` is stored m×k (normal) or k×m (transposed); `B` is stored k×n or n×k. All row-major, packed.
    @inline(__always)
    public static func multiply(
        _ opA: Operand, _ opB: Operand, m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>,
        accumulate: Bool
    ) {
        if m == 0 || n == 0 { return }
        if k == 0 {
            if !accumulate { c.update(repeating: 0, count: m &* n) }
            return
        }
        if m &* n &* k < smallProductLimit {
            switch (opA, opB) {
            case (.normal, .normal): smallNN(m, n, k, a, b, c, accumulate)
            case (.normal, .transposed): smallNT(m, n, k, a, b, c, accumulate)
            case (.transposed, .normal): smallTN(m, n, k, a, b, c, accumulate)
            case (.transposed, .transposed): blas(opA, opB, m, n, k, a, b, c, accumulate)
            }
        } else {
            blas(opA, opB, m, n, k, a, b, c, accumulate)
        }
    }

    /// Always through OpenBLAS (used by the benchmark to measure the ceiling).
    public static func blas(
        _ opA: Operand, _ opB: Operand, _ m: Int, _ n: Int, _ k: Int,
        _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>,
        _ accumulate: Bool
    ) {
        let lda = opA == .normal ? k : m
        let ldb = opB == .normal ? n : k
        cblas_sgemm(
            CblasRowMajor, opA == .normal ? CblasNoTrans : CblasTrans,
            opB == .normal ? CblasNoTrans : CblasTrans,
            Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb),
            accumulate ? 1 : 0, c, Int32(n))
    }

    /// C = A·B: for each row of A, accumulate scaled rows of B (contiguous inner loop over n).
    @inline(__always)
    public static func smallNN(
        _ m: Int, _ n: Int, _ k: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
        _ c: UnsafeMutablePointer<Float>, _ accumulate: Bool
    ) {
        var i = 0
        while i < m {
            let row = c + i &* n
            if !accumulate { row.update(repeating: 0, count: n) }
            let aRow = a + i &* k
            var p = 0
            while p < k {
                let scale = aRow[p]
                let bRow = b + p &* n
                var j = 0
                while j < n { row[j] += scale * bRow[j]; j &+= 1 }
                p &+= 1
            }
            i &+= 1
        }
    }

    /// C = A·Bᵀ with B stored n×k: dot products of rows.
    @inline(__always)
    public static func smallNT(
        _ m: Int, _ n: Int, _ k: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
        _ c: UnsafeMutablePointer<Float>, _ accumulate: Bool
    ) {
        var i = 0
        while i < m {
            let aRow = a + i &* k
            var j = 0
            while j < n {
                let bRow = b + j &* k
                var total: Float = 0
                var p = 0
                while p < k { total += aRow[p] * bRow[p]; p &+= 1 }
                let index = i &* n &+ j
                c[index] = accumulate ? c[index] + total : total
                j &+= 1
            }
            i &+= 1
        }
    }

    /// C = Aᵀ·B with A stored k×m: for each shared row p, add the outer product of A[p,:] and B[p,:].
    @inline(__always)
    public static func smallTN(
        _ m: Int, _ n: Int, _ k: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
        _ c: UnsafeMutablePointer<Float>, _ accumulate: Bool
    ) {
        if !accumulate { c.update(repeating: 0, count: m &* n) }
        var p = 0
        while p < k {
            let aRow = a + p &* m
            let bRow = b + p &* n
            var i = 0
            while i < m {
                let scale = aRow[i]
                let row = c + i &* n
                var j = 0
                while j < n { row[j] += scale * bRow[j]; j &+= 1 }
                i &+= 1
            }
            p &+= 1
        }
    }
}
