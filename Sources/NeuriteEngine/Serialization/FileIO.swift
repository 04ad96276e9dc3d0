import SafeFiles

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

/// Writing a whole file at once without ever leaving a half-written file at the destination: the
/// project's one atomic writer, ``AtomicFile`` (temporary file in the same folder, fsync, rename;
/// through symbolic links; never over a directory, FIFO, device or socket), with its reasons as
/// safetensors I/O errors.
public enum FileWriting {
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(SafetensorsError) {
        do {
            try bytes.withUnsafeBytes { try AtomicFile.write($0, to: path) }
        } catch let error as SafeFileError {
            throw SafetensorsError.io(path: path, reason: error.explanation)
        } catch {
            throw SafetensorsError.io(path: path, reason: String(describing: error))
        }
    }
}
