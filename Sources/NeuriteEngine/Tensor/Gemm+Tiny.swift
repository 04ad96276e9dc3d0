extension Gemm {
    /// Products with at most this many multiply-adds (m·n·k) run in ``tiny(_:_:m:n:k:a:b:c:accumulate:)``
    /// rather than OpenBLAS: Playground-sized layers (W1's 10×8×8 is 640), where a library call's
    /// fixed cost (argument checks, dispatch, buffer packing, a lock) is larger than the arithmetic.
    public static let tinyProductLimit = 1024

    /// `C[m×n] = op(A)·op(B)` (or `+=`) for tiny products, with each row of C kept in SIMD8
    /// registers over the whole sum: `C[i, j] = C₀[i, j] + Σₚ op(A)[i, p]·op(B)[p, j]`, the terms
    /// added in order of p (so a result does not depend on n or on where a row splits into chunks).
    /// `op(B)` transposed is first packed k×n on the stack (at most ``tinyProductLimit`` values).
    @inline(__always)
    public static func tiny(
        _ opA: Operand, _ opB: Operand, m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>,
        accumulate: Bool
    ) {
        // op(A)[i, p] = a[i·rowStride + p·columnStride].
        let (rowStride, columnStride) = opA == .normal ? (k, 1) : (1, m)
        if opB == .normal {
            tinyRows(m: m, n: n, k: k, a: a, rowStride: rowStride, columnStride: columnStride, b: b, c: c, accumulate: accumulate)
            return
        }
        withUnsafeTemporaryAllocation(of: Float.self, capacity: Swift.max(n &* k, 1)) { buffer in
            guard let packed = buffer.baseAddress else { return }
            var j = 0
            while j < n {
                var p = 0
                while p < k { packed[p &* n &+ j] = b[j &* k &+ p]; p &+= 1 }
                j &+= 1
            }
            tinyRows(
                m: m, n: n, k: k, a: a, rowStride: rowStride, columnStride: columnStride, b: UnsafePointer(packed),
                c: c, accumulate: accumulate)
        }
    }

    /// The kernel of ``tiny(_:_:m:n:k:a:b:c:accumulate:)`` with B stored k×n: two rows of C at a
    /// time (two independent chains share each load of B), eight columns at a time in SIMD8
    /// accumulators; the last partial group of columns, and n < 8, one column at a time.
    @inline(__always)
    static func tinyRows(
        m: Int, n: Int, k: Int, a: UnsafePointer<Float>, rowStride: Int, columnStride: Int,
        b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>, accumulate: Bool
    ) {
        @inline(__always) func load(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
            UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
        }
        @inline(__always) func store(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
            UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
        }
        let wide = n & ~7
        var i = 0
        while i &+ 1 < m {
            let aRow0 = a + i &* rowStride, aRow1 = aRow0 + rowStride
            let cRow0 = c + i &* n, cRow1 = cRow0 + n
            var j = 0
            while j < wide {
                var total0 = accumulate ? load(cRow0 + j) : SIMD8<Float>()
                var total1 = accumulate ? load(cRow1 + j) : SIMD8<Float>()
                var p = 0
                while p < k {
                    let bChunk = load(b + (p &* n &+ j))
                    let offset = p &* columnStride
                    total0 += SIMD8(repeating: aRow0[offset]) * bChunk
                    total1 += SIMD8(repeating: aRow1[offset]) * bChunk
                    p &+= 1
                }
                store(total0, cRow0 + j)
                store(total1, cRow1 + j)
                j &+= 8
            }
            while j < n {
                var total0: Float = accumulate ? cRow0[j] : 0
                var total1: Float = accumulate ? cRow1[j] : 0
                var p = 0
                while p < k {
                    let bValue = b[p &* n &+ j]
                    let offset = p &* columnStride
                    total0 += aRow0[offset] * bValue
                    total1 += aRow1[offset] * bValue
                    p &+= 1
                }
                cRow0[j] = total0
                cRow1[j] = total1
                j &+= 1
            }
            i &+= 2
        }
        if i < m {
            let aRow = a + i &* rowStride
            let cRow = c + i &* n
            var j = 0
            while j < wide {
                var total = accumulate ? load(cRow + j) : SIMD8<Float>()
                var p = 0
                while p < k {
                    total += SIMD8(repeating: aRow[p &* columnStride]) * load(b + (p &* n &+ j))
                    p &+= 1
                }
                store(total, cRow + j)
                j &+= 8
            }
            while j < n {
                var total: Float = accumulate ? cRow[j] : 0
                var p = 0
                while p < k {
                    total += aRow[p &* columnStride] * b[p &* n &+ j]
                    p &+= 1
                }
                cRow[j] = total
                j &+= 1
            }
        }
    }
}
