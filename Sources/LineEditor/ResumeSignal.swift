import Glibc
import Synchronization

/// Set by the SIGCONT handler. A global because a signal handler is a C function that cannot
/// capture anything; an atomic, so the handler stays async-signal-safe.
private let resumedAfterStop = Atomic<Bool>(false)

/// Noticing that the process was resumed (`fg`) after Ctrl-Z stopped it at the prompt: the shell
/// has changed the terminal's settings meanwhile, so libedit must start the line again.
enum ResumeSignal {
    /// Installs a SIGCONT handler without SA_RESTART: a prompt waiting for input when the process
    /// is resumed then returns EINTR.
    static func install() {
        _ = resumedAfterStop.load(ordering: .relaxed)  // initialise the global before any signal
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in resumedAfterStop.store(true, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGCONT, &action, nil)
    }

    /// Whether the process was resumed since the last call.
    static func consume() -> Bool {
        resumedAfterStop.exchange(false, ordering: .relaxed)
    }
}
