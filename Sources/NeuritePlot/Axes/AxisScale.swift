import Foundation

/// How data values map onto an axis.
public enum AxisScale: String, Sendable, CaseIterable {
    case linear
    /// Base-10 logarithmic; values ≤ 0 cannot be shown and are skipped (and reported).
    case log

    /// The axis coordinate of `value`, or nil when it cannot be drawn (NaN, ±inf, ≤ 0 on log).
    func coordinate(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        switch self {
        case .linear: return value
        case .log: return value > 0 ? log10(value) : nil
        }
    }
}
