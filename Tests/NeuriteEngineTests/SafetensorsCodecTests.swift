import Testing
@testable import NeuriteEngine

@Suite struct SafetensorsCodecTests {
    static let sample = SafetensorsArchive(
        tensors: [
            SafetensorsTensor(name: "0.weight", shape: [2, 3], values: [1, -2, 0.5, .infinity, -0.0, 3e-38]),
            SafetensorsTensor(name: "0.bias", shape: [2], values: [0.1, -0.25]),
            SafetensorsTensor(name: "scalar", shape: [], values: [42]),
            SafetensorsTensor(name: "empty", shape: [0, 4], values: []),
        ],
        metadata: ["format": "pt", "note": "ünïcode \"quoted\"\n"])

    @Test func writtenFileFollowsTheLayout() throws {
        let bytes = try Self.sample.encoded()
        let length = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[$1]) << (8 * UInt64($1)) }
        #expect((8 + length) % 8 == 0, "the data section starts 8-byte aligned")
        let header = try JSONParser.parse(bytes, range: 8..<(8 + Int(length)))
        #expect(header["0.weight"] == .object([
            ("dtype", .string("F32")), ("shape", .array([.integer(2), .integer(3)])),
            ("data_offsets", .array([.integer(0), .integer(24)])),
        ]))
        #expect(header["0.bias"]?["data_offsets"] == .array([.integer(24), .integer(32)]))
        #expect(header["__metadata__"]?["note"]?.string == "ünïcode \"quoted\"\n")
        // Padding is spaces, and the data is the raw little-endian values in order.
        let headerText = bytes[8..<(8 + Int(length))]
        #expect(headerText.last == UInt8(ascii: " ") || headerText.last == UInt8(ascii: "}"))
        let data = Array(bytes[(8 + Int(length))...])
        #expect(data == SafetensorsBytes.f32([1, -2, 0.5, .infinity, -0.0, 3e-38, 0.1, -0.25, 42]))
    }

    @Test func roundTripIsBitExact() throws {
        let back = try SafetensorsArchive(bytes: try Self.sample.encoded())
        #expect(back.metadata == Self.sample.metadata)
        #expect(back.tensors.map(\.name) == Self.sample.tensors.map(\.name))
        #expect(back.tensors.map(\.shape) == Self.sample.tensors.map(\.shape))
        for (a, b) in zip(back.tensors, Self.sample.tensors) {
            #expect(a.values.map(\.bitPattern) == b.values.map(\.bitPattern))
        }
    }

    @Test func nanSurvivesBitForBit() throws {
        let nan = Float(bitPattern: 0x7FC0_1234)
        let archive = SafetensorsArchive(tensors: [SafetensorsTensor(name: "n", shape: [1], values: [nan])])
        let back = try SafetensorsArchive(bytes: try archive.encoded())
        #expect(back.tensors.first?.values.first?.bitPattern == 0x7FC0_1234)
    }

    @Test func fileRoundTripThroughThePath() throws {
        let folder = try TemporaryFolder()
        try Self.sample.write(toFile: folder.file("t.safetensors"))
        let back = try SafetensorsArchive(contentsOfFile: folder.file("t.safetensors"))
        #expect(back == Self.sample)
        #expect(folder.read("t.safetensors") == (try Self.sample.encoded()))
    }

    /// F16, BF16 and F64 data, laid out by hand, are converted to the nearest Float.
    @Test func convertsOtherFloatTypes() throws {
        let f16: [UInt16] = [0x3C00, 0xC000, 0x7C00, 0xFC00, 0x0001, 0x03FF, 0x7BFF, 0x8000, 0x3555]
        let bf16: [UInt16] = [0x3F80, 0xC0A0, 0x7F80, 0x0001]
        let f64: [Double] = [0.1, -1e300, 1e-50, 3.5]
        var data: [UInt8] = []
        for value in f16 + bf16 { data += [UInt8(value & 0xFF), UInt8(value >> 8)] }
        for value in f64 { data += (0..<8).map { UInt8(truncatingIfNeeded: value.bitPattern >> (8 * UInt64($0))) } }
        let header = """
            {"h":{"dtype":"F16","shape":[9],"data_offsets":[0,18]},\
            "b":{"dtype":"BF16","shape":[2,2],"data_offsets":[18,26]},\
            "d":{"dtype":"F64","shape":[4],"data_offsets":[26,58]}}
            """
        let archive = try SafetensorsArchive(bytes: SafetensorsBytes.file(header: header, data: data))
        #expect(archive.tensors.map(\.name) == ["h", "b", "d"])
        #expect(archive.tensor(named: "h")?.storedDType == .f16)
        let halves: [Float] = [1, -2, .infinity, -.infinity, 0x1p-24, 0x3FFp-24, 65504, -0.0, 0x1.554p-2]
        #expect(archive.tensor(named: "h")?.values == halves)
        #expect(archive.tensor(named: "h")?.values[7].sign == .minus)
        let brains: [Float] = [1, -5, .infinity, Float(bitPattern: 0x0001_0000)]
        #expect(archive.tensor(named: "b")?.values == brains)
        #expect(archive.tensor(named: "b")?.shape == [2, 2])
        let doubles: [Float] = [0.1, -.infinity, 0, 3.5]
        #expect(archive.tensor(named: "d")?.values == doubles)
    }

    @Test func halfNaNStaysNaN() {
        #expect(SafetensorsDType.halfToFloat(0x7E00).isNaN)
        #expect(SafetensorsDType.halfToFloat(0xFC01).isNaN)
    }

    /// Every half value converts exactly: compared with Float16 where the platform has it.
    @Test func everyHalfConvertsExactly() {
        #if arch(x86_64) || arch(arm64)
        for bits in UInt16.min...UInt16.max {
            let expected = Float(Float16(bitPattern: bits))
            let got = SafetensorsDType.halfToFloat(bits)
            if expected.isNaN { #expect(got.isNaN) } else if got.bitPattern != expected.bitPattern {
                Issue.record("half 0x\(String(bits, radix: 16)): \(got) ≠ \(expected)")
                return
            }
        }
        #endif
    }

    @Test func headerWithSpacesAndNoMetadataIsRead() throws {
        let bytes = SafetensorsBytes.file(
            header: #"  {"a": {"shape": [1], "data_offsets": [0, 4], "dtype": "F32"}}   "#, data: SafetensorsBytes.f32([7]))
        let archive = try SafetensorsArchive(bytes: bytes)
        #expect(archive.metadata.isEmpty)
        #expect(archive.tensors == [SafetensorsTensor(name: "a", shape: [1], values: [7])])
    }

    @Test func tensorsComeInDataOrder() throws {
        let header = #"{"late":{"dtype":"F32","shape":[1],"data_offsets":[4,8]},"early":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#
        let archive = try SafetensorsArchive(bytes: SafetensorsBytes.file(header: header, data: SafetensorsBytes.f32([1, 2])))
        #expect(archive.tensors.map(\.name) == ["early", "late"])
        #expect(archive.tensor(named: "late")?.values == [2])
    }

    /// The format allows any name, the empty one too (the reader takes it, so the writer must write
    /// it back: found by the safetensors fuzz target, `Fuzz/Regressions/safetensors/`).
    @Test func anEmptyNameRoundTrips() throws {
        let tensor = SafetensorsTensor(name: "", shape: [1], values: [1])
        let again = try SafetensorsArchive(bytes: try SafetensorsArchive(tensors: [tensor]).encoded())
        #expect(again.tensors == [tensor])
    }

    @Test(arguments: [
        (SafetensorsTensor(name: "__metadata__", shape: [1], values: [1]),
         "cannot write tensor '__metadata__': the name is reserved for metadata"),
        (SafetensorsTensor(name: "w", shape: [2, 2], values: [1, 2, 3]),
         "cannot write tensor 'w': shape [2, 2] needs 4 values, got 3"),
        (SafetensorsTensor(name: "w", shape: [-1], values: []),
         "cannot write tensor 'w': shape [-1] is negative or too large"),
    ])
    func writerRefusesBadTensors(tensor: SafetensorsTensor, message: String) {
        #expect(throws: SafetensorsError.self) { try SafetensorsArchive(tensors: [tensor]).encoded() }
        do { _ = try SafetensorsArchive(tensors: [tensor]).encoded() } catch { #expect(error.description == message) }
    }

    @Test func writerRefusesRepeatedNames() {
        let tensor = SafetensorsTensor(name: "w", shape: [1], values: [1])
        #expect(throws: SafetensorsError.invalidTensor(name: "w", reason: "the name is used twice")) {
            try SafetensorsArchive(tensors: [tensor, tensor]).encoded()
        }
    }

    @Test func readingAFolderOrAMissingFileIsAClearError() throws {
        let folder = try TemporaryFolder()
        #expect(throws: SafetensorsError.io(path: folder.path, reason: "it is a folder")) {
            try SafetensorsArchive(contentsOfFile: folder.path)
        }
        #expect(throws: SafetensorsError.io(path: folder.file("none"), reason: "No such file or directory")) {
            try SafetensorsArchive(contentsOfFile: folder.file("none"))
        }
        #expect(throws: SafetensorsError.io(path: "/dev/zero", reason: "it is not a regular file")) {
            try SafetensorsArchive(contentsOfFile: "/dev/zero")
        }
    }

    @Test func writingReplacesAtomicallyAndFollowsSymlinks() throws {
        let folder = try TemporaryFolder()
        try folder.write([1, 2, 3], to: "target.safetensors")
        #expect(symlink(folder.file("target.safetensors"), folder.file("link.safetensors")) == 0)
        try Self.sample.write(toFile: folder.file("link.safetensors"))
        #expect(folder.read("target.safetensors") == (try Self.sample.encoded()))
        var info = stat()
        #expect(lstat(folder.file("link.safetensors"), &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(throws: SafetensorsError.self) { try Self.sample.write(toFile: "/dev/null") }
    }
}

#if canImport(Glibc)
import Glibc
#endif
