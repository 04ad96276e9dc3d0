/// Tight loops over raw Float buffers, shared by layers, losses, optimizers and probes.
/// Reductions accumulate in Double so that statistics do not drift with the batch size.
public enum Kernels {
    /// `x[i] *= factor`.
    @inline(__always)
    public static func scale(_ x: UnsafeMutablePointer<Float>, count: Int, by factor: Float) {
        var i = 0
        while i < count { x[i] *= factor; i &+= 1 }
    }

    /// The sum of the values, in Double.
    @inline(__always)
    public static func sum(_ x: UnsafePointer<Float>, count: Int) -> Double {
        var total: Double = 0
        var i = 0
        while i < count { total += Double(x[i]); i &+= 1 }
        return total
    }

    /// The sum of squares, in Double.
    @inline(__always)
    public static func sumOfSquares(_ x: UnsafePointer<Float>, count: Int) -> Double {
        var total: Double = 0
        var i = 0
        while i < count { let v = Double(x[i]); total += v * v; i &+= 1 }
        return total
    }

    /// Whether every value is finite. (x·0 is NaN exactly for NaN and ±∞; sixteen independent
    /// lanes keep the loop vectorised.)
    @inline(__always)
    public static func allFinite(_ x: UnsafePointer<Float>, count: Int) -> Bool {
        var lanes = SIMD16<Float>()
        var i = 0
        while i &+ 16 <= count {
            lanes += UnsafeRawPointer(x + i).loadUnaligned(as: SIMD16<Float>.self) * 0
            i &+= 16
        }
        var rest: Float = 0
        while i < count { rest += x[i] * 0; i &+= 1 }
        // Folded in halves to four lanes before comparing (`lanes == SIMD16()` compiled to a
        // lane-by-lane loop through memory: half the time of a W1 step's finiteness check).
        let eight = lanes.lowHalf + lanes.highHalf
        let four = eight.lowHalf + eight.highHalf
        return rest == 0 && four[0] == 0 && four[1] == 0 && four[2] == 0 && four[3] == 0
    }

    /// Every row of a `rows × width` matrix set to `row`. Narrow rows are copied eight values at a
    /// time in registers (one `memcpy` call per row costs more than the copy at these widths).
    @inline(__always)
    public static func fillRows(
        _ matrix: UnsafeMutablePointer<Float>, rows: Int, width: Int, with row: UnsafePointer<Float>
    ) {
        if width > 64 {
            var r = 0
            while r < rows { (matrix + r &* width).update(from: row, count: width); r &+= 1 }
            return
        }
        var j = 0
        while j &+ 8 <= width {
            let chunk = UnsafeRawPointer(row + j).loadUnaligned(as: SIMD8<Float>.self)
            var r = 0
            while r < rows {
                UnsafeMutableRawPointer(matrix + (r &* width &+ j)).storeBytes(of: chunk, as: SIMD8<Float>.self)
                r &+= 1
            }
            j &+= 8
        }
        while j < width {
            let value = row[j]
            var r = 0
            while r < rows { matrix[r &* width &+ j] = value; r &+= 1 }
            j &+= 1
        }
    }

    /// `into[j] (+)= Σ_r matrix[r, j]` (column sums). Eight columns at a time are summed in
    /// registers, so the loop vectorises whatever `into` points at.
    @inline(__always)
    public static func columnSums(
        _ matrix: UnsafePointer<Float>, rows: Int, width: Int, into: UnsafeMutablePointer<Float>,
        accumulate: Bool
    ) {
        var j = 0
        while j &+ 8 <= width {
            var total = accumulate ? UnsafeRawPointer(into + j).loadUnaligned(as: SIMD8<Float>.self) : SIMD8<Float>()
            var r = 0
            while r < rows {
                total += UnsafeRawPointer(matrix + (r &* width &+ j)).loadUnaligned(as: SIMD8<Float>.self)
                r &+= 1
            }
            UnsafeMutableRawPointer(into + j).storeBytes(of: total, as: SIMD8<Float>.self)
            j &+= 8
        }
        while j < width {
            var total: Float = accumulate ? into[j] : 0
            var r = 0
            while r < rows { total += matrix[r &* width &+ j]; r &+= 1 }
            into[j] = total
            j &+= 1
        }
    }
}
