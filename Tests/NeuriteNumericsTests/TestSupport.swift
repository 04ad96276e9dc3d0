import Foundation

/// SplitMix64: a small seeded generator so that random test points are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// `count` seeded points in `range`, none within `margin` of the given kinks.
func randomPoints(
    _ count: Int, in range: ClosedRange<Double>, avoiding kinks: [Double] = [],
    margin: Double = 1e-3, seed: UInt64
) -> [Double] {
    var rng = SeededGenerator(seed: seed)
    var points: [Double] = []
    while points.count < count {
        let x = Double.random(in: range, using: &rng)
        if kinks.allSatisfy({ abs(x - $0) > margin }) { points.append(x) }
    }
    return points
}

/// Central difference (f(x+h) − f(x−h)) / 2h with a step scaled to x.
func centralDifference(_ f: (Double) -> Double, at x: Double, step: Double = 1e-5) -> Double {
    let h = step * max(1, abs(x))
    return (f(x + h) - f(x - h)) / (2 * h)
}

/// |a − b| ≤ tolerance·(1 + |b|), with NaN equal to NaN and infinities equal to themselves.
func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    if a.isInfinite || b.isInfinite { return a == b }
    return abs(a - b) <= tolerance * (1 + abs(b))
}

/// Exact equality that also treats NaN as equal to NaN (and −0 as equal to 0).
func same(_ a: Double, _ b: Double) -> Bool { a == b || (a.isNaN && b.isNaN) }
