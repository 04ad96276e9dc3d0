extension Network {
    /// What each dense layer gives, after its activation, for each row of `features` (inference
    /// mode): one `rows × width` tensor per dense layer, in order. A dense layer's output is that of
    /// the last layer before the next dense one (its activation, or softmax; dropout passes values
    /// through at inference).
    public func denseOutputs(_ features: Tensor) throws -> [Tensor] {
        guard features.shape.count == 2, features.columns == inputWidth else {
            throw EngineError.shapeMismatch(
                operation: "activations", expected: "[n×\(inputWidth)]", got: Tensor.describe(features.shape))
        }
        // The index of the layer whose output ends each dense layer's block.
        var ends: [Int] = []
        for (index, layer) in layers.enumerated() {
            if layer is DenseLayer { ends.append(index) } else if !ends.isEmpty { ends[ends.count - 1] = index }
        }
        let rows = features.rows
        let results = ends.map { Tensor(shape: [rows, layers[$0].outputWidth]) }
        let chunk = 256
        reserve(batchCapacity: Swift.min(Swift.max(rows, 1), chunk))
        var start = 0
        while start < rows {
            let n = Swift.min(chunk, rows - start)
            _ = forward(features.storage + start * inputWidth, rows: n, mode: .inference, through: layers.count)
            for (result, end) in zip(results, ends) {
                let width = layers[end].outputWidth
                (result.storage + start * width).update(from: UnsafePointer(layers[end].output), count: n * width)
            }
            start += n
        }
        return results
    }
}
