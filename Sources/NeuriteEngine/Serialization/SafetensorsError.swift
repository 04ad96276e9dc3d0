/// Why a safetensors file or buffer was refused, or could not be written. Each case names the tensor
/// concerned where there is one, and renders as one line fit to show to a user.
public enum SafetensorsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Fewer than the 8 bytes of the header length.
    case tooShort(byteCount: Int)
    /// The header length is above ``SafetensorsArchive/maximumHeaderLength`` (checked before anything
    /// is allocated for it).
    case headerTooLarge(length: UInt64, limit: Int)
    /// The header length goes past the end of the buffer.
    case headerPastEnd(length: UInt64, available: Int)
    /// The header is not valid JSON (or not valid UTF-8).
    case headerNotJSON(JSONSyntaxError)
    /// The header is JSON but not an object.
    case headerNotObject(found: String)
    /// A name appears twice in the header.
    case duplicateName(String)
    /// `__metadata__` is not an object whose values are all strings.
    case invalidMetadata(reason: String)
    /// A tensor entry lacks a field or has one of the wrong type.
    case invalidEntry(tensor: String, reason: String)
    /// A dtype name the format does not define.
    case unknownDType(tensor: String, dtype: String)
    /// A dtype the format defines but Neurite does not read.
    case unsupportedDType(tensor: String, dtype: String)
    /// The product of the shape (times the element size) overflows.
    case shapeOverflow(tensor: String, shape: [Int])
    /// `data_offsets` is not `[begin, end]` with begin ≤ end.
    case invalidOffsets(tensor: String, begin: Int, end: Int)
    /// The offsets end past the data section.
    case offsetsOutOfRange(tensor: String, end: Int, dataLength: Int)
    /// The byte count of the offsets does not match dtype × shape.
    case sizeMismatch(tensor: String, dtype: String, shape: [Int], expectedBytes: Int, actualBytes: Int)
    /// A tensor's bytes overlap the previous tensor's (in offset order).
    case overlappingOffsets(tensor: String, previous: String)
    /// Bytes between two tensors (or before the first) belong to no tensor.
    case gapBeforeTensor(tensor: String, begin: Int, expected: Int)
    /// The tensors do not cover the data section up to its end.
    case incompleteBuffer(covered: Int, dataLength: Int)
    /// A tensor given to the writer is not valid (a reserved or repeated name, values not matching its shape, …).
    case invalidTensor(name: String, reason: String)
    /// The file could not be read or written.
    case io(path: String, reason: String)

    public var description: String {
        func shown(_ shape: [Int]) -> String { "[" + shape.map(String.init).joined(separator: ", ") + "]" }
        switch self {
        case let .tooShort(count):
            return "not a safetensors file: \(count) byte\(count == 1 ? "" : "s"), fewer than the 8 of the header length"
        case let .headerTooLarge(length, limit):
            return "not a safetensors file: the header length \(length) is above the limit of \(limit) bytes"
        case let .headerPastEnd(length, available):
            return "not a safetensors file: the header length \(length) goes past the end (\(available) bytes follow it)"
        case let .headerNotJSON(error):
            return "the safetensors header is not valid JSON: \(error)"
        case let .headerNotObject(found):
            return "the safetensors header is \(found), not a JSON object"
        case let .duplicateName(name):
            return "the safetensors header names '\(name)' twice"
        case let .invalidMetadata(reason):
            return "invalid safetensors __metadata__: \(reason)"
        case let .invalidEntry(tensor, reason):
            return "tensor '\(tensor)': \(reason)"
        case let .unknownDType(tensor, dtype):
            return "tensor '\(tensor)': unknown dtype '\(dtype)'"
        case let .unsupportedDType(tensor, dtype):
            return "tensor '\(tensor)': dtype \(dtype) is not supported (Neurite reads "
                + SafetensorsDType.readableNames.joined(separator: ", ") + ")"
        case let .shapeOverflow(tensor, shape):
            return "tensor '\(tensor)': shape \(shown(shape)) is too large"
        case let .invalidOffsets(tensor, begin, end):
            return "tensor '\(tensor)': data_offsets [\(begin), \(end)] end before they begin"
        case let .offsetsOutOfRange(tensor, end, dataLength):
            return "tensor '\(tensor)': data_offsets end at \(end), past the \(dataLength) bytes of data"
        case let .sizeMismatch(tensor, dtype, shape, expected, actual):
            return "tensor '\(tensor)': \(dtype) \(shown(shape)) needs \(expected) bytes, its data_offsets hold \(actual)"
        case let .overlappingOffsets(tensor, previous):
            return "tensor '\(tensor)': its data overlaps tensor '\(previous)'"
        case let .gapBeforeTensor(tensor, begin, expected):
            return "tensor '\(tensor)': its data begins at \(begin), leaving bytes \(expected)..<\(begin) unused"
        case let .incompleteBuffer(covered, dataLength):
            return "the tensors cover \(covered) of the \(dataLength) bytes of data"
        case let .invalidTensor(name, reason):
            return "cannot write tensor '\(name)': \(reason)"
        case let .io(path, reason):
            return "'\(path)': \(reason)"
        }
    }
}
