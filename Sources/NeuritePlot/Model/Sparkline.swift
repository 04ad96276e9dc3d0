/// A one-line chart of a series with eight levels: `▁▂▃▄▅▆▇█` (ASCII: `_.-~^`).
public struct Sparkline: Sendable, Equatable {
    public var values: [Double]

    public init(_ values: [Double]) {
        self.values = values
    }

    static let unicodeLevels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let asciiLevels: [Character] = ["_", ".", "-", "~", "^"]

    /// One character per value, or, when there are more than `maxWidth` values, per bucket of
    /// consecutive values (their mean). NaN and infinities print as spaces; a constant series
    /// sits in the middle.
    public func render(maxWidth: Int? = nil, canvas: CanvasKind = .braille) -> String {
        let levels = canvas.isASCII ? Self.asciiLevels : Self.unicodeLevels
        let points = Self.bucketed(values, maxWidth: maxWidth)
        let finite = points.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else {
            return String(repeating: " ", count: points.count)
        }
        return String(points.map { v -> Character in
            guard v.isFinite else { return " " }
            guard hi > lo else { return levels[(levels.count - 1) / 2] }
            // Halves keep the difference finite for values near ±Double.greatestFiniteMagnitude.
            let f = (v / 2 - lo / 2) / (hi / 2 - lo / 2)
            guard f.isFinite else { return levels[0] }
            return levels[min(levels.count - 1, max(0, Int(f * Double(levels.count))))]
        })
    }

    /// Means of `maxWidth` equal buckets (ignoring non-finite values), or the values themselves.
    static func bucketed(_ values: [Double], maxWidth: Int?) -> [Double] {
        guard let width = maxWidth, width > 0, values.count > width else { return values }
        return (0..<width).map { b in
            let start = b * values.count / width, end = (b + 1) * values.count / width
            let slice = values[start..<max(end, start + 1)].filter(\.isFinite)
            return slice.isEmpty ? .nan : slice.reduce(0, +) / Double(slice.count)
        }
    }
}
