#if canImport(Glibc)
import Glibc
#endif

/// The six data sets of the TensorFlow Playground (`src/dataset.ts`), re-implemented with the same
/// distributions, radii, padding and noise rules, drawing from the engine's ``SeededGenerator``.
///
/// Classification sets label the Playground's −1 as class 0 and +1 as class 1 (class names "-1" and "+1";
/// the Playground draws −1 orange and +1 blue). Regression sets have one target column. Features are the
/// two coordinates, named "x" and "y". As in the Playground, the samples are shuffled after generation.
/// `noise` is the Playground's slider value divided by 100 (the slider offers 0…0.5).
public enum PlaygroundDataset: String, CaseIterable, Sendable {
    /// A disc of radius 2.5 (+1) inside a ring 3.5…5 (−1).
    case circle
    /// Points in the square [−5.3, 5.3]² away from the axes, labelled by the sign of x·y.
    case xor
    /// Two Gaussian clusters around (2, 2) (+1) and (−2, −2) (−1).
    case gauss
    /// Two interleaved spiral arms, 1.75 turns each, radius up to 5.
    case spiral
    /// Regression: target (x + y) / 10 over [−6, 6]².
    case plane
    /// Regression: six signed Gaussian bumps over [−6, 6]².
    case multiGaussian = "multi_gaussian"

    /// Class names of the classification sets: class 0 is the Playground's −1, class 1 its +1.
    public static let classNames = ["-1", "+1"]
    /// The feature names of every Playground set.
    public static let featureNames = ["x", "y"]

    /// Whether the targets are real values (plane, multi_gaussian) rather than classes.
    public var isRegression: Bool { self == .plane || self == .multiGaussian }

    /// The Playground's own sample count: 500 for classification, 1200 for regression.
    public var defaultCount: Int { isRegression ? 1200 : 500 }

    /// `count` samples with the given noise, fully determined by `seed`.
    /// Throws ``DatasetError/invalidArgument(name:reason:)`` unless count > 0 and noise is finite and ≥ 0.
    public func generate(count: Int, noise: Double = 0, seed: UInt64) throws -> Dataset {
        try DatasetArgument.count(count)
        try DatasetArgument.nonNegative(noise, "noise")
        var generator = SeededGenerator(seed: seed)
        var points = PointList()
        switch self {
        case .circle: Self.circle(count, noise, &generator, &points)
        case .xor: Self.xor(count, noise, &generator, &points)
        case .gauss: Self.gauss(count, noise, &generator, &points)
        case .spiral: Self.spiral(count, noise, &generator, &points)
        case .plane: Self.plane(count, noise, &generator, &points)
        case .multiGaussian: Self.multiGaussian(count, noise, &generator, &points)
        }
        let order = DatasetBuilder.shuffledOrder(count, &generator)
        if isRegression {
            return DatasetBuilder.values(
                features: points.coordinates, width: 2, targets: points.values,
                featureNames: Self.featureNames, order: order)
        }
        return DatasetBuilder.classes(
            features: points.coordinates, width: 2, labels: points.labels, classCount: 2,
            classNames: Self.classNames, featureNames: Self.featureNames, order: order)
    }

    /// Samples collected by the generators: coordinates row-major, and a class or a value per sample.
    struct PointList {
        var coordinates: [Double] = []
        var labels: [Int] = []
        var values: [Double] = []

        mutating func add(_ x: Double, _ y: Double, positive: Bool) {
            coordinates += [x, y]
            labels.append(positive ? 1 : 0)
        }

        mutating func add(_ x: Double, _ y: Double, value: Double) {
            coordinates += [x, y]
            values.append(value)
        }
    }

    /// The sizes of the +1 and −1 halves: the +1 half takes the odd sample (the Playground would make one more).
    private static func halves(_ count: Int) -> (positive: Int, negative: Int) {
        (count - count / 2, count / 2)
    }

    private static func circle(_ count: Int, _ noise: Double, _ g: inout SeededGenerator, _ points: inout PointList) {
        let radius = 5.0
        func isInside(_ x: Double, _ y: Double) -> Bool { (x * x + y * y).squareRoot() < radius * 0.5 }
        let (positive, negative) = halves(count)
        for (samples, radii) in [(positive, (0.0, radius * 0.5)), (negative, (radius * 0.7, radius))] {
            for _ in 0..<samples {
                let r = g.nextUniform(radii.0, radii.1)
                let angle = g.nextUniform(0, 2 * Double.pi)
                let x = r * sin(angle), y = r * cos(angle)
                let noiseX = g.nextUniform(-radius, radius) * noise
                let noiseY = g.nextUniform(-radius, radius) * noise
                points.add(x, y, positive: isInside(x + noiseX, y + noiseY))
            }
        }
    }

    private static func xor(_ count: Int, _ noise: Double, _ g: inout SeededGenerator, _ points: inout PointList) {
        let padding = 0.3
        for _ in 0..<count {
            var x = g.nextUniform(-5, 5)
            x += x > 0 ? padding : -padding
            var y = g.nextUniform(-5, 5)
            y += y > 0 ? padding : -padding
            let noiseX = g.nextUniform(-5, 5) * noise
            let noiseY = g.nextUniform(-5, 5) * noise
            points.add(x, y, positive: (x + noiseX) * (y + noiseY) >= 0)
        }
    }

    private static func gauss(_ count: Int, _ noise: Double, _ g: inout SeededGenerator, _ points: inout PointList) {
        // The Playground maps noise 0…0.5 linearly (unclamped) onto a variance of 0.5…4.
        let variance = 0.5 + noise * (4 - 0.5) / 0.5
        let deviation = variance.squareRoot()
        let (positive, negative) = halves(count)
        for (samples, centre, isPositive) in [(positive, 2.0, true), (negative, -2.0, false)] {
            for _ in 0..<samples {
                let x = g.nextNormal(mean: centre, standardDeviation: deviation)
                let y = g.nextNormal(mean: centre, standardDeviation: deviation)
                points.add(x, y, positive: isPositive)
            }
        }
    }

    private static func spiral(_ count: Int, _ noise: Double, _ g: inout SeededGenerator, _ points: inout PointList) {
        let (positive, negative) = halves(count)
        for (samples, deltaT, isPositive) in [(positive, 0.0, true), (negative, Double.pi, false)] {
            let n = Double(samples)
            for i in 0..<samples {
                let r = Double(i) / n * 5
                let t = 1.75 * Double(i) / n * 2 * Double.pi + deltaT
                let x = r * sin(t) + g.nextUniform(-1, 1) * noise
                let y = r * cos(t) + g.nextUniform(-1, 1) * noise
                points.add(x, y, positive: isPositive)
            }
        }
    }

    private static func plane(_ count: Int, _ noise: Double, _ g: inout SeededGenerator, _ points: inout PointList) {
        let radius = 6.0
        for _ in 0..<count {
            let x = g.nextUniform(-radius, radius), y = g.nextUniform(-radius, radius)
            let noiseX = g.nextUniform(-radius, radius) * noise
            let noiseY = g.nextUniform(-radius, radius) * noise
            // The Playground maps x + y from [−10, 10] linearly (unclamped) onto [−1, 1].
            points.add(x, y, value: (x + noiseX + y + noiseY) / 10)
        }
    }

    /// The centres and signs of the multi-Gaussian bumps.
    static let bumps: [(x: Double, y: Double, sign: Double)] = [
        (-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1),
    ]

    /// The multi-Gaussian target at (x, y): of the bumps' signed heights max(0, 1 − d/2) (d the distance to
    /// the centre), the one largest in absolute value; the first wins a tie; 0 far from every bump.
    static func multiGaussianValue(_ x: Double, _ y: Double) -> Double {
        var value = 0.0
        for bump in bumps {
            let distance = ((x - bump.x) * (x - bump.x) + (y - bump.y) * (y - bump.y)).squareRoot()
            let height = bump.sign * Swift.min(1, Swift.max(0, 1 - distance / 2))
            if abs(height) > abs(value) { value = height }
        }
        return value
    }

    private static func multiGaussian(
        _ count: Int, _ noise: Double, _ g: inout SeededGenerator, _ points: inout PointList
    ) {
        let radius = 6.0
        for _ in 0..<count {
            let x = g.nextUniform(-radius, radius), y = g.nextUniform(-radius, radius)
            let noiseX = g.nextUniform(-radius, radius) * noise
            let noiseY = g.nextUniform(-radius, radius) * noise
            points.add(x, y, value: multiGaussianValue(x + noiseX, y + noiseY))
        }
    }
}
