import Foundation
import Synchronization

/// What a tmux pane shows: its rows, trailing blanks removed.
struct Screen: CustomStringConvertible {
    let text: String
    var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    var nonEmptyLines: [String] { lines.filter { !$0.isEmpty } }
    /// The last row with something on it (where the prompt or the latest output is).
    var lastLine: String { nonEmptyLines.last ?? "" }
    /// Rows that start with the primary prompt.
    var promptLines: [String] { lines.filter { $0.hasPrefix("nn>") } }
    /// The row after the last row equal to `line` (what an entry printed), if any.
    func row(after line: String) -> String? {
        guard let index = lines.lastIndex(of: line), index + 1 < lines.count else { return nil }
        return lines[index + 1]
    }
    var description: String { "--- screen ---\n" + nonEmptyLines.joined(separator: "\n") + "\n--------------" }
}

enum TmuxError: Error, CustomStringConvertible {
    case commandFailed(arguments: [String], status: Int32, output: String)
    case timedOut(waitingFor: String, screen: Screen)

    var description: String {
        switch self {
        case .commandFailed(let arguments, let status, let output):
            return "tmux \(arguments.joined(separator: " ")) failed (\(status)): \(output)"
        case .timedOut(let what, let screen):
            return "timed out waiting for \(what)\n\(screen)"
        }
    }
}

/// A program running in a real terminal: a detached tmux session on a private server socket
/// (`tmux -L neurite-test-<pid>-<n>`), so tests never touch the user's tmux and can run in parallel.
/// Keys are sent with `send-keys`; the screen is read with `capture-pane`, polled every 50 ms.
final class TmuxTerminal {
    /// The tmux executable on PATH, if any.
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { $0 + "/tmux" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// True on CI (the `CI` variable is set), where a missing tmux must fail the tests.
    static var isCI: Bool { !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty }

    private static let sessionsStarted = Mutex(0)
    private let tmux: String
    private let socket: String
    private let target = "neurite"
    private var socketPath: String?

    /// Starts `command` (a shell command line) in a new detached session of `columns`×`rows`.
    init(command: String, columns: Int = 100, rows: Int = 30) throws {
        guard let tmux = TmuxTerminal.executable else {
            throw TmuxError.commandFailed(arguments: [], status: -1, output: "tmux not found on PATH")
        }
        self.tmux = tmux
        let number = TmuxTerminal.sessionsStarted.withLock { count in
            count += 1
            return count
        }
        socket = "neurite-test-\(getpid())-\(number)"
        try run(["new-session", "-d", "-s", target, "-x", String(columns), "-y", String(rows), command])
        socketPath = try? run(["display-message", "-p", "#{socket_path}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit { close() }

    /// Ends the session and its private server, and removes the server's socket.
    func close() {
        _ = try? run(["kill-server"])
        if let socketPath, !socketPath.isEmpty { unlink(socketPath) }
        socketPath = nil
    }

    /// Types `text` literally.
    func type(_ text: String) throws {
        try run(["send-keys", "-t", target, "-l", text])
    }

    /// Presses keys by tmux name: `Enter`, `Up`, `Tab`, `C-c`, `C-d`.
    func press(_ keys: String...) throws {
        try run(["send-keys", "-t", target] + keys)
    }

    /// Resizes the window (and its pane) to `columns`×`rows`, as a user dragging the terminal would.
    func resize(columns: Int, rows: Int) throws {
        try run(["resize-window", "-t", target, "-x", String(columns), "-y", String(rows)])
    }

    /// The pane's current contents (with colour escapes when `escapes` is true).
    func screen(escapes: Bool = false) throws -> Screen {
        Screen(text: try run(["capture-pane", "-p", "-t", target] + (escapes ? ["-e"] : [])))
    }

    /// The cursor's row (0 at the top).
    func cursorRow() throws -> Int {
        Int(try run(["display-message", "-p", "-t", target, "#{cursor_y}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// Waits until the pane's innermost program (the last descendant of the pane's process, e.g.
    /// neurite started from a shell) is asleep reading the terminal (Linux: `/proc/PID/wchan` is
    /// `wait_woken`), so a key sent next arrives while it waits for input, not while it is drawing.
    func waitUntilReadingInput(timeout: Duration = .seconds(30)) throws {
        let panePID = try run(["display-message", "-p", "-t", target, "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            var pid = panePID
            while let child = Self.children(of: pid).first { pid = child }
            let wchan = try? String(contentsOfFile: "/proc/\(pid)/wchan", encoding: .utf8)
            if wchan == "wait_woken" { return }
            usleep(20_000)
        }
        throw TmuxError.timedOut(waitingFor: "the program to wait for input", screen: try screen())
    }

    /// Process ids whose parent is `pid` (from `/proc/*/stat`).
    static func children(of pid: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { entry in
            guard entry.allSatisfy(\.isNumber),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return false }
            // After "pid (comm)": state, then the parent's pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && fields[1] == pid
        }
    }

    /// Polls the screen every 50 ms until `condition` holds; throws (with the screen) on timeout.
    @discardableResult
    func waitFor(
        _ what: String, timeout: Duration = .seconds(30), escapes: Bool = false,
        _ condition: (Screen) throws -> Bool
    ) throws -> Screen {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            let current = try screen(escapes: escapes)
            if try condition(current) { return current }
            if clock.now > deadline { throw TmuxError.timedOut(waitingFor: what, screen: current) }
            usleep(50_000)
        }
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        // Output goes to a file, not a pipe: the tmux server forked by `new-session` inherits the
        // descriptors and would keep a pipe open for ever.
        let outputPath = NSTemporaryDirectory() + "neurite-tmux-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let status = try Subprocess.run(
            tmux, ["-u", "-L", socket] + arguments, environment: ProcessInfo.processInfo.environment,
            inputPath: "/dev/null", outputPath: outputPath, errorPath: outputPath)
        let text = String(decoding: FileManager.default.contents(atPath: outputPath) ?? Data(), as: UTF8.self)
        guard status == 0 else {
            throw TmuxError.commandFailed(arguments: arguments, status: status, output: text)
        }
        return text
    }
}

/// Single-quotes `text` for a POSIX shell command line.
func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
