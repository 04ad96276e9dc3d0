import Synchronization

/// A request to stop the current computation (Ctrl-C), shared between the signal handler's
/// thread and the evaluator, which polls it in loops, comprehensions and calls.
public final class InterruptFlag: Sendable {
    private let raised = Atomic<Bool>(false)
    private let raises = Atomic<Int>(0)

    public init() {}

    /// Asks the running evaluation to stop as soon as it next polls.
    public func raise() {
        raised.store(true, ordering: .relaxed)
        raises.add(1, ordering: .relaxed)
    }

    /// How many times ``raise()`` was called: whoever must know whether Ctrl-C came during some work
    /// compares it before and after, even when the work handled the request and cleared it (`train`).
    public var raiseCount: Int { raises.load(ordering: .relaxed) }

    /// Whether a stop has been requested and not yet cleared.
    public var isRaised: Bool { raised.load(ordering: .relaxed) }

    /// Forgets a request: the REPL does this before reading an entry, the session after it has
    /// stopped for one.
    public func clear() { raised.store(false, ordering: .relaxed) }
}
