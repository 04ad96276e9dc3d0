import Glibc
import SafeFiles

/// Why the history file could not be read or written. Each is reported once; the session goes on.
public struct HistoryFileError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        /// A system call failed while doing `operation` ("read", "lock", …).
        case system(operation: String, code: Int32)
        /// The file is not empty and does not start with ``HistoryFileFormat/header``: it is
        /// someone else's file, so it is neither read nor overwritten.
        case notAHistoryFile
        /// A directory, FIFO, device or socket is where the file should be.
        case notARegularFile(kind: String)
        /// Another session held the lock for longer than ``HistoryFile/lockTimeout``.
        case locked
        /// The atomic write failed (full disk, read-only folder, …); the old file is unchanged.
        case write(SafeFileError)
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// The `errno` value behind the error, if a system call failed.
    public var code: Int32? {
        switch reason {
        case .system(_, let code): return code
        case .write(let error): if case .system(let code) = error.reason { return code } else { return nil }
        default: return nil
        }
    }

    public var description: String {
        switch reason {
        case .system(let operation, let code):
            return "cannot \(operation) history file \(path): \(SafeFileError.plainWords(for: code))"
        case .notAHistoryFile:
            return "\(path) is not a Neurite history file (its first line is not "
                + "'\(HistoryFileFormat.header)'); it is left unchanged and this session's history is not saved"
        case .notARegularFile(let kind):
            return "history file \(path) is \(kind); history is not saved"
        case .locked:
            return "history file \(path) is locked by another neurite session; entries are saved later"
        case .write(let error):
            return "cannot save history file \(path): \(error.explanation) (the old file is unchanged)"
        }
    }
}
