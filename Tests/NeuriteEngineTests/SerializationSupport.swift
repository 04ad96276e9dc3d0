#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import NeuriteEngine

/// Builders of safetensors bytes for the serialization tests.
enum SafetensorsBytes {
    /// An 8-byte little-endian length.
    static func length(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
    }

    /// A file made of a header (as given, unpadded) and a data section.
    static func file(header: String, data: [UInt8] = []) -> [UInt8] {
        let headerBytes = Array(header.utf8)
        return length(UInt64(headerBytes.count)) + headerBytes + data
    }

    /// Little-endian bytes of Float32 values.
    static func f32(_ values: [Float]) -> [UInt8] {
        values.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value.bitPattern >> (8 * UInt32($0))) } }
    }
}

/// A folder under /tmp removed when the test ends.
final class TemporaryFolder {
    let path: String

    init() throws {
        var template = Array("/tmp/neurite-serialization-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { $0.baseAddress.flatMap { mkdtemp($0) } }
        try #require(made != nil)
        path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func file(_ name: String) -> String { path + "/" + name }

    /// Writes raw bytes (for inputs the writer would never produce).
    func write(_ bytes: [UInt8], to name: String) throws {
        let handle = fopen(file(name), "wb")
        try #require(handle != nil)
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        fclose(handle)
    }

    func read(_ name: String) -> [UInt8]? {
        guard let handle = fopen(file(name), "rb") else { return nil }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let got = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if got == 0 { break }
            bytes += chunk[0..<got]
        }
        return bytes
    }

    deinit {
        if let directory = opendir(path) {
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name != "." && name != ".." { unlink(path + "/" + name) }
            }
            closedir(directory)
        }
        rmdir(path)
    }
}
