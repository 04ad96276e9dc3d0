import Glibc

/// Why a file could not be written safely, in plain words. The old file (if any) is unchanged.
public struct SafeFileError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong.
    public enum Reason: Equatable, Sendable {
        /// The path names a directory.
        case isDirectory
        /// The path names a FIFO, device or socket: replacing it would destroy it, and writing to
        /// it may block or go somewhere unexpected.
        case notRegularFile(kind: String)
        /// A chain of more than ``AtomicFile/maximumSymbolicLinks`` symbolic links (or a loop).
        case tooManySymbolicLinks
        /// A system call failed with this `errno`.
        case system(Int32)
    }

    /// The path as the caller gave it.
    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        "cannot write '\(path)': \(explanation)"
    }

    /// The reason alone, e.g. "the disk is full".
    public var explanation: String {
        switch reason {
        case .isDirectory: return "it is a directory"
        case .notRegularFile(let kind): return "it is \(kind), not a regular file, and is left as it is"
        case .tooManySymbolicLinks: return "too many symbolic links"
        case .system(let code): return Self.plainWords(for: code)
        }
    }

    /// A short explanation of an `errno` value for someone who is not a programmer.
    public static func plainWords(for code: Int32) -> String {
        switch code {
        case ENOSPC: return "the disk is full"
        case EDQUOT: return "the disk quota is exceeded"
        case EROFS: return "the folder is on a read-only file system"
        case EACCES, EPERM: return "permission denied"
        case ENOENT: return "the folder does not exist"
        case ENOTDIR: return "a part of the path is not a folder"
        case EISDIR: return "it is a directory"
        case ENAMETOOLONG: return "the name is too long"
        case ELOOP: return "too many symbolic links"
        case EFBIG: return "the file would be larger than allowed"
        case EIO: return "an input/output error occurred"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}
