#if os(Linux)
import Glibc
import LineEditor
import Testing

@Suite struct WindowSizeTests {
    /// A pseudo-terminal with a known window size answers TIOCGWINSZ; a pipe does not.
    @Test func readsTheWindowSizeOfAPseudoTerminal() throws {
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        try #require(master >= 0)
        defer { close(master) }
        // _IOW('T', 0x31, int) and _IOR('T', 0x30, unsigned int): function-like macros Swift
        // does not import; these values hold on x86_64 and arm64 Linux.
        let setLock: UInt = 0x4004_5431, getNumber: UInt = 0x8004_5430
        var unlock: Int32 = 0
        var number: UInt32 = 0
        try #require(withUnsafeMutablePointer(to: &unlock) { ioctl(master, setLock, $0) } == 0)
        try #require(withUnsafeMutablePointer(to: &number) { ioctl(master, getNumber, $0) } == 0)
        let name = "/dev/pts/\(number)"
        let slave = open(name, O_RDWR | O_NOCTTY)
        try #require(slave >= 0)
        defer { close(slave) }
        var size = winsize(ws_row: 33, ws_col: 111, ws_xpixel: 0, ws_ypixel: 0)
        let set = withUnsafeMutablePointer(to: &size) { ioctl(master, UInt(TIOCSWINSZ), $0) }
        try #require(set == 0)
        #expect(Terminal.size(of: slave).map { [$0.columns, $0.rows] } == [111, 33])

        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        #expect(Terminal.size(of: fds[1]) == nil)
    }
}
#endif
