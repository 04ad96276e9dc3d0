import Glibc

/// Reads a script whole with POSIX calls, so a pipe works like a regular file (`neurite <(…)`,
/// `neurite /dev/stdin`), with a size cap so that `/dev/zero` is refused instead of being read until
/// memory runs out.
enum ScriptReader {
    /// Larger scripts are refused.
    static let maximumBytes = 64 << 20

    enum Failure: Error, Equatable {
        case cannotOpen(String)
        case tooLarge
        case notUTF8
    }

    static func read(_ path: String, maximumBytes: Int = maximumBytes) -> Result<String, Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.cannotOpen(String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.cannotOpen(String(cString: strerror(errno))))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
            if bytes.count > maximumBytes { return .failure(.tooLarge) }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(.notUTF8) }
        return .success(text)
    }
}

extension ScriptReader.Failure: CustomStringConvertible {
    var description: String {
        switch self {
        case .cannotOpen(let reason): reason
        case .tooLarge: "it is larger than \(ScriptReader.maximumBytes >> 20) MiB"
        case .notUTF8: "it is not UTF-8 text"
        }
    }
}
