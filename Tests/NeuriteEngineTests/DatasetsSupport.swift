import Testing
@testable import NeuriteEngine

/// Small readers of data sets for the data-set tests.
extension Dataset {
    /// The features as rows of Doubles.
    var rowsForTesting: [[Double]] {
        (0..<count).map { row in (0..<featureWidth).map { Double(features[row, $0]) } }
    }

    /// The class labels (empty for real targets).
    var labelsForTesting: [Int] {
        if case let .classes(labels, _) = targets { return labels }
        return []
    }

    /// The first target column (empty for class targets).
    var valuesForTesting: [Double] {
        if case let .values(values) = targets { return (0..<values.rows).map { Double(values[$0, 0]) } }
        return []
    }

    /// Every stored number, for bit-identity checks.
    var bitsForTesting: [UInt32] {
        var bits = features.values.map(\.bitPattern)
        switch targets {
        case let .classes(labels, _): bits += labels.map { UInt32($0) }
        case let .values(values): bits += values.values.map(\.bitPattern)
        }
        return bits
    }

    /// How many samples each class has.
    var classHistogramForTesting: [Int] {
        guard let classCount else { return [] }
        var counts = [Int](repeating: 0, count: classCount)
        for label in labelsForTesting { counts[label] += 1 }
        return counts
    }
}

/// A data set whose single feature is the sample's index, with the given labels: lets tests see which
/// samples went where.
func indexedDataset(labels: [Int], classCount: Int) throws -> Dataset {
    let features = try Tensor(shape: [labels.count, 1], values: labels.indices.map(Float.init))
    return try Dataset(features: features, targets: .classes(labels, classCount: classCount))
}

/// Mean and population standard deviation.
func meanAndDeviation(_ values: [Double]) -> (mean: Double, deviation: Double) {
    let mean = values.reduce(0, +) / Double(values.count)
    let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)
    return (mean, variance.squareRoot())
}

/// Runs `body` and returns the description of the ``DatasetError`` it throws (nil if it does not throw one).
func datasetErrorDescription(_ body: () throws -> Any) -> String? {
    do {
        _ = try body()
        return nil
    } catch let error as DatasetError {
        return error.description
    } catch {
        return "unexpected error: \(error)"
    }
}
