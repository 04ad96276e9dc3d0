/// How a data set's targets become the rows the loss reads: as stored (real values, or one class
/// index per row for softmax cross-entropy and single-output classifiers), or one-hot when class
/// labels meet an elementwise loss on several outputs (MSE, MAE, Huber or BCE on one unit per class).
struct TargetEncoding {
    /// Values per target row.
    let width: Int
    let oneHot: Bool

    init(dataset: Dataset, loss: Loss, lossWidth: Int) {
        if case .classes = dataset.targets, !loss.usesClassIndices, lossWidth > 1 {
            width = lossWidth
            oneHot = true
        } else {
            width = dataset.targetWidth
            oneHot = false
        }
    }

    /// Writes the target rows of samples `indices[start ..< start + rows]` one after another.
    @inline(__always)
    func write(
        _ dataset: Dataset, _ indices: [Int], start: Int, rows: Int, into destination: UnsafeMutablePointer<Float>
    ) {
        guard oneHot, case .classes(let labels, _) = dataset.targets else {
            dataset.copyTargets(indices, start: start, rows: rows, into: destination)
            return
        }
        destination.update(repeating: 0, count: rows &* width)
        for r in 0..<rows {
            let label = labels[indices[start &+ r]]
            if label >= 0 && label < width { destination[r &* width &+ label] = 1 }
        }
    }

    /// Writes the target rows of samples `first ..< first + rows`.
    func write(_ dataset: Dataset, first: Int, rows: Int, into destination: UnsafeMutablePointer<Float>) {
        write(dataset, Array(first..<(first + rows)), start: 0, rows: rows, into: destination)
    }

    /// The class index of a target row.
    @inline(__always)
    func label(_ row: UnsafePointer<Float>) -> Int {
        guard oneHot else { return Int(row[0]) }
        var best = 0
        for j in 1..<width where row[j] > row[best] { best = j }
        return best
    }
}
