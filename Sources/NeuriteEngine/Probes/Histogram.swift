/// Counts of values in equal-width bins.
public struct Histogram: Sendable, Equatable {
    /// Bin edges, `counts.count + 1` of them, increasing. Bin i is [edges[i], edges[i+1]); the last
    /// bin also holds its upper edge.
    public var edges: [Double]
    public var counts: [Int]
    /// Values left out because they are NaN or infinite, or outside an explicit range.
    public var excluded: Int

    /// Bins `values` into `bins` equal bins over `range` (default: the finite values' min…max; a
    /// single repeated value v gets [v − 0.5, v + 0.5]).
    public init(_ values: UnsafeBufferPointer<Float>, bins: Int, range: ClosedRange<Double>? = nil) throws {
        guard bins > 0, bins <= 100_000 else {
            throw EngineError.invalidSetting(name: "histogram bins", reason: "\(bins) is not between 1 and 100000")
        }
        var low = Double.infinity, high = -Double.infinity
        if let range {
            guard range.lowerBound.isFinite, range.upperBound.isFinite else {
                throw EngineError.invalidSetting(name: "histogram range", reason: "\(range) is not finite")
            }
            (low, high) = (range.lowerBound, range.upperBound)
        } else {
            for v in values where v.isFinite {
                low = Swift.min(low, Double(v))
                high = Swift.max(high, Double(v))
            }
            if low > high { (low, high) = (0, 1) }
        }
        if low == high { (low, high) = (low - 0.5, high + 0.5) }
        let width = (high - low) / Double(bins)
        edges = (0...bins).map { low + Double($0) * width }
        edges[bins] = high
        counts = Array(repeating: 0, count: bins)
        excluded = 0
        for v in values {
            let x = Double(v)
            guard x.isFinite, x >= low, x <= high else { excluded += 1; continue }
            counts[Swift.min(Int((x - low) / width), bins - 1)] += 1
        }
    }

    /// Bins an array of values.
    public init(_ values: [Float], bins: Int, range: ClosedRange<Double>? = nil) throws {
        self = try values.withUnsafeBufferPointer { try Histogram($0, bins: bins, range: range) }
    }

    /// The number of values counted.
    public var total: Int { counts.reduce(0, +) }
}

/// What a network histogram shows.
public enum HistogramSource: Sendable {
    /// The weight matrix of layer `layer` (an index into ``Network/layers``).
    case weights(layer: Int)
    case biases(layer: Int)
    /// The weight gradients of the last backward pass.
    case gradients(layer: Int)
    /// The outputs of layer `layer` over a whole data set (inference mode).
    case activations(layer: Int, on: Dataset)
}

extension Network {
    /// A histogram of weights, biases, gradients or activations.
    public func histogram(of source: HistogramSource, bins: Int, range: ClosedRange<Double>? = nil) throws -> Histogram {
        func layer(_ index: Int) throws -> Layer {
            guard layers.indices.contains(index) else {
                throw EngineError.invalidSetting(name: "layer", reason: "\(index + 1) is not between 1 and \(layers.count)")
            }
            return layers[index]
        }
        func parameter(_ index: Int, _ name: String) throws -> Parameter {
            guard let p = try layer(index).parameters.first(where: { $0.name == name }) else {
                throw EngineError.invalidSetting(name: "layer", reason: "layer \(index + 1) (\(layers[index].summary)) has no \(name)")
            }
            return p
        }
        switch source {
        case .weights(let index):
            let p = try parameter(index, "weights")
            return try Histogram(UnsafeBufferPointer(p.value.buffer), bins: bins, range: range)
        case .biases(let index):
            let p = try parameter(index, "bias")
            return try Histogram(UnsafeBufferPointer(p.value.buffer), bins: bins, range: range)
        case .gradients(let index):
            let p = try parameter(index, "weights")
            return try Histogram(UnsafeBufferPointer(p.gradient.buffer), bins: bins, range: range)
        case let .activations(index, dataset):
            let target = try layer(index)
            var values: [Float] = []
            values.reserveCapacity(dataset.count * target.outputWidth)
            try forEachChunk(of: dataset) { rows in
                values.append(contentsOf: UnsafeBufferPointer(start: target.output, count: rows * target.outputWidth))
            }
            return try Histogram(values, bins: bins, range: range)
        }
    }
}
