import Glibc
import NeuritePixels

/// Asks the controlling terminal, once, what it can show: the only place that talks to the
/// terminal about images. The terminal is in raw mode (no echo, no line buffering) only while the
/// answers are read, and restored right after.
enum TerminalQuery {
    /// The questions, in one write: kitty graphics support (a 1×1 query image, `a=q`, so nothing is
    /// stored or shown), XTVERSION (the terminal's name), the cell size in pixels (`CSI 16 t`), and
    /// the primary device attributes last: every terminal answers those, so their reply ends the wait.
    static let request =
        "\u{1B}_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\u{1B}\\" + "\u{1B}[>q" + "\u{1B}[16t" + "\u{1B}[c"

    /// How long to wait for the answers when the terminal sends none (a real terminal answers the
    /// device attributes within a few milliseconds).
    static let timeoutMilliseconds = 100

    /// Sends ``request`` to `/dev/tty` and reads until the device attributes arrive or the time is
    /// up. nil when there is no controlling terminal, or this process is not in its foreground
    /// (changing the terminal's mode from the background would stop the process).
    static func ask(timeoutMilliseconds: Int = timeoutMilliseconds) -> TerminalReplies? {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard isatty(fd) == 1, tcgetpgrp(fd) == getpgrp() else { return nil }
        var saved = termios()
        guard tcgetattr(fd, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { characters in
            characters[Int(VMIN)] = 0
            characters[Int(VTIME)] = 0
        }
        guard tcsetattr(fd, TCSANOW, &raw) == 0 else { return nil }
        defer { tcsetattr(fd, TCSANOW, &saved) }
        guard writeAll(request, to: fd) else { return nil }
        return TerminalReplies(readReplies(from: fd, timeoutMilliseconds: timeoutMilliseconds))
    }

    /// The cell size from the terminal's window size in pixels (TIOCGWINSZ `ws_xpixel`,
    /// `ws_ypixel`), when the terminal fills them in.
    static func windowCell() -> CellSize? {
        let fd = open("/dev/tty", O_RDONLY | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        return CellSize(width: Int(size.ws_xpixel) / Int(size.ws_col), height: Int(size.ws_ypixel) / Int(size.ws_row))
    }

    private static func writeAll(_ text: String, to fd: Int32) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            bytes = bytes.dropFirst(written)
        }
        return true
    }

    /// Bytes from `fd` until they hold the device attributes reply or the time is up.
    private static func readReplies(from fd: Int32, timeoutMilliseconds: Int) -> [UInt8] {
        var clock = timespec()
        clock_gettime(CLOCK_MONOTONIC, &clock)
        let deadline = milliseconds(clock) + timeoutMilliseconds
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 512)
        while !TerminalReplies.isComplete(received) {
            clock_gettime(CLOCK_MONOTONIC, &clock)
            let remaining = deadline - milliseconds(clock)
            guard remaining > 0 else { break }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(remaining))
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { break }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            guard count > 0 else { break }
            received += buffer[..<count]
            if received.count > 1 << 16 { break }
        }
        return received
    }

    private static func milliseconds(_ time: timespec) -> Int {
        time.tv_sec * 1000 + time.tv_nsec / 1_000_000
    }
}
