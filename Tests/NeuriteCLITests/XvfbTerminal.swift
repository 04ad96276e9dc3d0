import Foundation
import Glibc

/// A real xterm on a private virtual X display: `Xvfb -displayfd` picks a free display,
/// `xterm -ti vt340` (a terminal that speaks sixel and says so in its device attributes) runs a
/// command, `xdotool` types into it, and `xwd` takes screenshots. `close()` ends them all.
final class XvfbTerminal {
    static let tools = ["Xvfb", "xterm", "xdotool", "xwd"]

    /// The absolute path of `name` on PATH, if any.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var isAvailable: Bool { tools.allSatisfy { find($0) != nil } }

    struct Failure: Error, CustomStringConvertible { var description: String }

    let display: String
    private let directory: TemporaryDirectory
    private var server: pid_t?
    private var terminal: pid_t?
    private var environment: [String: String]

    /// Starts the display and an xterm of `columns` × `rows` (black background, white text)
    /// running the shell command line `command`.
    init(command: String, columns: Int = 100, rows: Int = 36) throws {
        guard let xvfb = Self.find("Xvfb"), let xterm = Self.find("xterm") else {
            throw Failure(description: "Xvfb and xterm are needed (Scripts/test installs xvfb and xterm)")
        }
        directory = try TemporaryDirectory()
        environment = ProcessInfo.processInfo.environment
        for name in ["TERM", "TMUX", "STY", "NO_COLOR", "NEURITE_IMAGES", "COLUMNS", "LINES"] { environment[name] = nil }
        let displayFile = directory.path + "/display"
        server = try Subprocess.start(
            xvfb, ["-displayfd", "1", "-screen", "0", "1024x768x24", "-nolisten", "tcp"], environment: environment,
            inputPath: "/dev/null", outputPath: displayFile, errorPath: directory.path + "/xvfb.log")
        var number: String?
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(20)
        while number == nil, clock.now < deadline {
            let text = (try? String(contentsOfFile: displayFile, encoding: .utf8)) ?? ""
            if text.hasSuffix("\n"), let value = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                number = String(value)
            } else {
                usleep(20_000)
            }
        }
        guard let number else {
            display = ""
            close()
            throw Failure(description: "Xvfb did not start")
        }
        display = ":" + number
        environment["DISPLAY"] = display
        terminal = try Subprocess.start(
            xterm, ["-ti", "vt340", "-geometry", "\(columns)x\(rows)+0+0", "-bg", "black", "-fg", "white",
                    "-e", "sh", "-c", command],
            environment: environment, inputPath: "/dev/null", outputPath: directory.path + "/xterm.log",
            errorPath: directory.path + "/xterm.log")
    }

    deinit { close() }

    /// Ends xterm and the display server, and removes the temporary files.
    func close() {
        for pid in [terminal, server].compactMap({ $0 }) {
            kill(pid, SIGTERM)
            _ = try? Subprocess.wait(for: pid, executable: "X")
        }
        terminal = nil
        server = nil
        directory.remove()
    }

    /// The innermost process under xterm (e.g. neurite started by `sh -c`), once there is one.
    private func innermostProcess() -> String? {
        guard let terminal else { return nil }
        var pid = String(terminal)
        var depth = 0
        while let child = TmuxTerminal.children(of: pid).first {
            pid = child
            depth += 1
        }
        return depth >= 2 ? pid : nil
    }

    /// Waits until the innermost program under xterm is asleep reading the terminal.
    func waitUntilReadingInput(timeout: Duration = .seconds(30)) throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if let pid = innermostProcess(),
                (try? String(contentsOfFile: "/proc/\(pid)/wchan", encoding: .utf8)) == "wait_woken"
            {
                return
            }
            usleep(20_000)
        }
        throw Failure(description: "the program in xterm never waited for input")
    }

    /// Types `text` and presses Return (the pointer is moved into the window, which then has the
    /// keyboard: there is no window manager).
    func typeLine(_ text: String) throws {
        try xdotool(["mousemove", "200", "200"])
        try xdotool(["type", "--delay", "3", text])
        try xdotool(["key", "Return"])
    }

    /// Where the last screenshot is kept after ``close()`` (for looking at when a test fails).
    static let lastScreenshot = NSTemporaryDirectory() + "neurite-xterm-last.xwd"

    /// A screenshot of the whole screen (also copied to ``lastScreenshot``).
    func screenshot() throws -> XWDImage {
        guard let xwd = Self.find("xwd") else { throw Failure(description: "xwd is needed (x11-apps)") }
        let path = directory.path + "/screen.xwd"
        let status = try Subprocess.run(
            xwd, ["-root", "-silent", "-display", display, "-out", path], environment: environment,
            inputPath: "/dev/null", outputPath: "/dev/null", errorPath: directory.path + "/xwd.log")
        guard status == 0, let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "xwd failed (\(status))")
        }
        try? data.write(to: URL(fileURLWithPath: Self.lastScreenshot))
        return try XWDImage([UInt8](data))
    }

    private func xdotool(_ arguments: [String]) throws {
        guard let tool = Self.find("xdotool") else { throw Failure(description: "xdotool is needed") }
        let status = try Subprocess.run(
            tool, arguments, environment: environment, inputPath: "/dev/null", outputPath: "/dev/null",
            errorPath: directory.path + "/xdotool.log")
        guard status == 0 else { throw Failure(description: "xdotool \(arguments) failed (\(status))") }
    }
}
