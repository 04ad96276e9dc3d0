/// Samples for training or evaluation: a feature matrix and one target row per sample.
public struct Dataset: Sendable {
    /// What the targets are.
    public enum Targets: Sendable {
        /// A class index per sample, in 0..<classCount.
        case classes([Int], classCount: Int)
        /// A row of real targets per sample (n × width).
        case values(Tensor)
    }

    /// n × d features, row-major.
    public let features: Tensor
    public let targets: Targets
    /// Optional names of the classes, for confusion matrices and legends.
    public var classNames: [String]?
    /// Optional names of the feature columns (one per column), for summaries and axis labels.
    public var featureNames: [String]? = nil

    /// A data set; throws when the targets do not have one row per feature row or a class is out of range.
    public init(features: Tensor, targets: Targets, classNames: [String]? = nil) throws {
        guard features.shape.count == 2 else {
            throw EngineError.shapeMismatch(
                operation: "dataset features", expected: "[samples×features]", got: Tensor.describe(features.shape))
        }
        switch targets {
        case let .classes(labels, classCount):
            guard labels.count == features.rows else {
                throw EngineError.invalidData("\(features.rows) samples but \(labels.count) labels")
            }
            if let bad = labels.first(where: { $0 < 0 || $0 >= classCount }) {
                throw EngineError.invalidData("class \(bad) is outside 0..<\(classCount)")
            }
        case let .values(values):
            guard values.shape.count == 2, values.rows == features.rows else {
                throw EngineError.invalidData(
                    "\(features.rows) samples but targets of shape \(Tensor.describe(values.shape))")
            }
        }
        self.features = features
        self.targets = targets
        self.classNames = classNames
    }

    /// The number of samples.
    public var count: Int { features.rows }
    /// Values per sample.
    public var featureWidth: Int { features.columns }
    /// The number of classes, if the targets are classes.
    public var classCount: Int? {
        if case let .classes(_, count) = targets { return count }
        return nil
    }
    /// Values per target row as the trainer stores them (1 for class indices).
    public var targetWidth: Int {
        switch targets {
        case .classes: return 1
        case .values(let values): return values.columns
        }
    }

    /// Writes the target rows of `indices[start ..< start + rows]` one after another into `destination`.
    @inline(__always)
    func copyTargets(_ indices: [Int], start: Int, rows: Int, into destination: UnsafeMutablePointer<Float>) {
        switch targets {
        case .classes(let labels, _):
            labels.withUnsafeBufferPointer { labels in
                var r = 0
                while r < rows { destination[r] = Float(labels[indices[start &+ r]]); r &+= 1 }
            }
        case .values(let values):
            let width = values.columns
            var r = 0
            while r < rows {
                (destination + r &* width).update(from: values.storage + indices[start &+ r] &* width, count: width)
                r &+= 1
            }
        }
    }

    /// The samples at `indices`, in that order.
    public func subset(_ indices: [Int]) -> Dataset {
        let width = featureWidth
        let picked = Tensor(shape: [indices.count, width])
        for (row, index) in indices.enumerated() {
            (picked.storage + row * width).update(from: features.storage + index * width, count: width)
        }
        let newTargets: Targets
        switch targets {
        case let .classes(labels, classCount): newTargets = .classes(indices.map { labels[$0] }, classCount: classCount)
        case .values(let values):
            let w = values.columns
            let t = Tensor(shape: [indices.count, w])
            for (row, index) in indices.enumerated() {
                (t.storage + row * w).update(from: values.storage + index * w, count: w)
            }
            newTargets = .values(t)
        }
        // Shapes are consistent by construction.
        var result = Dataset(unchecked: picked, targets: newTargets, classNames: classNames)
        result.featureNames = featureNames
        return result
    }

    init(unchecked features: Tensor, targets: Targets, classNames: [String]?) {
        self.features = features
        self.targets = targets
        self.classNames = classNames
    }
}
