#if canImport(Glibc)
import Glibc
#endif

/// The input features the TensorFlow Playground offers for a two-dimensional data set (x, y).
public enum FeatureMap: String, CaseIterable, Sendable {
    case x
    case y
    case xSquared = "x_squared"
    case ySquared = "y_squared"
    case xTimesY = "x_times_y"
    case sinX = "sin_x"
    case sinY = "sin_y"

    /// The column name the feature gets in a mapped data set.
    public var columnName: String {
        switch self {
        case .x: return "x"
        case .y: return "y"
        case .xSquared: return "x²"
        case .ySquared: return "y²"
        case .xTimesY: return "x·y"
        case .sinX: return "sin x"
        case .sinY: return "sin y"
        }
    }

    /// The feature's value at the point (x, y).
    public func value(x: Double, y: Double) -> Double {
        switch self {
        case .x: return x
        case .y: return y
        case .xSquared: return x * x
        case .ySquared: return y * y
        case .xTimesY: return x * y
        case .sinX: return sin(x)
        case .sinY: return sin(y)
        }
    }
}

extension Dataset {
    /// A data set whose feature columns are `maps` applied to this two-feature data set, in that order;
    /// targets and class names are kept. Throws unless the data set has exactly two features and at
    /// least one map is given.
    public func mapped(_ maps: [FeatureMap]) throws -> Dataset {
        guard featureWidth == 2 else {
            throw DatasetError.featureWidth(operation: "feature maps (x², x·y, sin x, …)", expected: 2, got: featureWidth)
        }
        guard !maps.isEmpty else {
            throw DatasetError.invalidArgument(name: "features", reason: "at least one feature map is needed")
        }
        let width = maps.count
        let tensor = Tensor(shape: [count, width])
        for row in 0..<count {
            let x = Double(features.storage[row * 2]), y = Double(features.storage[row * 2 + 1])
            for (column, map) in maps.enumerated() {
                tensor.storage[row * width + column] = Float(map.value(x: x, y: y))
            }
        }
        var result = Dataset(unchecked: tensor, targets: targets, classNames: classNames)
        result.featureNames = maps.map(\.columnName)
        return result
    }
}
