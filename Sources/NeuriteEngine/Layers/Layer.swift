/// A trainable value of a layer together with the gradient of the loss with respect to it.
public final class Parameter: @unchecked Sendable {
    /// What the parameter is within its layer: `weights`, `bias`, …
    public let name: String
    /// The current values, updated in place by the optimizer.
    public let value: Tensor
    /// The gradient from the last backward pass (same shape as `value`).
    public let gradient: Tensor

    public init(name: String, value: Tensor) {
        self.name = name
        self.value = value
        self.gradient = Tensor(shape: value.shape)
    }
}

/// Whether a forward pass is for training (dropout active) or for inference.
public enum PassMode: Sendable { case training, inference }

/// One stage of a network, working on row-major batches (one sample per row).
///
/// A layer owns its output and input-gradient buffers, sized once by ``reserve(batchCapacity:)``
/// and reused across steps: the step loop allocates nothing. The input of `forward` must stay
/// valid until the matching `backward` (the previous layer's output buffer does).
public protocol Layer: AnyObject {
    /// A short description, e.g. `dense 2→8` or `tanh`.
    var summary: String { get }
    /// Values per input row.
    var inputWidth: Int { get }
    /// Values per output row.
    var outputWidth: Int { get }
    /// The trainable parameters (empty for stateless layers).
    var parameters: [Parameter] { get }
    /// Makes the buffers hold at least `batchCapacity` rows.
    func reserve(batchCapacity: Int)
    /// Computes the output of `rows` input rows into ``output``.
    func forward(_ input: UnsafePointer<Float>, rows: Int, mode: PassMode)
    /// The output of the last forward pass (rows × outputWidth).
    var output: UnsafeMutablePointer<Float> { get }
    /// Given the loss gradient with respect to the output, fills the parameter gradients and, when
    /// `propagate`, ``inputGradient``.
    func backward(_ upstream: UnsafePointer<Float>, rows: Int, propagate: Bool)
    /// The gradient with respect to the input of the last backward pass (rows × inputWidth).
    var inputGradient: UnsafeMutablePointer<Float> { get }
}

/// A growable Float buffer owned by a layer (its memory is reused between steps).
final class Workspace {
    private(set) var pointer: UnsafeMutablePointer<Float>
    private(set) var capacity: Int

    init() {
        pointer = .allocate(capacity: 1)
        pointer.initialize(to: 0)
        capacity = 1
    }

    /// Ensures room for `count` values; the contents are zeroed when it grows.
    func reserve(_ count: Int) {
        guard count > capacity else { return }
        pointer.deallocate()
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: 0, count: count)
        capacity = count
    }

    deinit { pointer.deallocate() }
}
