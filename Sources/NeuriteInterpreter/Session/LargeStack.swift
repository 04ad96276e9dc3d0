import Foundation

/// Runs evaluation on a thread with a large stack, so that deep (but limited) recursion in a
/// Neurite program cannot overflow the caller's smaller stack.
enum LargeStack {
    /// Bytes of stack for the evaluation thread (reserved, not committed, on Linux).
    static let size = 512 << 20

    /// Runs `body` on a fresh large-stack thread and waits for it to finish.
    static func run(_ body: () -> Void) {
        withoutActuallyEscaping(body) { escapable in
            let job = Job(escapable)
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                job.perform()
                done.signal()
            }
            thread.stackSize = size
            thread.start()
            done.wait()
        }
    }

    /// Hands the body to the thread. Unchecked: exactly one thread runs it while the caller
    /// blocks on the semaphore, so there is no concurrent access. The body is dropped before the
    /// signal so it does not outlive `withoutActuallyEscaping`.
    private final class Job: @unchecked Sendable {
        private var body: (() -> Void)?
        init(_ body: @escaping () -> Void) { self.body = body }
        func perform() {
            body?()
            body = nil
        }
    }
}
