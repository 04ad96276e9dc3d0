import Glibc

/// Why the history file could not be read or written.
public struct HistoryFileError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var operation: String
    public var code: Int32
    public var description: String {
        "cannot \(operation) history file \(path): \(String(cString: strerror(code)))"
    }
}

/// The persistent REPL history: a bounded list of entries in a file (see ``HistoryFileFormat``).
///
/// Saving is safe against crashes and shared between sessions: under an exclusive lock on a
/// sibling `.lock` file, the current file is re-read, the session's new entries are appended, the
/// list is trimmed to the newest `capacity` entries, and the result is written to a temporary file
/// in the same directory, flushed to disk and renamed over the old file. Two sessions saving in turn
/// therefore keep each other's entries, and a reader never sees a half-written file.
public struct HistoryFile: Sendable {
    public let path: String
    public let capacity: Int

    public init(path: String, capacity: Int = 1000) {
        self.path = path
        self.capacity = max(1, capacity)
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

    /// The saved entries, oldest first; empty if the file does not exist yet.
    public func load() throws -> [String] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return [] }
            throw HistoryFileError(path: path, operation: "read", code: errno)
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw HistoryFileError(path: path, operation: "read", code: errno)
            }
            bytes += chunk[..<count]
        }
        return Array(HistoryFileFormat.decode(String(decoding: bytes, as: UTF8.self)).suffix(capacity))
    }

    /// Appends `newEntries` to what the file holds now (another session may have saved since this
    /// one loaded), keeps the newest `capacity` entries and replaces the file atomically.
    /// A new entry equal to the one just before it is not repeated. Returns the saved list.
    @discardableResult
    public func append(_ newEntries: [String]) throws -> [String] {
        try createDirectory()
        return try withLock {
            var entries = try load()
            for entry in newEntries where entry != entries.last {
                entries.append(entry)
            }
            entries = Array(entries.suffix(capacity))
            try writeAtomically(HistoryFileFormat.encode(entries))
            return entries
        }
    }

    private var directory: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Creates the file's directory and any missing parents (mode 0700), like `mkdir -p`.
    private func createDirectory() throws {
        var prefix = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0, errno != EEXIST {
                throw HistoryFileError(path: path, operation: "create the directory of", code: errno)
            }
        }
    }

    private func withLock<T>(_ body: () throws -> T) throws -> T {
        let fd = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw HistoryFileError(path: path, operation: "lock", code: errno) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw HistoryFileError(path: path, operation: "lock", code: errno) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    private func writeAtomically(_ text: String) throws {
        var template = Array((directory + "/.history-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard fd >= 0 else { throw HistoryFileError(path: path, operation: "write", code: errno) }
        let temporaryPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var closed = false
        defer {
            if !closed { close(fd) }
            unlink(temporaryPath)  // a no-op once renamed
        }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw HistoryFileError(path: path, operation: "write", code: errno)
            }
            written += count
        }
        guard fsync(fd) == 0 else { throw HistoryFileError(path: path, operation: "flush", code: errno) }
        closed = true
        guard close(fd) == 0 else { throw HistoryFileError(path: path, operation: "write", code: errno) }
        guard rename(temporaryPath, path) == 0 else {
            throw HistoryFileError(path: path, operation: "replace", code: errno)
        }
        let directoryFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryFD >= 0 {
            fsync(directoryFD)
            close(directoryFD)
        }
    }
}
