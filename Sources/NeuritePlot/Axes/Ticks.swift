import Foundation

/// Tick marks of one axis: the axis range (in axis coordinates, i.e. log10 on a log axis),
/// the tick positions in the same coordinates and their labels.
public struct AxisTicks: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public var positions: [Double]
    public var labels: [String]

    /// The fraction 0…1 of the way from `lower` to `upper` at `coordinate`.
    func fraction(_ coordinate: Double) -> Double {
        let span = upper - lower
        return span > 0 ? (coordinate - lower) / span : 0.5
    }
}

/// Chooses tick values at 1, 2 or 5 × 10ⁿ.
public enum Ticks {
    /// Nice ticks covering `lower…upper` with at most `maxCount` ticks (at least 2). The axis
    /// range is widened to the outermost ticks unless `tight`, in which case it stays as given
    /// and only ticks inside it are kept. An empty or degenerate range is widened around its value.
    public static func linear(lower: Double, upper: Double, maxCount: Int, tight: Bool = false) -> AxisTicks {
        var (lo, hi) = sanitizedRange(lower, upper)
        let count = max(2, min(maxCount, 50))
        let step = niceStep(lower: lo, upper: hi, maxCount: count)
        var first = (lo / step).rounded(.down)
        var last = (hi / step).rounded(.up)
        if tight {
            first = (lo / step - 1e-9).rounded(.up)
            last = (hi / step + 1e-9).rounded(.down)
        } else {
            lo = first * step
            hi = last * step
        }
        var positions: [Double] = []
        var k = first
        while k <= last + 1e-9 && positions.count < 200 {
            positions.append(k * step)
            k += 1
        }
        let labels = positions.map { NumberFormat.tick($0, step: step) }
        return AxisTicks(lower: lo, upper: hi, positions: positions, labels: labels)
    }

    /// Ticks for data in `lower…upper` with the axis widened only to the next minor step (half a
    /// step of 1 or 2 × 10ⁿ, a fifth of a step of 5 × 10ⁿ) rather than to a whole tick: less empty
    /// space than `linear`, at the price of unlabelled ends.
    public static func snug(lower: Double, upper: Double, maxCount: Int) -> AxisTicks {
        let (lo, hi) = sanitizedRange(lower, upper)
        let count = max(2, min(maxCount, 50))
        let step = niceStep(lower: lo, upper: hi, maxCount: count)
        let mantissa = (step / pow(10, floor(log10(step)))).rounded()
        let minor = mantissa == 5 ? step / 5 : step / 2
        var snugLower = (lo / minor).rounded(.down) * minor
        var snugUpper = (hi / minor).rounded(.up) * minor
        if !(snugLower < snugUpper) || !snugLower.isFinite || !snugUpper.isFinite { (snugLower, snugUpper) = (lo, hi) }
        // A step chosen for few ticks can leave one tick inside the snug range (-1…3 with step 5:
        // only 0); a finer step (a few more ticks) keeps the axis close to the data, and only if
        // none gives two ticks is the axis widened to whole steps.
        for finer in count...(count + 4) {
            let ticks = linear(lower: snugLower, upper: snugUpper, maxCount: finer, tight: true)
            if ticks.positions.count >= 2 { return ticks }
        }
        return linear(lower: lo, upper: hi, maxCount: count)
    }

    /// The smallest step of 1, 2 or 5 × 10ⁿ that covers `lower…upper` (widened to whole steps)
    /// with at most `maxCount` ticks.
    public static func niceStep(lower: Double, upper: Double, maxCount: Int) -> Double {
        let span = upper - lower
        guard span > 0, span.isFinite else { return 1 }
        let count = Double(max(2, maxCount))
        var magnitude = pow(10, floor(log10(span / count)))
        if !(magnitude > 0) || !magnitude.isFinite { magnitude = Double.leastNormalMagnitude }
        // When no step fits (a range around 0 needs at least 3 ticks: -1, 0, 1), the step with the
        // fewest ticks, rather than a step many decades too large.
        var best = (step: magnitude, ticks: Double.infinity)
        for _ in 0..<4 {
            for multiplier in [1.0, 2.0, 5.0] {
                let step = multiplier * magnitude
                let n = (upper / step).rounded(.up) - (lower / step).rounded(.down) + 1
                if n <= count { return step }
                if n < best.ticks { best = (step, n) }
            }
            magnitude *= 10
        }
        return best.step
    }

    /// Ticks for a log axis over data `lower…upper` (both > 0). Coordinates are log10 values.
    /// The range widens to the nearest 1, 2 or 5 × 10ⁿ; ticks sit on whole decades (every
    /// few decades when there are many), with 2 and 5 × 10ⁿ added when decades alone are too few.
    public static func logarithmic(lower: Double, upper: Double, maxCount: Int) -> AxisTicks {
        var lo = lower, hi = upper
        if !(lo > 0) || !lo.isFinite { lo = 1 }
        if !(hi > 0) || !hi.isFinite { hi = lo }
        if lo > hi { swap(&lo, &hi) }
        // Both bounds inside 1e-300…1e300 (subnormal or huge data included), still in order.
        lo = min(max(lo, 1e-300), 1e300)
        hi = min(max(hi, lo), 1e300)
        if hi / lo < 1.5 {
            lo /= 1.5
            hi *= 1.5
        }
        let bottom = niceLogBound(lo, up: false)
        let top = niceLogBound(hi, up: true)
        let count = max(2, min(maxCount, 50))
        let firstDecade = Int(ceil(log10(bottom) - 1e-9))
        let lastDecade = Int(floor(log10(top) + 1e-9))
        var values: [Double] = []
        if lastDecade >= firstDecade {
            let decades = lastDecade - firstDecade + 1
            let stride = max(1, Int((Double(decades) / Double(count)).rounded(.up)))
            var e = firstDecade
            while e <= lastDecade {
                values.append(pow(10, Double(e)))
                e += stride
            }
        }
        if values.count < 3 && lastDecade + 1 >= firstDecade - 1 {
            var extended: [Double] = []
            for e in (firstDecade - 1)...(lastDecade + 1) {
                for m in [1.0, 2.0, 5.0] {
                    let v = m * pow(10, Double(e))
                    if v >= bottom * (1 - 1e-9) && v <= top * (1 + 1e-9) { extended.append(v) }
                }
            }
            if extended.count <= count { values = extended }
        }
        if values.isEmpty { values = [bottom, top] }
        let labels = values.map { NumberFormat.compact($0, significant: 1) }
        return AxisTicks(lower: log10(bottom), upper: log10(top),
                         positions: values.map { log10($0) }, labels: labels)
    }

    /// The nearest 1, 2 or 5 × 10ⁿ at or below (or above, if `up`) a positive `value`.
    static func niceLogBound(_ value: Double, up: Bool) -> Double {
        let exponent = floor(log10(value))
        let base = pow(10, exponent)
        let candidates = [1.0, 2.0, 5.0, 10.0].map { $0 * base }
        if up {
            return candidates.first { $0 >= value * (1 - 1e-12) } ?? 10 * base
        }
        return candidates.last { $0 <= value * (1 + 1e-12) } ?? base
    }

    /// A finite, non-empty range: NaN and infinite bounds fall back to 0…1, a single value
    /// widens by 10 % of its size (or ±1 around zero), and huge spans are halved until finite.
    static func sanitizedRange(_ lower: Double, _ upper: Double) -> (Double, Double) {
        var lo = lower.isFinite ? lower : 0
        var hi = upper.isFinite ? upper : 1
        if lo > hi { swap(&lo, &hi) }
        if hi - lo <= abs(hi) * 1e-12 || hi == lo {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad
            hi += pad
        }
        let limit = Double.greatestFiniteMagnitude / 4
        lo = min(max(lo, -limit), limit)
        hi = min(max(hi, -limit), limit)
        if !(lo < hi) {  // both clamped to the same limit: keep a non-empty range at that end
            (lo, hi) = hi > 0 ? (limit / 2, limit) : (-limit, -limit / 2)
        }
        return (lo, hi)
    }
}
