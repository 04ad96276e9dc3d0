/// One line of a network summary.
public struct LayerDescription: Sendable, Equatable {
    /// Index into ``Network/layers``.
    public var index: Int
    /// The spec the layer came from (a dense spec with an activation gives two layers).
    public var specIndex: Int
    /// E.g. `dense 2→8`, `tanh`, `dropout 0.5`, `softmax`.
    public var summary: String
    public var outputWidth: Int
    /// Trainable values in the layer.
    public var parameterCount: Int
}

extension Network {
    /// A summary of every layer, for `:summary`-style displays.
    public var layerDescriptions: [LayerDescription] {
        layers.enumerated().map { index, layer in
            LayerDescription(
                index: index, specIndex: specIndex[index], summary: layer.summary, outputWidth: layer.outputWidth,
                parameterCount: layer.parameters.reduce(0) { $0 + $1.value.count })
        }
    }
}
