/// Plain-array views of a data set, for plots and for the interpreter's values.
extension Dataset {
    /// The values of feature column `index` (0-based), one per sample; nil if there is no such column.
    public func featureColumn(_ index: Int) -> [Double]? {
        guard index >= 0, index < featureWidth else { return nil }
        let width = featureWidth
        return (0..<count).map { Double(features.storage[$0 * width + index]) }
    }

    /// The class index of every sample; nil for real targets.
    public var classLabels: [Int]? {
        if case let .classes(labels, _) = targets { return labels }
        return nil
    }

    /// The values of target column `index` (0-based) for real targets; nil for classes or no such column.
    public func targetColumn(_ index: Int) -> [Double]? {
        guard case let .values(values) = targets, index >= 0, index < values.columns else { return nil }
        let width = values.columns
        return (0..<count).map { Double(values.storage[$0 * width + index]) }
    }

    /// The feature names, or "x1", "x2", … when the data set has none (or the wrong number).
    public var columnNames: [String] {
        if let featureNames, featureNames.count == featureWidth { return featureNames }
        return (0..<featureWidth).map { "x\($0 + 1)" }
    }
}
