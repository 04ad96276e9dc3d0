/// An element type of the safetensors format, by its name in the header (`"F32"`, `"BF16"`, …).
///
/// Every type the format defines is known, so that its byte size can be checked against the offsets;
/// only the floating-point ones in ``isReadable`` can be read into Float32.
public enum SafetensorsDType: String, CaseIterable, Sendable {
    case bool = "BOOL"
    case u8 = "U8", i8 = "I8", u16 = "U16", i16 = "I16", u32 = "U32", i32 = "I32", u64 = "U64", i64 = "I64"
    case f16 = "F16", bf16 = "BF16", f32 = "F32", f64 = "F64"
    case f8e5m2 = "F8_E5M2", f8e4m3 = "F8_E4M3", f8e8m0 = "F8_E8M0"
    case c64 = "C64"

    /// Bytes per element.
    public var size: Int {
        switch self {
        case .bool, .u8, .i8, .f8e5m2, .f8e4m3, .f8e8m0: return 1
        case .u16, .i16, .f16, .bf16: return 2
        case .u32, .i32, .f32: return 4
        case .u64, .i64, .f64, .c64: return 8
        }
    }

    /// Whether the reader converts this type to Float32 (F32 as is; F16, BF16 and F64 rounded to nearest).
    public var isReadable: Bool {
        switch self {
        case .f32, .f16, .bf16, .f64: return true
        default: return false
        }
    }

    /// The names of the readable types, for messages.
    public static let readableNames = ["F32", "F16", "BF16", "F64"]

    /// Converts `count` little-endian elements starting at `bytes[offset]` to Float32.
    /// The caller has checked that the range lies inside `bytes` and that the type is readable.
    func floats(_ bytes: UnsafeRawBufferPointer, offset: Int, count: Int) -> [Float] {
        guard count > 0, let start = bytes.baseAddress else { return [] }
        let base = start + offset
        return [Float](unsafeUninitializedCapacity: count) { out, initialized in
            switch self {
            case .f32:
                for i in 0..<count { out[i] = Float(bitPattern: UInt32(littleEndian: base.loadUnaligned(fromByteOffset: i &* 4, as: UInt32.self))) }
            case .f64:
                for i in 0..<count { out[i] = Float(Double(bitPattern: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i &* 8, as: UInt64.self)))) }
            case .f16:
                for i in 0..<count { out[i] = SafetensorsDType.halfToFloat(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: i &* 2, as: UInt16.self))) }
            case .bf16:
                for i in 0..<count { out[i] = Float(bitPattern: UInt32(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: i &* 2, as: UInt16.self))) << 16) }
            default:
                for i in 0..<count { out[i] = .nan }
            }
            initialized = count
        }
    }

    /// IEEE 754 binary16 to binary32 (exact: every half is a float), subnormals, ±∞ and NaN included.
    static func halfToFloat(_ bits: UInt16) -> Float {
        let sign = UInt32(bits & 0x8000) << 16
        let exponent = UInt32(bits >> 10) & 0x1F
        var mantissa = UInt32(bits & 0x03FF)
        switch exponent {
        case 0:
            guard mantissa != 0 else { return Float(bitPattern: sign) }
            // Subnormal: normalise into a Float exponent.
            var e: UInt32 = 127 - 15 + 1
            while mantissa & 0x0400 == 0 { mantissa <<= 1; e -= 1 }
            return Float(bitPattern: sign | e << 23 | (mantissa & 0x03FF) << 13)
        case 0x1F:
            return Float(bitPattern: sign | 0x7F80_0000 | mantissa << 13)
        default:
            return Float(bitPattern: sign | (exponent + 127 - 15) << 23 | mantissa << 13)
        }
    }
}
