/// The structure of a PNG file, read by hand: the signature, every chunk with its CRC checked, and
/// the header (IHDR) fields. Pixels are decoded separately (``DecodedImage``).
struct PNGFile {
    struct Chunk {
        var type: String
        var data: [UInt8]
    }

    enum Problem: Error, Equatable {
        case notPNG
        case truncated
        case badCRC(chunk: String)
        case missing(String)
    }

    let chunks: [Chunk]
    let width: Int
    let height: Int
    let bitDepth: Int
    /// 2 = RGB, 6 = RGBA, 0 = grey, 3 = palette.
    let colorType: Int

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    init(_ bytes: [UInt8]) throws {
        guard bytes.starts(with: Self.signature) else { throw Problem.notPNG }
        var chunks: [Chunk] = []
        var offset = 8
        while offset < bytes.count {
            guard offset + 12 <= bytes.count else { throw Problem.truncated }
            let length = Self.uint32(bytes, offset)
            guard offset + 12 + length <= bytes.count else { throw Problem.truncated }
            let typeBytes = Array(bytes[offset + 4..<offset + 8])
            let type = String(decoding: typeBytes, as: UTF8.self)
            let data = Array(bytes[offset + 8..<offset + 8 + length])
            guard Self.crc32(typeBytes + data) == UInt32(Self.uint32(bytes, offset + 8 + length)) else {
                throw Problem.badCRC(chunk: type)
            }
            chunks.append(Chunk(type: type, data: data))
            offset += 12 + length
            if type == "IEND" { break }
        }
        guard let header = chunks.first, header.type == "IHDR", header.data.count == 13 else {
            throw Problem.missing("IHDR")
        }
        guard chunks.last?.type == "IEND" else { throw Problem.missing("IEND") }
        guard chunks.contains(where: { $0.type == "IDAT" }) else { throw Problem.missing("IDAT") }
        self.chunks = chunks
        width = Self.uint32(header.data, 0)
        height = Self.uint32(header.data, 4)
        bitDepth = Int(header.data[8])
        colorType = Int(header.data[9])
    }

    private static func uint32(_ bytes: [UInt8], _ at: Int) -> Int {
        Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
    }

    /// CRC-32 (ISO 3309, as PNG uses), bit by bit.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
