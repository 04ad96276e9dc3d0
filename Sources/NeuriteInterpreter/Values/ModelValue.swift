import NeuriteEngine
import NeuriteLanguage

/// A sequential model in the language. A reference value: `train m on d` trains `m` in place,
/// and every name bound to it sees the new weights.
///
/// It has weights from the moment it is built: drawn from ``seed`` (0 unless `seed:` was given) the
/// first time they are looked at. Until the weights are the user's — trained, or edited — the first
/// `train` draws them afresh from its own `seed:` (as if the model had been built with it), so a
/// training run depends only on the training seed, as it always has.
public final class ModelValue {
    /// How the model is shown in tables and plot titles: the constructor call as written,
    /// e.g. `deep(sigmoid)`, or the model's name.
    public let label: String
    /// Values per input row (`input N`).
    public let inputWidth: Int
    /// The layers, in order, as the engine builds them.
    public let specs: [LayerSpec]
    /// The seed the initial weights are drawn from.
    public private(set) var seed: UInt64
    /// True when `seed:` was given: `train` then keeps the weights it finds.
    public let seedIsExplicit: Bool
    /// True once the weights are the user's (trained or edited): never drawn again.
    public internal(set) var weightsAreFixed = false
    /// True once the model has been through `train` (even for 0 epochs).
    public internal(set) var wasTrained = false
    /// The network, built on first use.
    private var built: Network?
    /// Epochs trained so far, over all `train` commands.
    public internal(set) var epochsTrained = 0
    /// The loss of the latest training (what `evaluate` measures by default).
    public internal(set) var lastLoss: Loss?
    /// The optimizer of the latest training, whose state (momentum, moments) a later training with
    /// the same optimizer settings and a constant schedule continues.
    var optimizer: Optimizer?

    public init(label: String, inputWidth: Int, specs: [LayerSpec], seed: UInt64? = nil, network: Network? = nil) {
        self.label = label
        self.inputWidth = inputWidth
        self.specs = specs
        self.seed = seed ?? 0
        self.seedIsExplicit = seed != nil
        self.built = network
        if network != nil { weightsAreFixed = true }
    }

    /// The network as it is now, built from ``seed`` if it has not been yet.
    public func network() throws -> Network {
        if let built { return built }
        let network = try Network(inputWidth: inputWidth, specs: specs, seed: seed)
        built = network
        return network
    }

    /// The network `train` should train: the current one once the weights are the user's (or the
    /// seed was explicit), else one drawn from the training `seed`. The weights are then fixed.
    func networkForTraining(seed trainingSeed: UInt64) throws -> Network {
        if !weightsAreFixed, !seedIsExplicit, built == nil || seed != trainingSeed {
            built = try Network(inputWidth: inputWidth, specs: specs, seed: trainingSeed)
            seed = trainingSeed
        }
        let network = try self.network()
        weightsAreFixed = true
        wasTrained = true
        return network
    }

    /// An independent model with the same definition, weights and history (`copy(m)`).
    func copy(label: String? = nil) throws -> ModelValue {
        let copy = ModelValue(
            label: label ?? self.label, inputWidth: inputWidth, specs: specs, seed: seedIsExplicit ? seed : nil)
        copy.seed = seed
        if let built {
            let network = try Network(inputWidth: inputWidth, specs: specs, seed: seed)
            for (target, source) in zip(network.parameters, built.parameters) {
                target.value.storage.update(from: source.value.storage, count: source.value.count)
            }
            copy.built = network
        }
        copy.weightsAreFixed = weightsAreFixed
        copy.wasTrained = wasTrained
        copy.epochsTrained = epochsTrained
        copy.lastLoss = lastLoss
        return copy
    }

    /// Values per output row.
    public var outputWidth: Int {
        var width = inputWidth
        for spec in specs {
            if case .dense(let units, _, _, _) = spec { width = units }
        }
        return width
    }
}

/// `model deep(act, depth = 6) { … }`: a model declaration with parameters. Calling it,
/// `deep(relu)`, evaluates the body with the arguments bound and gives a fresh untrained model.
public final class ModelConstructor {
    public let declaration: ModelDeclaration
    /// The source the declaration was written in (for labels and diagnostics).
    let file: SourceFile
    let closure: Scope

    init(declaration: ModelDeclaration, file: SourceFile, closure: Scope) {
        self.declaration = declaration
        self.file = file
        self.closure = closure
    }

    public var name: String { declaration.name.name }
}
