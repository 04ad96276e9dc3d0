import Foundation
import Glibc

/// Runs a program to completion with posix_spawn, its standard streams redirected to files.
///
/// Not Foundation's `Process`: a child spawned from a test thread by `Process` inherits that
/// thread's blocked signals (a tmux server and the neurite under it would then ignore SIGINT,
/// SIGHUP and SIGTERM), and its waiting can hang. Here the child gets an empty signal mask and
/// default dispositions, and `waitpid` reaps it.
enum Subprocess {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `executable` with `arguments` and the exact `environment`; stdin reads `inputPath`,
    /// stdout and stderr write (truncating) `outputPath` and `errorPath`. Returns the exit status
    /// (128 + signal if it was killed).
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String],
        inputPath: String, outputPath: String, errorPath: String
    ) throws -> Int32 {
        let pid = try start(
            executable, arguments, environment: environment, inputPath: inputPath, outputPath: outputPath,
            errorPath: errorPath)
        return try wait(for: pid, executable: executable)
    }

    /// Starts `executable` as ``run(_:_:environment:inputPath:outputPath:errorPath:)`` does, without
    /// waiting. Reap it with ``wait(for:executable:)``.
    static func start(
        _ executable: String, _ arguments: [String], environment: [String: String],
        inputPath: String, outputPath: String, errorPath: String
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGHUP, SIGTERM, SIGPIPE, SIGQUIT, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw Failure(description: "cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        return pid
    }

    /// Waits for `pid` to end; its exit status (128 + signal if it was killed).
    static func wait(for pid: pid_t, executable: String) throws -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw Failure(description: "waitpid failed for \(executable)") }
        }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}
