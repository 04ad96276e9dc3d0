/// What `show DATASET` displays, as data: size, per-feature statistics, and class counts or target statistics.
public struct DatasetSummary: Sendable, Equatable {
    /// Statistics of one column (population standard deviation). NaN for an empty data set.
    public struct ColumnSummary: Sendable, Equatable {
        public let name: String
        public let minimum: Double
        public let maximum: Double
        public let mean: Double
        public let standardDeviation: Double
    }

    /// How many samples one class has.
    public struct ClassCount: Sendable, Equatable {
        public let index: Int
        public let name: String
        public let count: Int
    }

    public let count: Int
    /// One entry per feature column, named by the data set's feature names or "x1", "x2", ….
    public let features: [ColumnSummary]
    /// The samples per class for class targets (name = class name or the index); nil for real targets.
    public let classCounts: [ClassCount]?
    /// Statistics of each target column for real targets ("target", or "target1", … when several); nil for classes.
    public let targets: [ColumnSummary]?
}

extension Dataset {
    /// The data set's summary.
    public var summary: DatasetSummary {
        let features = Self.columnSummaries(features, names: columnNames)
        switch targets {
        case let .classes(labels, classCount):
            var counts = [Int](repeating: 0, count: classCount)
            for label in labels { counts[label] += 1 }
            let classNames = self.classNames?.count == classCount ? self.classNames ?? [] : (0..<classCount).map(String.init)
            return DatasetSummary(
                count: count, features: features,
                classCounts: counts.indices.map { .init(index: $0, name: classNames[$0], count: counts[$0]) },
                targets: nil)
        case .values(let values):
            let names = values.columns == 1 ? ["target"] : (1...Swift.max(values.columns, 1)).map { "target\($0)" }
            return DatasetSummary(
                count: count, features: features, classCounts: nil, targets: Self.columnSummaries(values, names: names))
        }
    }

    private static func columnSummaries(_ matrix: Tensor, names: [String]) -> [DatasetSummary.ColumnSummary] {
        let rows = matrix.shape.first ?? 0, width = names.count
        return (0..<width).map { column in
            var minimum = Double.infinity, maximum = -Double.infinity, sum = 0.0
            for row in 0..<rows {
                let value = Double(matrix.storage[row * width + column])
                minimum = Swift.min(minimum, value)
                maximum = Swift.max(maximum, value)
                sum += value
            }
            guard rows > 0 else {
                return .init(name: names[column], minimum: .nan, maximum: .nan, mean: .nan, standardDeviation: .nan)
            }
            let mean = sum / Double(rows)
            var squares = 0.0
            for row in 0..<rows {
                let deviation = Double(matrix.storage[row * width + column]) - mean
                squares += deviation * deviation
            }
            return .init(
                name: names[column], minimum: minimum, maximum: maximum, mean: mean,
                standardDeviation: (squares / Double(rows)).squareRoot())
        }
    }
}
