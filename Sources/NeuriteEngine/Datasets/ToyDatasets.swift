#if canImport(Glibc)
import Glibc
#endif

/// Small seeded data sets for tests and benchmarks, non-throwing. `spiral` and `moons` are the
/// data generators' own (``PlaygroundDataset``, ``SyntheticData``), not copies of them.
public enum ToyDatasets {
    /// The four XOR corners, labelled 0/1 as classes.
    public static func xor() -> Dataset {
        let features = try? Tensor(shape: [4, 2], values: [0, 0, 0, 1, 1, 0, 1, 1])
        return make(features ?? Tensor(shape: [4, 2]), labels: [0, 1, 1, 0], classCount: 2)
    }

    /// The Playground's two interleaved spirals (``PlaygroundDataset/spiral``) of `count` points, with
    /// uniform noise of half-width `noise`; empty when the arguments are invalid (count < 1, noise < 0).
    public static func spiral(count: Int, noise: Double, seed: UInt64) -> Dataset {
        (try? PlaygroundDataset.spiral.generate(count: count, noise: noise, seed: seed)) ?? Dataset.empty(width: 2)
    }

    /// Two interleaving half circles (``SyntheticData/moons(count:noise:seed:)``) of `count` points, with
    /// Gaussian noise; empty when the arguments are invalid (count < 1, noise < 0).
    public static func moons(count: Int, noise: Double, seed: UInt64) -> Dataset {
        (try? SyntheticData.moons(count: count, noise: noise, seed: seed)) ?? Dataset.empty(width: 2)
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
