import Foundation

/// The x and y axes of a line or scatter plot, from the data and any fixed limits.
struct PlotAxes {
    var xLower: Double
    var xUpper: Double
    var xTight: Bool
    var y: AxisTicks

    static func make(xs: [[Double]], ys: [[Double]], xLimits: ClosedRange<Double>?, yLimits: ClosedRange<Double>?,
                     yScale: AxisScale, options: RenderOptions, looseX: Bool = false) -> PlotAxes {
        let xExtent = xs.compactMap(PreparedSeries.extent).reduce(nil as (Double, Double)?) { acc, e in
            acc.map { (min($0.0, e.0), max($0.1, e.1)) } ?? e
        }
        let yExtent = ys.compactMap(PreparedSeries.extent).reduce(nil as (Double, Double)?) { acc, e in
            acc.map { (min($0.0, e.0), max($0.1, e.1)) } ?? e
        }
        // About one tick every 2.5 rows or more, so that labels never crowd.
        let maxYTicks = max(2, min(Int(Double(options.height) / 2.5) + 1, 8))
        let y: AxisTicks
        switch yScale {
        case .linear:
            if let limits = yLimits, limits.lowerBound.isFinite, limits.upperBound.isFinite {
                y = Ticks.linear(lower: limits.lowerBound, upper: limits.upperBound, maxCount: maxYTicks, tight: true)
            } else {
                let e = yExtent ?? (0, 1)
                y = Ticks.snug(lower: e.0, upper: e.1, maxCount: maxYTicks)
            }
        case .log:
            if let limits = yLimits, limits.lowerBound > 0, limits.upperBound.isFinite {
                y = Ticks.logarithmic(lower: limits.lowerBound, upper: limits.upperBound, maxCount: maxYTicks)
            } else {
                let e = yExtent.map { (pow10($0.0), pow10($0.1)) } ?? (1, 10)
                y = Ticks.logarithmic(lower: e.0, upper: e.1, maxCount: maxYTicks)
            }
        }
        if let limits = xLimits, limits.lowerBound.isFinite, limits.upperBound.isFinite {
            let (lo, hi) = Ticks.sanitizedRange(limits.lowerBound, limits.upperBound)
            return PlotAxes(xLower: lo, xUpper: hi, xTight: true, y: y)
        }
        let (lo, hi) = Ticks.sanitizedRange(xExtent?.0 ?? 0, xExtent?.1 ?? 1)
        return PlotAxes(xLower: lo, xUpper: hi, xTight: !looseX, y: y)
    }

    func xTicks(columns: Int) -> AxisTicks {
        let maxCount = max(2, min(columns / 7, 11))
        guard xTight else { return Ticks.snug(lower: xLower, upper: xUpper, maxCount: maxCount) }
        let ticks = Ticks.linear(lower: xLower, upper: xUpper, maxCount: maxCount, tight: true)
        // A step chosen for the widened range can leave one tick inside a tight one (-4…4 with
        // step 5: only 0); a finer step labels both sides when its labels fit the columns.
        guard ticks.positions.count < 2 else { return ticks }
        let finer = Ticks.linear(lower: xLower, upper: xUpper, maxCount: maxCount + 2, tight: true)
        let labelColumns = finer.labels.map { DisplayWidth.of($0) + 2 }.reduce(0, +)
        return finer.positions.count >= 2 && labelColumns <= columns ? finer : ticks
    }

    private static func pow10(_ v: Double) -> Double {
        pow(10, v)
    }
}
