/// Maps values to 0…1 along a colour ramp, on a linear or log scale.
struct ColorNormalizer {
    let scale: AxisScale
    /// Smallest and largest drawable value, nil if there is none.
    let extent: (Double, Double)?
    /// Cells that cannot be drawn.
    let skipped: Int

    /// - Parameter limits: the values at the two ends of the ramp (e.g. shared by maps drawn side
    ///   by side), widened to take in the values; nil: the values' own extent.
    init(values: [[Double]], scale: AxisScale, limits: ClosedRange<Double>? = nil) {
        self.scale = scale
        var lo = Double.infinity, hi = -Double.infinity, skipped = 0
        for row in values {
            for v in row {
                if scale.coordinate(v) != nil {
                    lo = min(lo, v)
                    hi = max(hi, v)
                } else {
                    skipped += 1
                }
            }
        }
        if let limits, scale.coordinate(limits.lowerBound) != nil, scale.coordinate(limits.upperBound) != nil {
            lo = min(lo, limits.lowerBound)
            hi = max(hi, limits.upperBound)
        }
        extent = lo <= hi ? (lo, hi) : nil
        self.skipped = skipped
    }

    /// The ramp position of `value` in 0…1, or nil if it cannot be drawn.
    func fraction(_ value: Double) -> Double? {
        guard let c = scale.coordinate(value), let (lo, hi) = extent,
              let a = scale.coordinate(lo), let b = scale.coordinate(hi) else { return nil }
        guard b > a else { return 0.5 }
        // Halves keep the difference finite for values near ±Double.greatestFiniteMagnitude.
        let f = (c / 2 - a / 2) / (b / 2 - a / 2)
        return f.isFinite ? min(1, max(0, f)) : 0
    }
}
