/// Per-feature mean and standard deviation from a training set, to standardise other sets the same way.
public struct StandardisationStatistics: Sendable, Equatable {
    public let means: [Double]
    /// Population standard deviations (divided by n, as scikit-learn's StandardScaler).
    public let standardDeviations: [Double]
}

/// Per-feature minimum and maximum from a training set, to normalise other sets the same way.
public struct NormalisationStatistics: Sendable, Equatable {
    public let minimums: [Double]
    public let maximums: [Double]
    public let range: NormalisationRange
}

/// The interval min-max normalisation maps each feature onto.
public enum NormalisationRange: String, CaseIterable, Sendable {
    /// [0, 1]
    case unit
    /// [−1, 1]
    case symmetric

    var bounds: (lower: Double, upper: Double) { self == .unit ? (0, 1) : (-1, 1) }
}

extension Dataset {
    /// The per-feature statistics of this data set (in Double).
    public func standardisationStatistics() -> StandardisationStatistics {
        var means = [Double](repeating: 0, count: featureWidth)
        var squares = [Double](repeating: 0, count: featureWidth)
        forEachFeature { column, value in means[column] += value }
        let n = Double(Swift.max(count, 1))
        means = means.map { $0 / n }
        forEachFeature { column, value in squares[column] += (value - means[column]) * (value - means[column]) }
        return StandardisationStatistics(means: means, standardDeviations: squares.map { ($0 / n).squareRoot() })
    }

    /// The data set with every feature shifted and scaled to mean 0 and standard deviation 1 (a constant
    /// feature becomes all 0), and the statistics used, to apply to a test set with ``standardised(using:)``.
    public func standardised() -> (dataset: Dataset, statistics: StandardisationStatistics) {
        let statistics = standardisationStatistics()
        return (mappingFeatures { column, value in
            let deviation = statistics.standardDeviations[column]
            return (value - statistics.means[column]) / (deviation > 0 ? deviation : 1)
        }, statistics)
    }

    /// The data set standardised with statistics from another (e.g. training) set of the same width.
    public func standardised(using statistics: StandardisationStatistics) throws -> Dataset {
        try requireWidth(statistics.means.count, "standardising with saved statistics")
        return mappingFeatures { column, value in
            let deviation = statistics.standardDeviations[column]
            return (value - statistics.means[column]) / (deviation > 0 ? deviation : 1)
        }
    }

    /// The per-feature minimum and maximum of this data set.
    public func normalisationStatistics(range: NormalisationRange = .unit) -> NormalisationStatistics {
        var minimums = [Double](repeating: .infinity, count: featureWidth)
        var maximums = [Double](repeating: -.infinity, count: featureWidth)
        forEachFeature { column, value in
            minimums[column] = Swift.min(minimums[column], value)
            maximums[column] = Swift.max(maximums[column], value)
        }
        return NormalisationStatistics(minimums: minimums, maximums: maximums, range: range)
    }

    /// The data set with every feature mapped linearly from its [min, max] onto `range` (a constant feature
    /// goes to the lower bound), and the statistics used, for ``normalised(using:)``.
    public func normalised(to range: NormalisationRange = .unit) -> (dataset: Dataset, statistics: NormalisationStatistics) {
        let statistics = normalisationStatistics(range: range)
        return (Self.normalise(self, statistics), statistics)
    }

    /// The data set normalised with statistics from another (e.g. training) set of the same width;
    /// values outside the training range map outside the target interval.
    public func normalised(using statistics: NormalisationStatistics) throws -> Dataset {
        try requireWidth(statistics.minimums.count, "normalising with saved statistics")
        return Self.normalise(self, statistics)
    }

    private static func normalise(_ dataset: Dataset, _ statistics: NormalisationStatistics) -> Dataset {
        let (lower, upper) = statistics.range.bounds
        return dataset.mappingFeatures { column, value in
            let span = statistics.maximums[column] - statistics.minimums[column]
            return lower + (upper - lower) * (value - statistics.minimums[column]) / (span > 0 ? span : 1)
        }
    }

    func requireWidth(_ width: Int, _ operation: String) throws {
        guard width == featureWidth else {
            throw DatasetError.featureWidth(operation: operation, expected: width, got: featureWidth)
        }
    }

    /// Calls `body` with the column and value of every feature entry, row by row.
    func forEachFeature(_ body: (Int, Double) -> Void) {
        let width = featureWidth
        for index in 0..<(count * width) { body(index % width, Double(features.storage[index])) }
    }

    /// A copy whose features are `transform(column, value)` of these, with the same targets and names.
    func mappingFeatures(_ transform: (Int, Double) -> Double) -> Dataset {
        let width = featureWidth
        let tensor = Tensor(shape: [count, width])
        for index in 0..<(count * width) {
            tensor.storage[index] = Float(transform(index % width, Double(features.storage[index])))
        }
        var result = Dataset(unchecked: tensor, targets: targets, classNames: classNames)
        result.featureNames = featureNames
        return result
    }
}
