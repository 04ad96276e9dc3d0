import LineEditor
import NeuriteInterpreter

/// The flag Ctrl-C raises. A global because a signal handler is a C function that cannot capture
/// anything; it is an immutable reference to a Sendable, atomically updated flag.
let interruptFlag = InterruptFlag()

enum InterruptHandling {
    /// Ctrl-C raises ``interruptFlag`` (the interpreter polls it and stops the running entry) and,
    /// at the prompt, makes the line editor's read return ``LineInput/interrupted``.
    static func install() {
        _ = interruptFlag.isRaised  // initialise the global before a signal can touch it
        Terminal.installInterruptHandler { _ in interruptFlag.raise() }
    }
}
