import NeuriteEngine
import NeuriteLanguage

/// A sequential model in the language. A reference value: `train m on d` trains `m` in place,
/// and every name bound to it sees the new weights.
///
/// It is created untrained (``network`` is nil); its first training builds the engine ``Network``
/// from ``specs`` with the training seed, so equal seeds give equal initial weights.
public final class ModelValue {
    /// How the model is shown in tables and plot titles: the constructor call as written,
    /// e.g. `deep(sigmoid)`, or the model's name.
    public let label: String
    /// Values per input row (`input N`).
    public let inputWidth: Int
    /// The layers, in order, as the engine builds them.
    public let specs: [LayerSpec]
    /// The trained (or at least initialised) network; nil until the first training.
    public internal(set) var network: Network?
    /// Epochs trained so far, over all `train` commands.
    public internal(set) var epochsTrained = 0
    /// The loss of the latest training (what `evaluate` measures by default).
    public internal(set) var lastLoss: Loss?
    /// The optimizer of the latest training, whose state (momentum, moments) a later training with
    /// the same optimizer settings and a constant schedule continues.
    var optimizer: Optimizer?

    public init(label: String, inputWidth: Int, specs: [LayerSpec], network: Network? = nil) {
        self.label = label
        self.inputWidth = inputWidth
        self.specs = specs
        self.network = network
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
