/// Why a model could not be saved, reloaded, or given the weights of a file.
public enum ModelArchiveError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file itself is not a valid safetensors file.
    case file(SafetensorsError)
    /// The file has no Neurite model definition in its metadata (weights from elsewhere can still be
    /// loaded into an existing model of the same shape).
    case noDefinition
    /// The model definition in the metadata is not valid.
    case invalidDefinition(String)
    /// A tensor the network needs is not in the file.
    case missingTensor(name: String, shape: [Int])
    /// The file has a tensor the network has no place for.
    case unexpectedTensor(name: String, shape: [Int])
    /// A tensor has another shape than the network's parameter.
    case wrongShape(name: String, expected: [Int], got: [Int])
    /// The network has a layer with parameters the format does not name.
    case unsupportedLayer(index: Int, summary: String)
    /// Building the network from the definition failed.
    case engine(EngineError)

    public var description: String {
        func shown(_ shape: [Int]) -> String { "[" + shape.map(String.init).joined(separator: ", ") + "]" }
        switch self {
        case .file(let error): return error.description
        case .noDefinition:
            return "the file holds weights but no Neurite model definition ('\(ModelArchive.definitionKey)' in __metadata__); "
                + "load its weights into a model of the same shape instead"
        case .invalidDefinition(let reason): return "invalid model definition: \(reason)"
        case let .missingTensor(name, shape): return "the file has no tensor '\(name)' (expected shape \(shown(shape)))"
        case let .unexpectedTensor(name, shape): return "the file has a tensor '\(name)' \(shown(shape)) that the model has no place for"
        case let .wrongShape(name, expected, got):
            return "tensor '\(name)' has shape \(shown(got)), the model needs \(shown(expected))"
        case let .unsupportedLayer(index, summary): return "layer \(index) (\(summary)) cannot be saved in this format"
        case .engine(let error): return error.description
        }
    }
}
