/// One named tensor of a safetensors file, as Float32 values.
public struct SafetensorsTensor: Sendable, Equatable {
    public var name: String
    /// The extent of each dimension, outermost first (`[]` for a scalar).
    public var shape: [Int]
    /// The values, row-major (the product of `shape` of them).
    public var values: [Float]
    /// The element type the values were stored as (F32 for tensors made here; the writer always writes F32).
    public var storedDType: SafetensorsDType

    public init(name: String, shape: [Int], values: [Float], storedDType: SafetensorsDType = .f32) {
        self.name = name
        self.shape = shape
        self.values = values
        self.storedDType = storedDType
    }
}

/// The contents of a safetensors file: named tensors and a string-to-string metadata map.
///
/// The format (Hugging Face's `safetensors`): an 8-byte little-endian header length N, N bytes of
/// UTF-8 JSON mapping each tensor name to `{"dtype", "shape", "data_offsets": [begin, end]}` (byte
/// offsets into the data section) plus an optional `"__metadata__"` object of strings, then the data
/// section of raw little-endian values. Reading checks what the reference implementation checks: the
/// header length against a limit and against the buffer *before* allocating anything for it, strict
/// JSON, every entry's types, dtype × shape against its offsets, offsets in range, contiguous and not
/// overlapping, and the data section covered to its last byte.
public struct SafetensorsArchive: Sendable, Equatable {
    /// The longest header accepted, in bytes (the reference implementation's limit).
    public static let maximumHeaderLength = 100_000_000
    /// The name of the metadata entry in the header.
    public static let metadataKey = "__metadata__"

    /// The tensors, in the order of their data in the file (the writer writes them in this order).
    public var tensors: [SafetensorsTensor]
    public var metadata: [String: String]

    public init(tensors: [SafetensorsTensor], metadata: [String: String] = [:]) {
        self.tensors = tensors
        self.metadata = metadata
    }

    /// The tensor called `name`, if there is one.
    public func tensor(named name: String) -> SafetensorsTensor? {
        tensors.first { $0.name == name }
    }
}

// MARK: - Reading

extension SafetensorsArchive {
    /// Reads a whole safetensors file held in memory. F16, BF16 and F64 values are rounded to Float32;
    /// any other dtype is refused, naming the tensor.
    public init(bytes: [UInt8]) throws(SafetensorsError) {
        let layout = try SafetensorsLayout.header(prefix: bytes, totalLength: bytes.count)
        let dataStart = layout.dataStart
        var tensors: [SafetensorsTensor] = []
        tensors.reserveCapacity(layout.entries.count)
        bytes.withUnsafeBytes { raw in
            for entry in layout.entries {
                let values = entry.dtype.floats(raw, offset: dataStart + entry.begin, count: entry.elementCount)
                tensors.append(SafetensorsTensor(name: entry.name, shape: entry.shape, values: values, storedDType: entry.dtype))
            }
        }
        self.init(tensors: tensors, metadata: layout.metadata)
    }

    /// Reads a safetensors file. Only the 8-byte length is read before the header is checked, and the
    /// data only after the whole header has been validated against the file's size.
    public init(contentsOfFile path: String) throws(SafetensorsError) {
        let file = try ReadableFile(path: path)
        defer { file.close() }
        let size = file.size
        let lengthBytes = try file.read(offset: 0, count: Swift.min(size, 8))
        let headerEnd: Int
        switch SafetensorsLayout.headerLength(lengthBytes, totalLength: size) {
        case .failure(let error): throw error
        case .success(let length): headerEnd = 8 + length
        }
        let prefix = try file.read(offset: 0, count: headerEnd)
        let layout = try SafetensorsLayout.header(prefix: prefix, totalLength: size)
        let data = try file.read(offset: headerEnd, count: size - headerEnd)
        var tensors: [SafetensorsTensor] = []
        data.withUnsafeBytes { raw in
            for entry in layout.entries {
                let values = entry.dtype.floats(raw, offset: entry.begin, count: entry.elementCount)
                tensors.append(SafetensorsTensor(name: entry.name, shape: entry.shape, values: values, storedDType: entry.dtype))
            }
        }
        self.init(tensors: tensors, metadata: layout.metadata)
    }
}

// MARK: - Writing

extension SafetensorsArchive {
    /// The file's bytes: every tensor as F32, in order, after a header padded with spaces so that the
    /// data begins at a multiple of 8 bytes. Throws on an empty, reserved or repeated name, a negative
    /// dimension, or values that do not match the shape.
    public func encoded() throws(SafetensorsError) -> [UInt8] {
        var members: [(String, JSONValue)] = []
        if !metadata.isEmpty {
            let sorted = metadata.keys.sorted().map { ($0, JSONValue.string(metadata[$0] ?? "")) }
            members.append((SafetensorsArchive.metadataKey, .object(sorted)))
        }
        var names = Set<String>()
        var offset = 0
        for tensor in tensors {
            guard tensor.name != SafetensorsArchive.metadataKey else {
                throw SafetensorsError.invalidTensor(name: tensor.name, reason: "the name is reserved for metadata")
            }
            guard names.insert(tensor.name).inserted else {
                throw SafetensorsError.invalidTensor(name: tensor.name, reason: "the name is used twice")
            }
            guard let count = SafetensorsLayout.elementCount(tensor.shape) else {
                throw SafetensorsError.invalidTensor(name: tensor.name, reason: "shape \(tensor.shape) is negative or too large")
            }
            guard count == tensor.values.count else {
                throw SafetensorsError.invalidTensor(
                    name: tensor.name, reason: "shape \(tensor.shape) needs \(count) values, got \(tensor.values.count)")
            }
            let end = offset + count * 4
            members.append((tensor.name, .object([
                ("dtype", .string(SafetensorsDType.f32.rawValue)),
                ("shape", .array(tensor.shape.map(JSONValue.integer))),
                ("data_offsets", .array([.integer(offset), .integer(end)])),
            ])))
            offset = end
        }
        var header = Array(JSONValue.object(members).serialized.utf8)
        while header.count % 8 != 0 { header.append(UInt8(ascii: " ")) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 + header.count + offset)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: header)
        for tensor in tensors {
            for value in tensor.values {
                withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
            }
        }
        return bytes
    }

    /// Writes ``encoded()`` to `path`, replacing the file atomically (a temporary file beside it, then a rename).
    public func write(toFile path: String) throws(SafetensorsError) {
        try FileWriting.writeAtomically(try encoded(), to: path)
    }
}
