import Glibc

/// Writes files so that a failure never damages what was there before.
///
/// The new contents go to a temporary file in the same folder as the target, are flushed to the
/// disk (`fsync`) and then renamed over the target, so a reader sees either the old file or the
/// whole new one. A symbolic link is followed and its *target* is replaced (the link stays a
/// link). A directory, FIFO, device or socket is never replaced: the write is refused with a
/// ``SafeFileError``. A full disk or a read-only folder gives an error in plain words and leaves
/// the old file as it was.
public enum AtomicFile {
    /// Longest chain of symbolic links followed before giving up (the kernel's own limit).
    public static let maximumSymbolicLinks = 40

    /// Replaces the file at `path` (or creates it) with `text` encoded as UTF-8.
    public static func write(_ text: String, to path: String) throws(SafeFileError) {
        let written = text.utf8.withContiguousStorageIfAvailable { bytes in
            Result { () throws(SafeFileError) in try write(UnsafeRawBufferPointer(bytes), to: path) }
        } ?? Array(text.utf8).withUnsafeBytes { bytes in
            Result { () throws(SafeFileError) in try write(bytes, to: path) }
        }
        try written.get()
    }

    /// Replaces the file at `path` (or creates it) with `bytes`.
    public static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws(SafeFileError) {
        let target = try resolvingSymbolicLinks(path)
        let mode = try existingMode(of: target, reportedAs: path)
        let folder = FilePath.directory(of: target)
        let (fd, temporaryPath) = try createTemporaryFile(in: folder, for: target, reportedAs: path)
        var isOpen = true
        var renamed = false
        defer {
            if isOpen { close(fd) }
            if !renamed { unlink(temporaryPath) }
        }
        if let mode { fchmod(fd, mode) }
        try writeAll(bytes, to: fd, reportedAs: path)
        guard fsync(fd) == 0 else { throw SafeFileError(path: path, reason: .system(errno)) }
        isOpen = false
        guard close(fd) == 0 else { throw SafeFileError(path: path, reason: .system(errno)) }
        guard rename(temporaryPath, target) == 0 else { throw SafeFileError(path: path, reason: .system(errno)) }
        renamed = true
        syncDirectory(folder)
    }

    /// `path` with every symbolic link along the final component followed, so that replacing the
    /// result replaces the link's target. A path that does not exist (yet) is returned as is; a
    /// dangling link gives the path it points to.
    public static func resolvingSymbolicLinks(_ path: String) throws(SafeFileError) -> String {
        var current = path
        for _ in 0...maximumSymbolicLinks {
            var info = stat()
            if lstat(current, &info) != 0 {
                if errno == ENOENT { return current }
                throw SafeFileError(path: path, reason: .system(errno))
            }
            guard info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count >= 0 else { throw SafeFileError(path: path, reason: .system(errno)) }
            let destination = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = destination.hasPrefix("/")
                ? destination : FilePath.directory(of: current) + "/" + destination
        }
        throw SafeFileError(path: path, reason: .tooManySymbolicLinks)
    }

    /// The permission bits of the regular file at `target`, nil if there is no file there yet;
    /// throws if something other than a regular file is there.
    private static func existingMode(of target: String, reportedAs path: String) throws(SafeFileError) -> mode_t? {
        var info = stat()
        guard stat(target, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw SafeFileError(path: path, reason: .system(errno))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return info.st_mode & 0o7777
        case S_IFDIR: throw SafeFileError(path: path, reason: .isDirectory)
        case S_IFIFO: throw SafeFileError(path: path, reason: .notRegularFile(kind: "a FIFO (named pipe)"))
        case S_IFCHR: throw SafeFileError(path: path, reason: .notRegularFile(kind: "a character device"))
        case S_IFBLK: throw SafeFileError(path: path, reason: .notRegularFile(kind: "a block device"))
        case S_IFSOCK: throw SafeFileError(path: path, reason: .notRegularFile(kind: "a socket"))
        default: throw SafeFileError(path: path, reason: .notRegularFile(kind: "a special file"))
        }
    }

    /// A new, empty file next to `target` (hidden, with a random suffix), opened for writing.
    private static func createTemporaryFile(
        in folder: String, for target: String, reportedAs path: String
    ) throws(SafeFileError) -> (Int32, String) {
        let base = String(FilePath.lastComponent(of: target).prefix(64))
        var generator = SystemRandomNumberGenerator()
        while true {
            let suffix = String(generator.next() as UInt64, radix: 36)
            let candidate = folder + "/." + base + ".tmp-" + suffix
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 { return (fd, candidate) }
            if errno != EEXIST && errno != EINTR { throw SafeFileError(path: path, reason: .system(errno)) }
        }
    }

    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32, reportedAs path: String) throws(SafeFileError) {
        var offset = 0
        while offset < bytes.count {
            let count = Glibc.write(fd, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw SafeFileError(path: path, reason: .system(errno))
            }
            offset += count
        }
    }

    /// Makes the rename durable; a failure here is not worth reporting (the data is written).
    private static func syncDirectory(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}

/// Splitting a path into its folder and last component, as `dirname` and `basename` do.
enum FilePath {
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func lastComponent(of path: String) -> Substring {
        guard let slash = path.lastIndex(of: "/") else { return Substring(path) }
        return path[path.index(after: slash)...]
    }
}
