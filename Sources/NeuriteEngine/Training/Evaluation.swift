/// Loss, accuracy and confusion matrix of a network on a data set.
public struct Evaluation: Sendable, Equatable {
    public var loss: Double
    /// For class targets.
    public var accuracy: Double?
    /// `confusion[actual][predicted]` counts, for class targets.
    public var confusion: [[Int]]?
}

extension Trainer {
    /// Evaluates `network` on `dataset` in inference mode.
    public static func evaluate(_ network: Network, on dataset: Dataset, loss: Loss) throws -> Evaluation {
        try checkCompatibility(network, dataset, loss)
        let head = LossHead(network: network, loss: loss)
        let chunk = 256
        let width = head.end == 0 ? network.inputWidth : network.layers[head.end - 1].outputWidth
        let encoding = TargetEncoding(dataset: dataset, loss: loss, lossWidth: width)
        let targets = Workspace()
        targets.reserve(chunk * encoding.width)
        network.reserve(batchCapacity: Swift.min(Swift.max(dataset.count, 1), chunk))
        var total = 0.0
        var confusion: [[Int]]? = dataset.classCount.map { c in
            Array(repeating: Array(repeating: 0, count: Swift.max(c, 2)), count: Swift.max(c, 2))
        }
        var start = 0
        while start < dataset.count {
            let n = Swift.min(chunk, dataset.count - start)
            encoding.write(dataset, first: start, rows: n, into: targets.pointer)
            let out = network.forward(
                dataset.features.storage + start * network.inputWidth, rows: n, mode: .inference, through: head.end)
            total += loss.evaluate(outputs: out, targets: targets.pointer, rows: n, width: width, gradient: nil) * Double(n)
            if var matrix = confusion {
                for r in 0..<n {
                    let actual = encoding.label(targets.pointer + r * encoding.width)
                    let predicted = head.predictedClass(out + r * width, width: width)
                    if actual >= 0, actual < matrix.count, predicted < matrix.count { matrix[actual][predicted] += 1 }
                }
                confusion = matrix
            }
            start += n
        }
        let count = Swift.max(dataset.count, 1)
        let accuracy = confusion.map { m in
            Double(m.indices.reduce(0) { $0 + m[$1][$1] }) / Double(count)
        }
        return Evaluation(loss: total / Double(count), accuracy: accuracy, confusion: confusion)
    }

    /// Throws when the data set does not fit the network and loss.
    static func checkCompatibility(_ network: Network, _ dataset: Dataset, _ loss: Loss) throws {
        guard dataset.featureWidth == network.inputWidth else {
            throw EngineError.shapeMismatch(
                operation: "network input", expected: "[n×\(network.inputWidth)]",
                got: Tensor.describe(dataset.features.shape))
        }
        let outputs = network.outputWidth
        switch (loss, dataset.targets) {
        case (.softmaxCrossEntropy, .classes(_, let classes)):
            guard outputs == classes else {
                throw EngineError.shapeMismatch(
                    operation: "softmax cross-entropy", expected: "\(classes) outputs (one per class)", got: "\(outputs)")
            }
        case (.softmaxCrossEntropy, .values):
            throw EngineError.invalidData("softmax cross-entropy needs class labels")
        case (_, .classes(_, let classes)):
            // One output for two classes (a threshold), or one output per class (one-hot targets).
            guard (outputs == 1 && classes <= 2) || (outputs > 1 && outputs == classes) else {
                throw EngineError.shapeMismatch(
                    operation: "\(loss.name) on class labels",
                    expected: classes <= 2 ? "1 output (or \(classes), one per class)" : "\(classes) outputs (one per class)",
                    got: "\(outputs) outputs")
            }
        case (_, .values(let values)):
            guard values.columns == outputs else {
                throw EngineError.shapeMismatch(
                    operation: loss.name, expected: "targets of \(outputs) values", got: "\(values.columns)")
            }
        }
    }
}
