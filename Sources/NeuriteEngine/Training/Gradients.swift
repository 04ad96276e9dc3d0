extension Trainer {
    /// The loss of `network` on the whole of `dataset` as one batch, leaving the gradient of that loss
    /// in every parameter's `gradient` (no update). Dropout layers are active (training mode).
    public static func lossAndGradients(_ network: Network, on dataset: Dataset, loss: Loss) throws -> Double {
        try checkCompatibility(network, dataset, loss)
        let rows = dataset.count
        guard rows > 0 else { throw EngineError.invalidData("the data set is empty") }
        let head = LossHead(network: network, loss: loss)
        network.reserve(batchCapacity: rows)
        let width = head.end == 0 ? network.inputWidth : network.layers[head.end - 1].outputWidth
        let encoding = TargetEncoding(dataset: dataset, loss: loss, lossWidth: width)
        let targets = Workspace(), gradient = Workspace()
        targets.reserve(rows * encoding.width)
        gradient.reserve(rows * width)
        encoding.write(dataset, first: 0, rows: rows, into: targets.pointer)
        let out = network.forward(dataset.features.storage, rows: rows, mode: .training, through: head.end)
        let value = loss.evaluate(outputs: out, targets: targets.pointer, rows: rows, width: width, gradient: gradient.pointer)
        network.backward(gradient.pointer, rows: rows, from: head.end)
        return value
    }
}
