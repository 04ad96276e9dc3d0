import NeuriteNumerics

/// How the loss attaches to a network: which layers run before it, and how outputs become predictions.
///
/// With binary cross-entropy after a final sigmoid, or softmax cross-entropy after a final softmax,
/// the last layer is skipped and the loss reads its input (the logits): the fused form is stable and
/// its gradient is simply `p − t`.
struct LossHead {
    let loss: Loss
    /// Layers `0..<end` run before the loss.
    let end: Int
    /// Whether the loss inputs are logits (decision threshold 0 for one binary output).
    let logits: Bool

    init(network: Network, loss: Loss) {
        self.loss = loss
        let last = network.layers.last
        switch loss {
        case .binaryCrossEntropy:
            if let activation = last as? ActivationLayer, case .builtin(let f) = activation.function, f == .sigmoid {
                end = network.layers.count - 1
            } else {
                end = network.layers.count
            }
            logits = true
        case .softmaxCrossEntropy:
            end = last is SoftmaxLayer ? network.layers.count - 1 : network.layers.count
            logits = true
        default:
            end = network.layers.count
            logits = false
        }
    }

    /// Counts correct predictions among `rows` rows of loss inputs against class targets.
    func correctCount(
        _ outputs: UnsafePointer<Float>, _ targets: UnsafePointer<Float>, rows: Int, width: Int, encoding: TargetEncoding
    ) -> Int {
        var correct = 0
        for r in 0..<rows {
            let label = encoding.label(targets + r * encoding.width)
            if predictedClass(outputs + r * width, width: width) == label { correct += 1 }
        }
        return correct
    }

    /// The class predicted from one row of loss inputs.
    func predictedClass(_ row: UnsafePointer<Float>, width: Int) -> Int {
        if width == 1 { return row[0] > (logits ? 0 : 0.5) ? 1 : 0 }
        var best = 0
        for j in 1..<width where row[j] > row[best] { best = j }
        return best
    }
}
