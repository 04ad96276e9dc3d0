import Glibc
import SafeFiles

/// The persistent REPL history: a bounded list of entries in a file (see ``HistoryFileFormat``).
///
/// Saving is safe against crashes and shared between sessions: under an exclusive lock on a
/// sibling `.lock` file, the current file is re-read, the session's new entries are appended, the
/// list is trimmed to the newest `capacity` entries, and the result is written atomically through
/// ``AtomicFile`` (temporary file, `fsync`, `rename`; a symbolic link stays a link). Two sessions
/// saving in turn therefore keep each other's entries, and a reader never sees a half-written file.
///
/// Everything is bounded: only the newest ``maximumFileBytes`` of the file are read, an entry
/// longer than ``maximumEntryBytes`` is neither read nor saved, and a lock held by another
/// session is waited for at most ``lockTimeout`` seconds. A file that does not start with the
/// history header is never overwritten.
public struct HistoryFile: Sendable {
    public let path: String
    public let capacity: Int
    /// The most bytes read from the end of the file (older entries beyond them are dropped).
    public let maximumFileBytes: Int
    /// The longest entry, in UTF-8 bytes, kept in the history.
    public let maximumEntryBytes: Int
    /// How long a save waits for another session's lock, in seconds.
    public let lockTimeout: Double

    public static let defaultMaximumFileBytes = 1 << 20
    public static let defaultMaximumEntryBytes = 64 << 10

    public init(
        path: String, capacity: Int = 1000, maximumFileBytes: Int = defaultMaximumFileBytes,
        maximumEntryBytes: Int = defaultMaximumEntryBytes, lockTimeout: Double = 0.5
    ) {
        self.path = path
        self.capacity = max(1, capacity)
        self.maximumFileBytes = max(256, maximumFileBytes)
        self.maximumEntryBytes = max(1, maximumEntryBytes)
        self.lockTimeout = max(0, lockTimeout)
    }

    /// `$XDG_STATE_HOME/neurite/history` when XDG_STATE_HOME is an absolute path, else
    /// `$HOME/.local/state/neurite/history`; nil if neither variable is usable.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/neurite/history"
        }
        if let home = environment["HOME"], !home.isEmpty {
            return home + "/.local/state/neurite/history"
        }
        return nil
    }

    /// Whether `entry` is short enough to be kept.
    public func accepts(_ entry: String) -> Bool { entry.utf8.count <= maximumEntryBytes }

    /// The saved entries, oldest first; empty if the file does not exist yet or is empty.
    public func load() throws(HistoryFileError) -> [String] {
        guard let text = try readNewestPart() else { return [] }
        var entries = HistoryFileFormat.decodeLines(text).filter { $0.utf8.count <= maximumEntryBytes }
            .map { HistoryFileFormat.unescape($0) }
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        return entries
    }

    /// Appends `newEntries` to what the file holds now (another session may have saved since this
    /// one loaded), keeps the newest `capacity` entries and replaces the file atomically.
    /// A new entry equal to the one just before it is not repeated; an entry longer than
    /// ``maximumEntryBytes`` is skipped. Returns the saved list.
    @discardableResult
    public func append(_ newEntries: [String]) throws(HistoryFileError) -> [String] {
        try createDirectory()
        return try withLock { () throws(HistoryFileError) in
            var entries = try load()
            for entry in newEntries where entry != entries.last && accepts(entry) {
                entries.append(entry)
            }
            if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
            var text = HistoryFileFormat.encode(entries)
            // Escaping can lengthen entries: drop the oldest until the file fits what load reads.
            while text.utf8.count > maximumFileBytes, !entries.isEmpty {
                entries.removeFirst(max(1, entries.count / 10))
                text = HistoryFileFormat.encode(entries)
            }
            do throws(SafeFileError) {
                try AtomicFile.write(text, to: path)
            } catch {
                throw HistoryFileError(path: path, reason: .write(error))
            }
            return entries
        }
    }

    /// The file's text after its header, starting at a line boundary at most ``maximumFileBytes``
    /// from its end; nil if there is no file or it is empty.
    private func readNewestPart() throws(HistoryFileError) -> Substring? {
        // O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused below).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw HistoryFileError(path: path, reason: .system(operation: "read", code: errno))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw HistoryFileError(path: path, reason: .system(operation: "read", code: errno))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw HistoryFileError(path: path, reason: .notARegularFile(kind: "a directory"))
        default: throw HistoryFileError(path: path, reason: .notARegularFile(kind: "not a regular file"))
        }
        let size = Int(info.st_size)
        guard size > 0 else { return nil }
        let header = Array((HistoryFileFormat.header + "\n").utf8)
        guard try readBytes(fd, at: 0, count: header.count) == header else {
            throw HistoryFileError(path: path, reason: .notAHistoryFile)
        }
        let start = max(header.count, size - maximumFileBytes)
        let bytes = try readBytes(fd, at: start, count: size - start)
        var text = Substring(String(decoding: bytes, as: UTF8.self))
        if start > header.count, let newline = text.firstIndex(of: "\n") {
            text = text[text.index(after: newline)...]  // the first line read is only a part
        }
        return text
    }

    /// Up to `count` bytes at `offset` (fewer at the end of the file).
    private func readBytes(_ fd: Int32, at offset: Int, count: Int) throws(HistoryFileError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return pread(fd, base + filled, count - filled, off_t(offset + filled))
            }
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                throw HistoryFileError(path: path, reason: .system(operation: "read", code: errno))
            }
            filled += got
        }
        return Array(bytes[..<filled])
    }

    private var directory: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Creates the file's directory and any missing parents (mode 0700), like `mkdir -p`.
    private func createDirectory() throws(HistoryFileError) {
        var prefix = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0, errno != EEXIST {
                throw HistoryFileError(path: path, reason: .system(operation: "create the directory of", code: errno))
            }
        }
    }

    /// Runs `body` holding the exclusive lock on `path.lock`, waiting at most ``lockTimeout``.
    private func withLock<T>(_ body: () throws(HistoryFileError) -> T) throws(HistoryFileError) -> T {
        let fd = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC | O_NONBLOCK, 0o600)
        guard fd >= 0 else { throw HistoryFileError(path: path, reason: .system(operation: "lock", code: errno)) }
        defer { close(fd) }
        var waited = 0.0
        let step = 0.01
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw HistoryFileError(path: path, reason: .system(operation: "lock", code: errno))
            }
            guard waited < lockTimeout else { throw HistoryFileError(path: path, reason: .locked) }
            usleep(useconds_t(step * 1e6))
            waited += step
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
