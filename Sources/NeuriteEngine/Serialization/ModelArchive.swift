/// A ``Network`` as a safetensors file that PyTorch and Python's `safetensors` read directly.
///
/// Tensors are named as PyTorch names the parameters of the equivalent `nn.Sequential`: every layer
/// of ``Network/layers`` is one module (an activation, softmax or dropout counts as its own index),
/// and a dense layer `i` gives `i.weight` of shape [out, in] (the transpose of Neurite's in × out
/// matrix) and `i.bias` of shape [out], as F32. The ``ModelDefinition`` goes into `__metadata__`
/// under ``definitionKey`` as JSON, so that the file reloads into the same network.
public enum ModelArchive {
    /// The `__metadata__` key of the definition JSON.
    public static let definitionKey = "neurite.model"
    /// The `__metadata__` key `"format"`, set to `"pt"` as PyTorch-oriented tools expect.
    public static let formatKey = "format"

    /// A model that was read back: its definition and the network with the saved weights.
    public struct Loaded {
        public var definition: ModelDefinition
        public var network: Network
    }

    /// The archive of `network`, described by `definition` (which must be the one it was built from).
    public static func archive(_ network: Network, definition: ModelDefinition) throws(ModelArchiveError) -> SafetensorsArchive {
        let slots = try parameterSlots(network)
        let expected = definition.parameterShapes
        guard network.inputWidth == definition.inputWidth, definition.modules.count == network.layers.count,
              slots.map(\.name) == expected.map(\.name), slots.map(\.shape) == expected.map(\.shape)
        else {
            throw ModelArchiveError.invalidDefinition("the definition does not describe the network's layers")
        }
        let tensors = slots.map { SafetensorsTensor(name: $0.name, shape: $0.shape, values: $0.read()) }
        let metadata = [definitionKey: try definition.json().serialized, formatKey: "pt"]
        return SafetensorsArchive(tensors: tensors, metadata: metadata)
    }

    /// The bytes of the safetensors file of `network` (see ``archive(_:definition:)``).
    public static func encoded(_ network: Network, definition: ModelDefinition) throws(ModelArchiveError) -> [UInt8] {
        let contents = try archive(network, definition: definition)
        do { return try contents.encoded() } catch { throw .file(error) }
    }

    /// Writes the safetensors file of `network` to `path` atomically.
    public static func save(_ network: Network, definition: ModelDefinition, toFile path: String) throws(ModelArchiveError) {
        let bytes = try encoded(network, definition: definition)
        do { try FileWriting.writeAtomically(bytes, to: path) } catch { throw .file(error) }
    }

    /// Rebuilds the saved network: the definition is read from the metadata, the tensors are checked
    /// against it (names, shapes, nothing missing or extra) before any layer is built, and the weights
    /// are copied in, so that predictions are bit-identical to the saved network's.
    public static func load(_ archive: SafetensorsArchive) throws(ModelArchiveError) -> Loaded {
        guard let text = archive.metadata[definitionKey] else { throw ModelArchiveError.noDefinition }
        let json: JSONValue
        do { json = try JSONParser.parse(text) } catch { throw .invalidDefinition("not valid JSON: \(error)") }
        let definition = try ModelDefinition(json: json)
        try check(archive, against: definition.parameterShapes)
        let network: Network
        do { network = try Network(inputWidth: definition.inputWidth, specs: definition.specs, seed: 0) } catch let error as EngineError {
            throw .engine(error)
        } catch { throw .invalidDefinition("\(error)") }
        try loadWeights(from: archive, into: network)
        return Loaded(definition: definition, network: network)
    }

    /// Reads and rebuilds a model from the bytes of a safetensors file.
    public static func load(bytes: [UInt8]) throws(ModelArchiveError) -> Loaded {
        let archive: SafetensorsArchive
        do { archive = try SafetensorsArchive(bytes: bytes) } catch { throw .file(error) }
        return try load(archive)
    }

    /// Reads and rebuilds a model from a safetensors file.
    public static func load(contentsOfFile path: String) throws(ModelArchiveError) -> Loaded {
        let archive: SafetensorsArchive
        do { archive = try SafetensorsArchive(contentsOfFile: path) } catch { throw .file(error) }
        return try load(archive)
    }

    /// Overwrites `network`'s parameters with the archive's tensors (any metadata is ignored). Every
    /// tensor is checked first: a missing or extra tensor or a wrong shape is an error naming it, and
    /// then the network is left unchanged.
    public static func loadWeights(from archive: SafetensorsArchive, into network: Network) throws(ModelArchiveError) {
        let slots = try parameterSlots(network)
        try check(archive, against: slots.map { ($0.name, $0.shape) })
        for slot in slots {
            if let tensor = archive.tensor(named: slot.name) { slot.write(tensor.values) }
        }
    }

    /// Checks that the archive holds exactly the tensors `expected`, with their shapes.
    static func check(_ archive: SafetensorsArchive, against expected: [(name: String, shape: [Int])]) throws(ModelArchiveError) {
        var byName: [String: SafetensorsTensor] = [:]
        for tensor in archive.tensors { byName[tensor.name] = tensor }
        for (name, shape) in expected {
            guard let tensor = byName[name] else { throw ModelArchiveError.missingTensor(name: name, shape: shape) }
            guard tensor.shape == shape else { throw ModelArchiveError.wrongShape(name: name, expected: shape, got: tensor.shape) }
        }
        let names = Set(expected.map(\.name))
        if let extra = archive.tensors.first(where: { !names.contains($0.name) }) {
            throw ModelArchiveError.unexpectedTensor(name: extra.name, shape: extra.shape)
        }
    }
}

/// One named tensor of a network in PyTorch's layout, with how to read and write it.
struct ParameterSlot {
    var name: String
    var shape: [Int]
    var read: () -> [Float]
    var write: ([Float]) -> Void
}

extension ModelArchive {
    /// The network's parameters named and shaped as PyTorch's `nn.Sequential` holds them.
    static func parameterSlots(_ network: Network) throws(ModelArchiveError) -> [ParameterSlot] {
        var slots: [ParameterSlot] = []
        for (index, layer) in network.layers.enumerated() {
            if let dense = layer as? DenseLayer {
                let inputs = dense.inputWidth, outputs = dense.outputWidth
                let weights = dense.weights.value, bias = dense.bias.value
                slots.append(ParameterSlot(
                    name: "\(index).weight", shape: [outputs, inputs],
                    read: {
                        [Float](unsafeUninitializedCapacity: inputs * outputs) { out, initialized in
                            if let base = out.baseAddress { transpose(weights.storage, rows: inputs, columns: outputs, into: base) }
                            initialized = inputs * outputs
                        }
                    },
                    write: { values in
                        values.withUnsafeBufferPointer { source in
                            guard let base = source.baseAddress, source.count == inputs * outputs else { return }
                            transpose(base, rows: outputs, columns: inputs, into: weights.storage)
                        }
                    }))
                slots.append(ParameterSlot(
                    name: "\(index).bias", shape: [outputs], read: { bias.values },
                    write: { values in
                        values.withUnsafeBufferPointer { source in
                            guard let base = source.baseAddress, source.count == outputs else { return }
                            bias.storage.update(from: base, count: outputs)
                        }
                    }))
            } else if !layer.parameters.isEmpty {
                throw ModelArchiveError.unsupportedLayer(index: index, summary: layer.summary)
            }
        }
        return slots
    }

    /// Writes the transpose of a rows × columns row-major matrix into `destination` (columns × rows).
    static func transpose(_ source: UnsafePointer<Float>, rows: Int, columns: Int, into destination: UnsafeMutablePointer<Float>) {
        for r in 0..<rows {
            for c in 0..<columns { destination[c &* rows &+ r] = source[r &* columns &+ c] }
        }
    }
}
