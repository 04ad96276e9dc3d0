import Foundation

/// Counts of values in bins, drawn as horizontal bars labelled by bin (`[0.5, 1)`).
/// NaN and infinite values are skipped and reported.
public struct Histogram: Plottable {
    /// How the bin edges are chosen.
    public enum Bins: Sendable, Equatable {
        /// About log₂(n) + 1 bins (Sturges), widened to tidy 1, 2 or 5 × 10ⁿ edges.
        case automatic
        /// `n` equal bins from the smallest to the largest value.
        case count(Int)
        /// Explicit increasing bin edges; values outside them are counted as such.
        case edges([Double])
    }

    public var title: String
    public var xLabel: String
    /// Bin edges, one more than `counts`. The last bin includes its upper edge.
    public private(set) var edges: [Double]
    public private(set) var counts: [Int]
    /// Values that were NaN or infinite.
    public private(set) var nonFinite: Int
    /// Finite values outside explicit edges.
    public private(set) var outside: Int
    /// Values left out by whoever binned them (see `init(edges:counts:excluded:)`).
    public private(set) var excluded: Int = 0

    public init(values: [Double], bins: Bins = .automatic, title: String = "", xLabel: String = "") {
        self.title = title
        self.xLabel = xLabel
        let finite = values.filter(\.isFinite)
        nonFinite = values.count - finite.count
        edges = Self.edges(for: finite, bins: bins)
        counts = Array(repeating: 0, count: max(0, edges.count - 1))
        outside = 0
        for v in finite {
            if let bin = Self.bin(of: v, edges: edges) { counts[bin] += 1 } else { outside += 1 }
        }
    }

    /// Bins counted elsewhere (e.g. by the engine's probes): `edges` has one more element than
    /// `counts` and increases. Inconsistent input draws nothing and says so.
    public init(edges: [Double], counts: [Int], excluded: Int = 0, title: String = "", xLabel: String = "") {
        self.title = title
        self.xLabel = xLabel
        nonFinite = 0
        outside = 0
        self.excluded = max(0, excluded)
        let increasing = edges.allSatisfy(\.isFinite) && zip(edges, edges.dropFirst()).allSatisfy { $0 < $1 }
        if increasing && edges.count == counts.count + 1 && !counts.isEmpty {
            self.edges = edges
            self.counts = counts.map { max(0, $0) }
        } else {
            self.edges = []
            self.counts = []
        }
    }

    static func edges(for values: [Double], bins: Bins) -> [Double] {
        if case .edges(let given) = bins {
            var sorted = Array(Set(given.filter(\.isFinite))).sorted()
            if sorted.count > 10_001 { sorted = Array(sorted.prefix(10_001)) }
            return sorted.count >= 2 ? sorted : []
        }
        guard let lo = values.min(), let hi = values.max() else { return [] }
        let (a, b) = binRange(lo, hi)
        switch bins {
        case .count(let n):
            return evenEdges(a, b, count: max(1, min(n, 10_000)))
        default:
            let n = Int(log2(Double(max(values.count, 1))).rounded(.up)) + 1
            let target = max(5, min(n, 30))
            // A range wider than the largest Double has no tidy step: equal bins instead.
            guard (b - a).isFinite else { return evenEdges(a, b, count: target) }
            let step = Ticks.niceStep(lower: a, upper: b, maxCount: target + 1)
            let first = (a / step).rounded(.down), last = (b / step).rounded(.up)
            let span = last - first
            let count = span.isFinite && span >= 1 ? Int(min(span, 10_000)) : 1
            let tidy = (0...count).map { (first + Double($0)) * step }
            // Tidy edges rounded outwards past the largest Double: equal bins instead.
            return tidy.allSatisfy { $0.isFinite } ? tidy : evenEdges(a, b, count: target)
        }
    }

    /// The finite values' extent, widened only when it is (nearly) a single value. Unlike an axis
    /// range it is not clamped, so values up to the largest Double stay inside the bins.
    static func binRange(_ lo: Double, _ hi: Double) -> (Double, Double) {
        if hi - lo > abs(hi) * 1e-12 { return (lo, hi) }
        let pad = lo == 0 ? 1 : abs(lo) * 0.1
        let limit = Double.greatestFiniteMagnitude
        return (max(lo - pad, -limit), min(hi + pad, limit))
    }

    /// `count` equal bins from `a` to `b`. A span beyond the largest Double (`b - a` overflows to
    /// infinity past ±9e307, or a multiple of it) is blended from the ends instead; the last edge is exactly `b`.
    static func evenEdges(_ a: Double, _ b: Double, count: Int) -> [Double] {
        let n = Double(count)
        return (0...count).map { i in
            if i == count { return b }
            let offset = (b - a) * Double(i)
            if offset.isFinite { return a + offset / n }
            let t = Double(i) / n
            return a * (1 - t) + b * t
        }
    }

    /// The bin holding `value`: [eᵢ, eᵢ₊₁), the last bin closed.
    static func bin(of value: Double, edges: [Double]) -> Int? {
        guard edges.count >= 2, value >= edges[0], value <= edges[edges.count - 1] else { return nil }
        var lo = 0, hi = edges.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if value >= edges[mid] { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// Bin labels like `[0.5, 1)`, the last one closed: `[1.5, 2]`.
    var binLabels: [String] {
        guard edges.count >= 2 else { return [] }
        let step = zip(edges.dropFirst(), edges).map { $0 - $1 }.min() ?? 1
        let tidy = edges.allSatisfy { e in
            let k = e / step
            return abs(k - k.rounded()) < 1e-6
        }
        // One notation for every edge: plain decimals while the step needs at most four (0, 0.005,
        // 0.01 rather than 0, 5e-3, 0.01), otherwise the tick format throughout.
        let decimals = NumberFormat.decimals(for: step)
        let largest = edges.map { abs($0) }.filter(\.isFinite).max() ?? 0
        let plain = tidy && decimals <= 4 && largest < 1000
        func text(_ e: Double) -> String {
            if plain { return NumberFormat.fixed(e, decimals: decimals) }
            return tidy ? NumberFormat.tick(e, step: step) : NumberFormat.compact(e)
        }
        return (0..<counts.count).map { i in
            "[\(text(edges[i])), \(text(edges[i + 1]))" + (i == counts.count - 1 ? "]" : ")")
        }
    }
}

/// `Histogram` under a name that cannot clash with the engine's own `Histogram` (bin counts)
/// in files that import both modules.
public typealias HistogramPlot = Histogram
