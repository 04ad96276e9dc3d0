import Glibc
import LineEditor
import NeuriteInterpreter
import Synchronization

/// What Ctrl-C does in the REPL. The first press during an evaluation raises the session's
/// ``InterruptFlag`` (the interpreter polls it and stops); if the evaluation does not stop (a long
/// call that never polls), the third press during that same evaluation ends the process. At the
/// prompt a press raises the flag too, which is harmless: the REPL clears it before reading each
/// entry (``SessionEvaluator/willReadEntry()``), so a press after Enter still stops that entry.
final class InterruptState: Sendable {
    /// Presses during one evaluation that force an exit.
    static let forcedExitPresses = 3

    let flag: InterruptFlag
    private let evaluating = Atomic<Bool>(false)
    private let pressesWhileEvaluating = Atomic<Int>(0)

    init(flag: InterruptFlag) {
        self.flag = flag
    }

    /// Called from the signal handler (async-signal-safe: atomics only). Returns true when the
    /// process should exit now.
    func interruptReceived() -> Bool {
        flag.raise()
        guard evaluating.load(ordering: .sequentiallyConsistent) else { return false }
        let presses = pressesWhileEvaluating.add(1, ordering: .sequentiallyConsistent).newValue
        return presses >= Self.forcedExitPresses
    }

    /// Brackets one evaluation.
    func evaluating<T>(_ body: () -> T) -> T {
        pressesWhileEvaluating.store(0, ordering: .sequentiallyConsistent)
        evaluating.store(true, ordering: .sequentiallyConsistent)
        defer { evaluating.store(false, ordering: .sequentiallyConsistent) }
        return body()
    }
}

/// The process's interrupt state. A global because a signal handler is a C function that cannot
/// capture anything; it is an immutable reference to a Sendable object of atomics.
let interruptState = InterruptState(flag: InterruptFlag())

enum InterruptHandling {
    /// Installs the SIGINT handler for the REPL (see ``InterruptState``).
    static func install() {
        _ = interruptState.flag.isRaised  // initialise the global before a signal can touch it
        Terminal.installInterruptHandler { _ in
            guard interruptState.interruptReceived() else { return }
            let message = "\nneurite: stopped (Ctrl-C pressed 3 times during one evaluation)\n"
            _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
            _exit(130)
        }
    }
}
