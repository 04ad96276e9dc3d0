/// Points of a plot prepared for drawing: axis coordinates, NaN where a point is skipped.
struct PreparedSeries {
    var x: [Double]
    var y: [Double]
    var nonFinite = 0
    var nonPositive = 0

    init(x rawX: [Double], y rawY: [Double], xScale: AxisScale = .linear, yScale: AxisScale) {
        x = []
        y = []
        x.reserveCapacity(rawX.count)
        y.reserveCapacity(rawY.count)
        for (a, b) in zip(rawX, rawY) {
            if !a.isFinite || !b.isFinite {
                nonFinite += 1
                x.append(.nan); y.append(.nan)
            } else if let cx = xScale.coordinate(a), let cy = yScale.coordinate(b) {
                x.append(cx); y.append(cy)
            } else {
                nonPositive += 1
                x.append(.nan); y.append(.nan)
            }
        }
    }

    /// Finite min and max of `values`, or nil if there are none.
    static func extent(_ values: [Double]) -> (Double, Double)? {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where v.isFinite {
            lo = min(lo, v)
            hi = max(hi, v)
        }
        return lo <= hi ? (lo, hi) : nil
    }
}
