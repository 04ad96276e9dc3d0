/// What a saved model is, besides its weights: enough to rebuild the same ``Network``.
public struct ModelDefinition: Sendable {
    /// Values per input row.
    public var inputWidth: Int
    /// The layers as written (a dense spec with an activation is two PyTorch modules).
    public var specs: [LayerSpec]
    /// Epochs trained so far.
    public var epochsTrained: Int
    /// How the model is shown (its name or constructor call), if known.
    public var label: String?

    public init(inputWidth: Int, specs: [LayerSpec], epochsTrained: Int = 0, label: String? = nil) {
        self.inputWidth = inputWidth
        self.specs = specs
        self.epochsTrained = epochsTrained
        self.label = label
    }

    /// The PyTorch `nn.Sequential` module of each layer the network builds from ``specs``, in order:
    /// a dense spec with an activation is a `Linear` followed by its activation, as in ``Network``.
    public var modules: [ModelModule] {
        var modules: [ModelModule] = []
        var width = inputWidth
        for spec in specs {
            switch spec {
            case let .dense(units, activation, _, _):
                modules.append(.linear(inputs: width, outputs: units))
                if let activation {
                    if case .builtin(.softmax) = activation { modules.append(.softmax) }
                    else { modules.append(.activation(activation)) }
                }
                width = units
            case .activation(let function):
                if case .builtin(.softmax) = function { modules.append(.softmax) }
                else { modules.append(.activation(function)) }
            case .softmax: modules.append(.softmax)
            case .dropout(let rate): modules.append(.dropout(rate: rate))
            }
        }
        return modules
    }

    /// The tensors a network of this definition holds, named as PyTorch names the parameters of the
    /// equivalent `nn.Sequential`: `i.weight` of shape [out, in] and `i.bias` of shape [out] for
    /// module `i` a `Linear`.
    public var parameterShapes: [(name: String, shape: [Int])] {
        modules.enumerated().flatMap { index, module -> [(name: String, shape: [Int])] in
            guard case let .linear(inputs, outputs) = module else { return [] }
            return [("\(index).weight", [outputs, inputs]), ("\(index).bias", [outputs])]
        }
    }
}

/// One module of the PyTorch `nn.Sequential` equivalent to a network.
public enum ModelModule: Sendable {
    /// `nn.Linear(inputs, outputs)`.
    case linear(inputs: Int, outputs: Int)
    /// An elementwise activation.
    case activation(ActivationFunction)
    /// `nn.Softmax(dim=1)`.
    case softmax
    /// `nn.Dropout(rate)`.
    case dropout(rate: Double)
}
