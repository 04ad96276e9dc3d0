import Glibc

/// Tells when a file changes. With inotify it watches the file's folder, so an editor that saves by
/// writing a temporary file and renaming it over the original is seen like one that writes in
/// place; without inotify (or with `NEURITE_WATCH_POLL=1`) it compares the file's `stat` every
/// ``pollInterval`` milliseconds.
final class FileWatcher {
    enum Mechanism: String {
        case inotify, polling
    }

    /// What ``wait(milliseconds:input:)`` saw.
    enum Wake: Equatable {
        case changed
        /// The `input` descriptor can be read.
        case input
        /// A signal (Ctrl-C) or the time ran out.
        case nothing
    }

    static let pollInterval: Int32 = 200
    /// A burst of writes is one change once no event came for this long (milliseconds).
    static let quietPeriod: Int32 = 80
    /// The longest a burst is waited out.
    static let longestBurst = 1.0

    let path: String
    private(set) var mechanism: Mechanism
    private let folder: String
    private let name: String
    private var descriptor: Int32 = -1
    private var stamp: Stamp?

    init(path: String, forcePolling: Bool) {
        self.path = path
        if let slash = path.lastIndex(of: "/") {
            folder = slash == path.startIndex ? "/" : String(path[..<slash])
            name = String(path[path.index(after: slash)...])
        } else {
            folder = "."
            name = path
        }
        mechanism = .polling
        stamp = Stamp(path: path)
        guard !forcePolling else { return }
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return }
        let events = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY | IN_ATTRIB)
        guard inotify_add_watch(fd, folder, events) >= 0 else {
            close(fd)
            return
        }
        descriptor = fd
        mechanism = .inotify
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Waits up to `milliseconds` for the file to change or `input` to be readable. A change is
    /// returned once its burst of writes is over (see ``quietPeriod``).
    func wait(milliseconds: Int32, input: Int32?) -> Wake {
        var fds: [pollfd] = []
        if mechanism == .inotify { fds.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)) }
        if let input { fds.append(pollfd(fd: input, events: Int16(POLLIN), revents: 0)) }
        let timeout = mechanism == .polling ? min(milliseconds, Self.pollInterval) : milliseconds
        let ready = poll(&fds, nfds_t(fds.count), timeout)
        guard ready > 0 else { return mechanism == .polling && pollChanged() ? settled() : .nothing }
        if mechanism == .inotify, fds[0].revents != 0, drainEvents() { return settled() }
        if let last = fds.last, input != nil, last.revents != 0 { return .input }
        return mechanism == .polling && pollChanged() ? settled() : .nothing
    }

    /// Waits until no change came for ``quietPeriod`` (at most ``longestBurst`` seconds).
    private func settled() -> Wake {
        let start = ContinuousClock.now
        while ContinuousClock.now - start < .seconds(Self.longestBurst) {
            if mechanism == .inotify {
                var fd = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&fd, 1, Self.quietPeriod) > 0, drainEvents() else { break }
            } else {
                usleep(UInt32(Self.quietPeriod) * 1000)
                guard pollChanged() else { break }
            }
        }
        stamp = Stamp(path: path)
        return .changed
    }

    /// Reads every pending inotify event; true if one was about the file.
    private func drainEvents() -> Bool {
        var aboutFile = false
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let length = buffer.withUnsafeBytes { Int($0.load(fromByteOffset: offset + 12, as: UInt32.self)) }
                let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)]
                let eventName = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                if eventName == name { aboutFile = true }
                offset += header + length
            }
        }
        return aboutFile
    }

    /// For polling: whether the file's stat differs from the last one seen.
    private func pollChanged() -> Bool {
        let now = Stamp(path: path)
        guard now != stamp else { return false }
        stamp = now
        return now != nil
    }

    /// What a `stat` says of the file, enough to see a write or a replacement.
    private struct Stamp: Equatable {
        var inode: UInt64
        var size: Int64
        var seconds: Int
        var nanoseconds: Int

        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            seconds = info.st_mtim.tv_sec
            nanoseconds = info.st_mtim.tv_nsec
        }
    }
}
