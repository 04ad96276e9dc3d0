#if canImport(Glibc)
import Glibc
#endif

/// A regular file opened for reading by ranges, so that a reader can check a header before it reads
/// (and allocates for) the rest. FIFOs, devices and folders are refused when opened.
struct ReadableFile {
    let path: String
    let size: Int
    private let descriptor: Int32

    init(path: String) throws(SafetensorsError) {
        self.path = path
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw SafetensorsError.io(path: path, reason: ReadableFile.systemMessage()) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = ReadableFile.systemMessage()
            _ = Glibc.close(fd)
            throw SafetensorsError.io(path: path, reason: reason)
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            _ = Glibc.close(fd)
            let kind = info.st_mode & S_IFMT == S_IFDIR ? "a folder" : "not a regular file"
            throw SafetensorsError.io(path: path, reason: "it is \(kind)")
        }
        descriptor = fd
        size = Int(info.st_size)
    }

    func close() { _ = Glibc.close(descriptor) }

    /// Exactly `count` bytes from `offset`; a short read (the file shrank) is an error.
    func read(offset: Int, count: Int) throws(SafetensorsError) -> [UInt8] {
        guard count > 0 else { return [] }
        var failure: SafetensorsError?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            base.initialize(repeating: 0, count: count)
            initialized = count
            var done = 0
            while done < count {
                let got = pread(descriptor, base + done, count - done, off_t(offset + done))
                if got < 0 && errno == EINTR { continue }
                if got <= 0 {
                    failure = .io(path: path, reason: got < 0 ? ReadableFile.systemMessage() : "the file ended early (was it changed while read?)")
                    return
                }
                done += got
            }
        }
        if let failure { throw failure }
        return bytes
    }

    static func systemMessage() -> String { String(cString: strerror(errno)) }
}

/// Writing a whole file at once without ever leaving a half-written file at the destination.
public enum FileWriting {
    /// Writes `bytes` to a temporary file in the destination's folder, flushes it to disk, then renames
    /// it over the destination. A symbolic link is followed to its target; a destination that exists
    /// and is not a regular file (a device, a FIFO, a folder) is refused.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(SafetensorsError) {
        var target = path
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) {
            target = String(cString: resolved)
            free(resolved)
        }
        if stat(target, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            throw SafetensorsError.io(path: path, reason: "it is not a regular file; refusing to replace it")
        }
        let slash = target.lastIndex(of: "/")
        let folder = slash.map { String(target[..<$0]) } ?? "."
        let base = slash.map { String(target[target.index(after: $0)...]) } ?? target
        var template = Array(((folder.isEmpty ? "/" : folder + "/") + "." + base + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { $0.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { throw SafetensorsError.io(path: path, reason: ReadableFile.systemMessage()) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure: String?
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var done = 0
            while done < raw.count {
                let wrote = Glibc.write(fd, base + done, raw.count - done)
                if wrote < 0 && errno == EINTR { continue }
                if wrote <= 0 { failure = ReadableFile.systemMessage(); return }
                done += wrote
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = ReadableFile.systemMessage() }
        if failure == nil, fchmod(fd, 0o644) != 0 { failure = ReadableFile.systemMessage() }
        _ = Glibc.close(fd)
        if failure == nil, rename(temporary, target) != 0 { failure = ReadableFile.systemMessage() }
        if let failure {
            unlink(temporary)
            throw SafetensorsError.io(path: path, reason: failure)
        }
    }
}
