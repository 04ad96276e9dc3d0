#if canImport(Glibc)
import Glibc
#endif

/// Seeded synthetic data sets in the manner of scikit-learn's `make_moons`, `make_circles` and
/// `make_blobs`, and 1-D regression data from any function. Every generator validates its arguments
/// (throwing ``DatasetError``) and gives bit-identical data for the same seed.
public enum SyntheticData {
    /// Two interleaving half circles: class 0 is the upper arc (cos t, sin t), class 1 the lower arc
    /// (1 − cos t, ½ − sin t), t evenly spaced over [0, π] on each arc (class 0 gets ⌊count/2⌋ points).
    /// Gaussian noise of standard deviation `noise` is added to both coordinates; the samples are shuffled.
    public static func moons(count: Int = 100, noise: Double = 0, seed: UInt64) throws -> Dataset {
        try DatasetArgument.count(count)
        try DatasetArgument.nonNegative(noise, "noise")
        var generator = SeededGenerator(seed: seed)
        let outer = count / 2, inner = count - outer
        var coordinates: [Double] = [], labels: [Int] = []
        for (samples, label) in [(outer, 0), (inner, 1)] {
            for t in evenlySpaced(0, Double.pi, samples, includingEnd: true) {
                let (x, y) = label == 0 ? (cos(t), sin(t)) : (1 - cos(t), 0.5 - sin(t))
                coordinates += [x + noise * generator.nextNormal(), y + noise * generator.nextNormal()]
                labels.append(label)
            }
        }
        return DatasetBuilder.classes(
            features: coordinates, width: 2, labels: labels, classCount: 2, classNames: ["0", "1"],
            featureNames: featureNames(2), order: DatasetBuilder.shuffledOrder(count, &generator))
    }

    /// Two concentric circles: class 0 on the unit circle, class 1 on the circle of radius `factor`
    /// (0 ≤ factor < 1), angles evenly spaced over [0, 2π) (class 0 gets ⌊count/2⌋ points).
    /// Gaussian noise of standard deviation `noise` is added to both coordinates; the samples are shuffled.
    public static func circles(count: Int = 100, factor: Double = 0.8, noise: Double = 0, seed: UInt64) throws -> Dataset {
        try DatasetArgument.count(count)
        try DatasetArgument.nonNegative(noise, "noise")
        guard factor >= 0, factor < 1 else {
            throw DatasetError.invalidArgument(name: "factor", reason: "must be in 0 ≤ factor < 1, got \(factor)")
        }
        var generator = SeededGenerator(seed: seed)
        let outer = count / 2, inner = count - outer
        var coordinates: [Double] = [], labels: [Int] = []
        for (samples, label, radius) in [(outer, 0, 1.0), (inner, 1, factor)] {
            for angle in evenlySpaced(0, 2 * Double.pi, samples, includingEnd: false) {
                coordinates += [
                    radius * cos(angle) + noise * generator.nextNormal(),
                    radius * sin(angle) + noise * generator.nextNormal(),
                ]
                labels.append(label)
            }
        }
        return DatasetBuilder.classes(
            features: coordinates, width: 2, labels: labels, classCount: 2, classNames: ["0", "1"],
            featureNames: featureNames(2), order: DatasetBuilder.shuffledOrder(count, &generator))
    }

    /// Isotropic Gaussian clusters around `centers` random centres drawn uniformly in `box` in every
    /// dimension; cluster k is class k. Sample counts per cluster differ by at most one (the first
    /// clusters take the remainder). The samples are shuffled.
    public static func blobs(
        count: Int = 100, centers: Int = 3, dimensions: Int = 2, standardDeviation: Double = 1,
        box: ClosedRange<Double> = -10...10, seed: UInt64
    ) throws -> Dataset {
        try DatasetArgument.count(count)
        try DatasetArgument.positive(centers, "centers")
        try DatasetArgument.positive(dimensions, "dimensions")
        try valueBudget(Swift.max(count, centers), dimensions)
        try DatasetArgument.range(box, "box")
        var generator = SeededGenerator(seed: seed)
        let points = (0..<centers).map { _ in
            (0..<dimensions).map { _ in generator.nextUniform(box.lowerBound, box.upperBound) }
        }
        return try blobs(count: count, around: points, standardDeviation: standardDeviation, generator: &generator)
    }

    /// Isotropic Gaussian clusters around the given centres (all of the same dimension); cluster k is class k.
    public static func blobs(
        count: Int = 100, centers: [[Double]], standardDeviation: Double = 1, seed: UInt64
    ) throws -> Dataset {
        var generator = SeededGenerator(seed: seed)
        return try blobs(count: count, around: centers, standardDeviation: standardDeviation, generator: &generator)
    }

    private static func blobs(
        count: Int, around centers: [[Double]], standardDeviation: Double, generator: inout SeededGenerator
    ) throws -> Dataset {
        try DatasetArgument.count(count)
        try DatasetArgument.nonNegative(standardDeviation, "standard deviation")
        guard let width = centers.first?.count, width > 0 else {
            throw DatasetError.invalidArgument(name: "centers", reason: "at least one centre with one coordinate is needed")
        }
        if let bad = centers.firstIndex(where: { $0.count != width }) {
            throw DatasetError.invalidArgument(
                name: "centers", reason: "centre \(bad + 1) has \(centers[bad].count) coordinates, the first has \(width)")
        }
        try valueBudget(Swift.max(count, centers.count), width)
        if let bad = centers.flatMap({ $0 }).first(where: { !$0.isFinite }) {
            throw DatasetError.invalidArgument(name: "centers", reason: "coordinates must be finite, got \(bad)")
        }
        var coordinates: [Double] = [], labels: [Int] = []
        for (index, centre) in centers.enumerated() {
            let samples = count / centers.count + (index < count % centers.count ? 1 : 0)
            for _ in 0..<samples {
                coordinates += centre.map { $0 + standardDeviation * generator.nextNormal() }
                labels.append(index)
            }
        }
        return DatasetBuilder.classes(
            features: coordinates, width: width, labels: labels, classCount: centers.count,
            classNames: centers.indices.map(String.init), featureNames: featureNames(width),
            order: DatasetBuilder.shuffledOrder(count, &generator))
    }

    /// `count` samples (x, f(x) + noise·N(0, 1)) of a function over `range`: one feature "x", one target.
    /// Throws ``DatasetError/nonFiniteValue(x:value:)`` if f(x) is not finite, and rethrows f's errors.
    public static func regression(
        function: (Double) throws -> Double, over range: ClosedRange<Double> = -3...3, count: Int = 200,
        noise: Double = 0, sampling: RegressionSampling = .random, seed: UInt64
    ) throws -> Dataset {
        try regression(
            evaluator: { xs in try xs.map(function) }, over: range, count: count, noise: noise,
            sampling: sampling, seed: seed)
    }

    /// As ``regression(function:over:count:noise:sampling:seed:)`` with a batch evaluator that maps all
    /// the x values to f(x) values at once (one value per input, same order).
    public static func regression(
        evaluator: ([Double]) throws -> [Double], over range: ClosedRange<Double> = -3...3, count: Int = 200,
        noise: Double = 0, sampling: RegressionSampling = .random, seed: UInt64
    ) throws -> Dataset {
        try DatasetArgument.count(count)
        try DatasetArgument.nonNegative(noise, "noise")
        try DatasetArgument.range(range, "range")
        var generator = SeededGenerator(seed: seed)
        let xs: [Double]
        switch sampling {
        case .random: xs = (0..<count).map { _ in generator.nextUniform(range.lowerBound, range.upperBound) }
        case .grid: xs = evenlySpaced(range.lowerBound, range.upperBound, count, includingEnd: true)
        }
        let ys = try evaluator(xs)
        guard ys.count == xs.count else {
            throw DatasetError.invalidArgument(
                name: "function", reason: "gave \(ys.count) values for \(xs.count) inputs")
        }
        if let bad = ys.indices.first(where: { !ys[$0].isFinite }) {
            throw DatasetError.nonFiniteValue(x: xs[bad], value: ys[bad])
        }
        let targets = ys.map { $0 + noise * generator.nextNormal() }
        return DatasetBuilder.values(features: xs, width: 1, targets: targets, featureNames: ["x"])
    }

    /// Refuses more than 100 million feature values (400 MB of Float), so a typo cannot exhaust memory.
    private static func valueBudget(_ rows: Int, _ width: Int) throws {
        let (values, overflow) = rows.multipliedReportingOverflow(by: width)
        guard !overflow, values <= 100_000_000 else {
            throw DatasetError.invalidArgument(
                name: "size", reason: "\(rows) samples × \(width) features is more than 100 million values")
        }
    }

    /// `count` evenly spaced values from `start` to `end` (the end included or not); [start] for one value.
    static func evenlySpaced(_ start: Double, _ end: Double, _ count: Int, includingEnd: Bool) -> [Double] {
        guard count > 1 else { return count == 1 ? [start] : [] }
        let steps = Double(includingEnd ? count - 1 : count)
        return (0..<count).map { start + (end - start) * Double($0) / steps }
    }

    /// "x", "y" for two features, otherwise "x1", "x2", ….
    static func featureNames(_ width: Int) -> [String] {
        width == 2 ? ["x", "y"] : (1...Swift.max(width, 1)).map { "x\($0)" }
    }
}

/// Where ``SyntheticData/regression(function:over:count:noise:sampling:seed:)`` places its x values.
public enum RegressionSampling: String, CaseIterable, Sendable {
    /// Uniformly at random over the range (seeded).
    case random
    /// Evenly spaced from the lower to the upper bound, both included, in increasing order.
    case grid
}
