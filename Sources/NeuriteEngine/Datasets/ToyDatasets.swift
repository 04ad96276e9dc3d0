#if canImport(Glibc)
import Glibc
#endif

/// Small seeded two-dimensional data sets for tests and benchmarks (the Playground generators
/// will grow here).
public enum ToyDatasets {
    /// The four XOR corners, labelled 0/1 as classes.
    public static func xor() -> Dataset {
        let features = try? Tensor(shape: [4, 2], values: [0, 0, 0, 1, 1, 0, 1, 1])
        return make(features ?? Tensor(shape: [4, 2]), labels: [0, 1, 1, 0], classCount: 2)
    }

    /// Two interleaved spirals of `count` points in total, with Gaussian noise of standard deviation `noise`.
    public static func spiral(count: Int, noise: Double, seed: UInt64) -> Dataset {
        let count = Swift.max(count, 0)
        var generator = SeededGenerator(seed: seed)
        let features = Tensor(shape: [count, 2])
        var labels = [Int](repeating: 0, count: count)
        let half = count / 2
        for i in 0..<count {
            let label = i < half ? 0 : 1
            let k = label == 0 ? i : i - half
            let n = label == 0 ? half : count - half
            let r = 5 * Double(k) / Double(Swift.max(n, 1))
            let angle = 1.75 * Double(k) / Double(Swift.max(n, 1)) * 2 * Double.pi + Double(label) * Double.pi
            features[i, 0] = Float(r * sin(angle) + noise * generator.nextNormal())
            features[i, 1] = Float(r * cos(angle) + noise * generator.nextNormal())
            labels[i] = label
        }
        return make(features, labels: labels, classCount: 2)
    }

    /// Two interleaving half circles ("moons") of `count` points, with Gaussian noise.
    public static func moons(count: Int, noise: Double, seed: UInt64) -> Dataset {
        let count = Swift.max(count, 0)
        var generator = SeededGenerator(seed: seed)
        let features = Tensor(shape: [count, 2])
        var labels = [Int](repeating: 0, count: count)
        for i in 0..<count {
            let label = i % 2
            let t = Double.pi * generator.nextUnitDouble()
            let (x, y) = label == 0 ? (cos(t), sin(t)) : (1 - cos(t), 0.5 - sin(t))
            features[i, 0] = Float(x + noise * generator.nextNormal())
            features[i, 1] = Float(y + noise * generator.nextNormal())
            labels[i] = label
        }
        return make(features, labels: labels, classCount: 2)
    }

    /// `count` samples of `width` standard-normal features with `classCount` random labels
    /// (synthetic data for benchmarks).
    public static func randomClassification(count: Int, width: Int, classCount: Int, seed: UInt64) -> Dataset {
        let count = Swift.max(count, 0)
        let width = Swift.max(width, 1)
        let classCount = Swift.max(classCount, 1)
        var generator = SeededGenerator(seed: seed)
        let features = Tensor(shape: [count, width])
        for i in 0..<features.count { features.storage[i] = Float(generator.nextNormal()) }
        let labels = (0..<count).map { _ in generator.nextIndex(below: classCount) }
        return make(features, labels: labels, classCount: classCount)
    }

    /// `count` points uniform in [−1, 1]², with target x₀·x₁ (a smooth regression task).
    public static func product(count: Int, seed: UInt64) -> Dataset {
        let count = Swift.max(count, 0)
        var generator = SeededGenerator(seed: seed)
        let features = Tensor(shape: [count, 2])
        let targets = Tensor(shape: [count, 1])
        for i in 0..<count {
            let x = generator.nextUniform(-1, 1), y = generator.nextUniform(-1, 1)
            features[i, 0] = Float(x)
            features[i, 1] = Float(y)
            targets.storage[i] = Float(x * y)
        }
        return (try? Dataset(features: features, targets: .values(targets))) ?? Dataset.empty(width: 2)
    }

    private static func make(_ features: Tensor, labels: [Int], classCount: Int) -> Dataset {
        (try? Dataset(features: features, targets: .classes(labels, classCount: classCount)))
            ?? Dataset.empty(width: features.columns)
    }
}

extension Dataset {
    /// A data set with no samples.
    static func empty(width: Int) -> Dataset {
        Dataset(unchecked: Tensor(shape: [0, width]), targets: .classes([], classCount: 1), classNames: nil)
    }
}
