/// An interval of the real line with open or closed ends (infinite ends are always open).
public struct OutputRange: Sendable, Equatable, CustomStringConvertible {
    public var lower: Double
    public var upper: Double
    public var lowerIncluded: Bool
    public var upperIncluded: Bool

    public init(_ lower: Double, _ upper: Double, lowerIncluded: Bool = false,
                upperIncluded: Bool = false) {
        self.lower = lower
        self.upper = upper
        self.lowerIncluded = lowerIncluded && lower.isFinite
        self.upperIncluded = upperIncluded && upper.isFinite
    }

    /// Whether y lies in the interval.
    public func contains(_ y: Double) -> Bool {
        (lowerIncluded ? y >= lower : y > lower) && (upperIncluded ? y <= upper : y < upper)
    }

    /// Interval notation, e.g. `[0, inf)` or `(-1, 1)`.
    public var description: String {
        (lowerIncluded ? "[" : "(") + formatNumber(lower) + ", " + formatNumber(upper)
            + (upperIncluded ? "]" : ")")
    }
}
