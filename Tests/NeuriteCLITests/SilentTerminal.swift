import Foundation
import Glibc

/// A pseudo-terminal that never answers: neurite runs with it as its controlling terminal
/// (`setsid -c`), everything it writes is collected, and nothing is ever typed back, as on a
/// terminal that does not understand the image queries (or a multiplexer that swallows them).
enum SilentTerminal {
    struct Run {
        var status: Int32
        /// Everything neurite wrote to the terminal, queries included.
        var output: [UInt8]
        /// From start to exit.
        var seconds: Double

        var text: String { String(decoding: output, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Linux's `TIOCSPTLCK` and `TIOCGPTN` (`_IOW('T', 0x31, int)`, `_IOR('T', 0x30, unsigned int)`),
    /// which Swift does not import.
    private static let setLock: UInt = 0x4004_5431
    private static let getNumber: UInt = 0x8004_5430

    /// Runs neurite with `arguments` on a fresh 100×30 pseudo-terminal, with `environment` added to a
    /// colour-capable one (`TERM=xterm-256color`, no `NO_COLOR`, a private `XDG_STATE_HOME`).
    static func run(_ arguments: [String], environment: [String: String] = [:], stateDirectory: String)
        throws -> Run
    {
        // posix_openpt, unlockpt and ptsname are not visible from Swift's Glibc module; this is what
        // they do on Linux: open the multiplexer, unlock the new terminal, ask its number.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw Failure(description: "no pseudo-terminal (/dev/ptmx)") }
        defer { close(master) }
        var unlock: Int32 = 0
        var number: Int32 = -1
        guard ioctl(master, Self.setLock, &unlock) == 0, ioctl(master, Self.getNumber, &number) == 0 else {
            throw Failure(description: "cannot unlock the pseudo-terminal")
        }
        let slave = "/dev/pts/\(number)"
        var size = winsize(ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        guard let setsid = ["/usr/bin/setsid", "/bin/setsid"].first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { throw Failure(description: "setsid (util-linux) is not installed") }
        var env = ProcessInfo.processInfo.environment
        for name in ["NO_COLOR", "COLUMNS", "LINES", "NEURITE_IMAGES", "TMUX", "STY"] { env[name] = nil }
        env["TERM"] = "xterm-256color"
        env["LANG"] = "C.UTF-8"
        env["OPENBLAS_NUM_THREADS"] = "1"
        env["XDG_STATE_HOME"] = stateDirectory
        env.merge(environment) { $1 }
        let clock = ContinuousClock()
        let started = clock.now
        let pid = try Subprocess.start(
            setsid, ["-c", "-w", NeuriteBinary.path] + arguments, environment: env,
            inputPath: slave, outputPath: slave, errorPath: slave)
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var status: Int32 = 0
        var exited = false
        var finished = started
        while true {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 20) > 0 {
                let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
                if count > 0 {
                    output += buffer[..<count]
                    continue
                }
            }
            if exited { break }
            var raw: Int32 = 0
            if waitpid(pid, &raw, WNOHANG) == pid {
                finished = clock.now
                status = raw & 0x7F == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
                exited = true
            } else if clock.now - started > .seconds(60) {
                kill(pid, SIGKILL)
                _ = try? Subprocess.wait(for: pid, executable: setsid)
                throw Failure(description: "neurite did not finish on the silent terminal")
            }
        }
        let elapsed = finished - started
        return Run(
            status: status, output: output,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
