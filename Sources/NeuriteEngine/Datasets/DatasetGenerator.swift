/// Every two-dimensional synthetic data set by name, with one calling convention (count, noise, seed),
/// so the interpreter can look a name up (with suggestions) and call it uniformly.
///
/// `circle` is the Playground's disc-in-ring set; `circles` is scikit-learn's two concentric circles.
public enum DatasetGenerator: String, CaseIterable, Sendable {
    case circle, xor, gauss, spiral, plane
    case multiGaussian = "multi_gaussian"
    case moons, circles, blobs

    /// The generator called `name`; throws ``DatasetError/unknownGenerator(name:available:)``.
    public static func named(_ name: String) throws -> DatasetGenerator {
        if let generator = DatasetGenerator(rawValue: name) { return generator }
        throw DatasetError.unknownGenerator(name: name, available: allCases.map(\.rawValue))
    }

    /// The Playground set behind this name, if it is one.
    public var playground: PlaygroundDataset? { PlaygroundDataset(rawValue: rawValue) }

    /// Whether the targets are real values.
    public var isRegression: Bool { playground?.isRegression ?? false }

    /// The sample count used when none is given.
    public var defaultCount: Int { playground?.defaultCount ?? 200 }

    /// The noise used when none is given. For `blobs` the noise is the clusters' standard deviation.
    public var defaultNoise: Double { self == .blobs ? 1 : 0 }

    /// One line saying what the set is, for help texts.
    public var summary: String {
        switch self {
        case .circle: return "Playground: a disc (+1) inside a ring (−1)"
        case .xor: return "Playground: four quadrants labelled by the sign of x·y"
        case .gauss: return "Playground: two Gaussian clusters"
        case .spiral: return "Playground: two interleaved spirals"
        case .plane: return "Playground regression: target (x + y)/10"
        case .multiGaussian: return "Playground regression: six signed Gaussian bumps"
        case .moons: return "two interleaving half circles (scikit-learn make_moons)"
        case .circles: return "two concentric circles, inner radius 0.8 (scikit-learn make_circles)"
        case .blobs: return "three Gaussian clusters at random centres (scikit-learn make_blobs)"
        }
    }

    /// The data set, with the defaults for a missing count or noise.
    public func generate(count: Int? = nil, noise: Double? = nil, seed: UInt64) throws -> Dataset {
        let count = count ?? defaultCount, noise = noise ?? defaultNoise
        if let playground { return try playground.generate(count: count, noise: noise, seed: seed) }
        switch self {
        case .moons: return try SyntheticData.moons(count: count, noise: noise, seed: seed)
        case .circles: return try SyntheticData.circles(count: count, noise: noise, seed: seed)
        default: return try SyntheticData.blobs(count: count, standardDeviation: noise, seed: seed)
        }
    }
}
