import Testing
@testable import NeuriteEngine

/// A corpus of malformed safetensors files, each with the exact error it must give.
@Suite struct SafetensorsMalformedTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var error: SafetensorsError
        var testDescription: String { name }
    }

    static func entry(_ name: String, _ dtype: String = "F32", _ shape: String = "[1]", _ offsets: String = "[0,4]") -> String {
        "\"\(name)\":{\"dtype\":\"\(dtype)\",\"shape\":\(shape),\"data_offsets\":\(offsets)}"
    }

    static func file(_ entries: [String], data: Int = 4) -> [UInt8] {
        SafetensorsBytes.file(header: "{" + entries.joined(separator: ",") + "}", data: [UInt8](repeating: 0, count: data))
    }

    static let limit = SafetensorsArchive.maximumHeaderLength

    static let corpus: [Case] = [
        Case(name: "empty", bytes: [], error: .tooShort(byteCount: 0)),
        Case(name: "seven bytes", bytes: [1, 0, 0, 0, 0, 0, 0], error: .tooShort(byteCount: 7)),
        Case(name: "gigantic header 2^60", bytes: SafetensorsBytes.length(1 << 60) + Array("{}".utf8),
             error: .headerTooLarge(length: 1 << 60, limit: limit)),
        Case(name: "header length 2^64-1", bytes: SafetensorsBytes.length(.max),
             error: .headerTooLarge(length: .max, limit: limit)),
        Case(name: "header one past the limit", bytes: SafetensorsBytes.length(UInt64(limit) + 1),
             error: .headerTooLarge(length: UInt64(limit) + 1, limit: limit)),
        Case(name: "header past the end", bytes: SafetensorsBytes.length(100) + Array("{}".utf8),
             error: .headerPastEnd(length: 100, available: 2)),
        Case(name: "header length only", bytes: SafetensorsBytes.length(1), error: .headerPastEnd(length: 1, available: 0)),
        Case(name: "empty header", bytes: SafetensorsBytes.length(0),
             error: .headerNotJSON(JSONSyntaxError(reason: "expected a value, found the end", offset: 0))),
        Case(name: "not JSON", bytes: SafetensorsBytes.file(header: "hello"),
             error: .headerNotJSON(JSONSyntaxError(reason: "unexpected character 'h'", offset: 0))),
        Case(name: "trailing comma", bytes: SafetensorsBytes.file(header: "{\"a\":1,}"),
             error: .headerNotJSON(JSONSyntaxError(reason: "expected a member name in quotes", offset: 7))),
        Case(name: "text after the object", bytes: SafetensorsBytes.file(header: "{} x"),
             error: .headerNotJSON(JSONSyntaxError(reason: "unexpected text after the value", offset: 3))),
        Case(name: "NaN", bytes: SafetensorsBytes.file(header: "{\"a\":NaN}"),
             error: .headerNotJSON(JSONSyntaxError(reason: "unexpected character 'N'", offset: 5))),
        Case(name: "invalid UTF-8 in a name", bytes: SafetensorsBytes.length(6) + [0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31],
             error: .headerNotJSON(JSONSyntaxError(reason: "invalid UTF-8", offset: 2))),
        Case(name: "deep nesting", bytes: SafetensorsBytes.file(header: String(repeating: "[", count: 100_000)),
             error: .headerNotJSON(JSONSyntaxError(reason: "nested more than 64 deep", offset: 64))),
        Case(name: "an array header", bytes: SafetensorsBytes.file(header: "[1,2]"), error: .headerNotObject(found: "an array")),
        Case(name: "duplicate names", bytes: file([entry("a"), entry("a", "F32", "[1]", "[4,8]")], data: 8),
             error: .duplicateName("a")),
        Case(name: "entry not an object", bytes: SafetensorsBytes.file(header: "{\"a\":[1]}"),
             error: .invalidEntry(tensor: "a", reason: "the entry is an array, not an object")),
        Case(name: "no dtype", bytes: SafetensorsBytes.file(header: "{\"a\":{\"shape\":[1],\"data_offsets\":[0,4]}}"),
             error: .invalidEntry(tensor: "a", reason: "no dtype")),
        Case(name: "dtype a number", bytes: SafetensorsBytes.file(header: "{\"a\":{\"dtype\":4,\"shape\":[1],\"data_offsets\":[0,4]}}"),
             error: .invalidEntry(tensor: "a", reason: "dtype is a number, not a string")),
        Case(name: "unknown dtype", bytes: file([entry("a", "F17")]), error: .unknownDType(tensor: "a", dtype: "F17")),
        Case(name: "unsupported dtype", bytes: file([entry("ids", "I64", "[1]", "[0,8]")], data: 8),
             error: .unsupportedDType(tensor: "ids", dtype: "I64")),
        Case(name: "shape a string", bytes: file([entry("a", "F32", "\"1\"")]),
             error: .invalidEntry(tensor: "a", reason: "shape is a string, not an array")),
        Case(name: "negative dimension", bytes: file([entry("a", "F32", "[-1]")]),
             error: .invalidEntry(tensor: "a", reason: "shape holds -1, not a whole number ≥ 0")),
        Case(name: "fractional dimension", bytes: file([entry("a", "F32", "[1.5]")]),
             error: .invalidEntry(tensor: "a", reason: "shape holds 1.5, not a whole number ≥ 0")),
        Case(name: "shape overflows", bytes: file([entry("a", "F32", "[4611686018427387904,4]")]),
             error: .shapeOverflow(tensor: "a", shape: [1 << 62, 4])),
        Case(name: "shape times size overflows", bytes: file([entry("a", "F32", "[4611686018427387904]")]),
             error: .shapeOverflow(tensor: "a", shape: [1 << 62])),
        Case(name: "three offsets", bytes: file([entry("a", "F32", "[1]", "[0,4,8]")]),
             error: .invalidEntry(tensor: "a", reason: "data_offsets is [0,4,8], not [begin, end]")),
        Case(name: "offset beyond 64 bits", bytes: file([entry("a", "F32", "[1]", "[0,18446744073709551616]")]),
             error: .invalidEntry(tensor: "a", reason: "data_offsets [0,18446744073709551616] are not whole numbers ≥ 0 that fit 64 bits")),
        Case(name: "offsets reversed", bytes: file([entry("a", "F32", "[0]", "[4,0]")]),
             error: .invalidOffsets(tensor: "a", begin: 4, end: 0)),
        Case(name: "offsets past the data", bytes: file([entry("a", "F32", "[2]", "[0,8]")]),
             error: .offsetsOutOfRange(tensor: "a", end: 8, dataLength: 4)),
        Case(name: "offsets far past the data", bytes: file([entry("a", "F32", "[1]", "[1152921504606846976,1152921504606846980]")]),
             error: .offsetsOutOfRange(tensor: "a", end: 1_152_921_504_606_846_980, dataLength: 4)),
        Case(name: "overlapping tensors", bytes: file([entry("a", "F32", "[2]", "[0,8]"), entry("b", "F32", "[1]", "[4,8]")], data: 8),
             error: .overlappingOffsets(tensor: "b", previous: "a")),
        Case(name: "same offsets twice", bytes: file([entry("a"), entry("b")]),
             error: .overlappingOffsets(tensor: "b", previous: "a")),
        Case(name: "gap before a tensor", bytes: file([entry("a", "F32", "[1]", "[4,8]")], data: 8),
             error: .gapBeforeTensor(tensor: "a", begin: 4, expected: 0)),
        Case(name: "offsets not matching the shape", bytes: file([entry("a", "F32", "[3]", "[0,8]")], data: 8),
             error: .sizeMismatch(tensor: "a", dtype: "F32", shape: [3], expectedBytes: 12, actualBytes: 8)),
        Case(name: "F16 size mismatch", bytes: file([entry("a", "F16", "[3]", "[0,4]")]),
             error: .sizeMismatch(tensor: "a", dtype: "F16", shape: [3], expectedBytes: 6, actualBytes: 4)),
        Case(name: "trailing bytes", bytes: file([entry("a")], data: 6), error: .incompleteBuffer(covered: 4, dataLength: 6)),
        Case(name: "data without tensors", bytes: file([], data: 4), error: .incompleteBuffer(covered: 0, dataLength: 4)),
        Case(name: "metadata not an object", bytes: file(["\"__metadata__\":[\"a\"]", entry("a")]),
             error: .invalidMetadata(reason: "it is an array, not an object of strings")),
        Case(name: "metadata value a number", bytes: file(["\"__metadata__\":{\"epochs\":3}", entry("a")]),
             error: .invalidMetadata(reason: "'epochs' is a number, not a string")),
        Case(name: "metadata twice", bytes: file(["\"__metadata__\":{}", "\"__metadata__\":{}", entry("a")]),
             error: .duplicateName("__metadata__")),
    ]

    @Test(arguments: corpus)
    func bufferIsRefused(_ item: Case) {
        #expect(throws: item.error) { try SafetensorsArchive(bytes: item.bytes) }
    }

    /// The same corpus read from files: the same errors (the file reader checks the header before
    /// reading the data).
    @Test func filesAreRefusedWithTheSameErrors() throws {
        let folder = try TemporaryFolder()
        for (index, item) in Self.corpus.enumerated() {
            try folder.write(item.bytes, to: "\(index).safetensors")
            #expect(throws: item.error, "\(item.name)") {
                try SafetensorsArchive(contentsOfFile: folder.file("\(index).safetensors"))
            }
        }
    }

    /// A header length of 2^60 is refused by the length check, which runs before anything is
    /// allocated for the header: the error is the length check's, and the file reader has read only
    /// the 8 bytes of the length (the file holds nothing else to read).
    @Test func giganticHeaderIsRefusedBeforeAllocation() throws {
        let folder = try TemporaryFolder()
        try folder.write(SafetensorsBytes.length(1 << 60), to: "huge.safetensors")
        #expect(throws: SafetensorsError.headerTooLarge(length: 1 << 60, limit: Self.limit)) {
            try SafetensorsArchive(contentsOfFile: folder.file("huge.safetensors"))
        }
        #expect(SafetensorsLayout.headerLength(SafetensorsBytes.length(1 << 60), totalLength: 8)
            == .failure(.headerTooLarge(length: 1 << 60, limit: Self.limit)))
        // Just under the limit but past the end: refused by the size check, still before allocation.
        try folder.write(SafetensorsBytes.length(UInt64(Self.limit)), to: "long.safetensors")
        #expect(throws: SafetensorsError.headerPastEnd(length: UInt64(Self.limit), available: 0)) {
            try SafetensorsArchive(contentsOfFile: folder.file("long.safetensors"))
        }
    }

    /// Seeded random damage to a valid file (flipped bytes, truncation, inserted bytes) never traps:
    /// every result is a value or a SafetensorsError.
    @Test func randomDamageNeverCrashes() throws {
        let valid = try SafetensorsCodecTests.sample.encoded()
        var generator = SeededGenerator(seed: 12)
        var refused = 0
        for _ in 0..<3000 {
            var bytes = valid
            for _ in 0..<(1 + generator.nextIndex(below: 4)) {
                switch generator.nextIndex(below: 4) {
                case 0: bytes[generator.nextIndex(below: bytes.count)] = UInt8(truncatingIfNeeded: generator.next())
                case 1: bytes.removeLast(generator.nextIndex(below: bytes.count))
                case 2: bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: generator.nextIndex(below: bytes.count + 1))
                default: bytes[generator.nextIndex(below: Swift.min(8, bytes.count))] ^= 0xFF
                }
                if bytes.isEmpty { break }
            }
            do { _ = try SafetensorsArchive(bytes: bytes) } catch { refused += 1 }
        }
        #expect(refused > 2000)
    }
}
