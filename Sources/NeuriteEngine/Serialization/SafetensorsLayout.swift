/// The validated header of a safetensors buffer: where each tensor's bytes are, and the metadata.
struct SafetensorsLayout {
    struct Entry {
        var name: String
        var dtype: SafetensorsDType
        var shape: [Int]
        var elementCount: Int
        /// Byte offsets into the data section.
        var begin: Int
        var end: Int
    }

    /// The tensors in data order.
    var entries: [Entry]
    var metadata: [String: String]
    /// The offset of the data section in the file (8 + the header length).
    var dataStart: Int

    /// The header length from the first 8 bytes, checked against the limit first and then against the
    /// `totalLength` of the file, so that a gigantic length is refused before anything is allocated.
    static func headerLength(_ prefix: [UInt8], totalLength: Int) -> Result<Int, SafetensorsError> {
        guard prefix.count >= 8, totalLength >= 8 else { return .failure(.tooShort(byteCount: totalLength)) }
        var length: UInt64 = 0
        for index in (0..<8).reversed() { length = length << 8 | UInt64(prefix[index]) }
        guard length <= UInt64(SafetensorsArchive.maximumHeaderLength) else {
            return .failure(.headerTooLarge(length: length, limit: SafetensorsArchive.maximumHeaderLength))
        }
        guard length <= UInt64(totalLength - 8) else {
            return .failure(.headerPastEnd(length: length, available: totalLength - 8))
        }
        return .success(Int(length))
    }

    /// Parses and validates the header at the start of `prefix` for a file of `totalLength` bytes
    /// (`prefix` holds at least the length and the header).
    static func header(prefix: [UInt8], totalLength: Int) throws(SafetensorsError) -> SafetensorsLayout {
        let length = try headerLength(prefix, totalLength: totalLength).get()
        let json: JSONValue
        do {
            json = try JSONParser.parse(prefix, range: 8..<(8 + length))
        } catch {
            throw SafetensorsError.headerNotJSON(JSONSyntaxError(reason: error.reason, offset: error.offset - 8))
        }
        guard let members = json.members else { throw SafetensorsError.headerNotObject(found: json.typeName) }
        var seen = Set<String>()
        var metadata: [String: String] = [:]
        var entries: [Entry] = []
        for (name, value) in members {
            guard seen.insert(name).inserted else { throw SafetensorsError.duplicateName(name) }
            if name == SafetensorsArchive.metadataKey {
                metadata = try parseMetadata(value)
            } else {
                entries.append(try parseEntry(name, value))
            }
        }
        let dataLength = totalLength - 8 - length
        entries.sort { ($0.begin, $0.end, $0.name) < ($1.begin, $1.end, $1.name) }
        var expected = 0
        var previous: String?
        for entry in entries {
            guard entry.begin <= entry.end else {
                throw SafetensorsError.invalidOffsets(tensor: entry.name, begin: entry.begin, end: entry.end)
            }
            guard entry.end <= dataLength else {
                throw SafetensorsError.offsetsOutOfRange(tensor: entry.name, end: entry.end, dataLength: dataLength)
            }
            if entry.begin < expected, let previous {
                throw SafetensorsError.overlappingOffsets(tensor: entry.name, previous: previous)
            }
            guard entry.begin == expected else {
                throw SafetensorsError.gapBeforeTensor(tensor: entry.name, begin: entry.begin, expected: expected)
            }
            let (bytes, overflow) = entry.elementCount.multipliedReportingOverflow(by: entry.dtype.size)
            guard !overflow else { throw SafetensorsError.shapeOverflow(tensor: entry.name, shape: entry.shape) }
            guard bytes == entry.end - entry.begin else {
                throw SafetensorsError.sizeMismatch(
                    tensor: entry.name, dtype: entry.dtype.rawValue, shape: entry.shape,
                    expectedBytes: bytes, actualBytes: entry.end - entry.begin)
            }
            guard entry.dtype.isReadable else {
                throw SafetensorsError.unsupportedDType(tensor: entry.name, dtype: entry.dtype.rawValue)
            }
            expected = entry.end
            previous = entry.name
        }
        guard expected == dataLength else { throw SafetensorsError.incompleteBuffer(covered: expected, dataLength: dataLength) }
        return SafetensorsLayout(entries: entries, metadata: metadata, dataStart: 8 + length)
    }

    /// The number of elements of `shape`, or nil if a dimension is negative or the product overflows.
    static func elementCount(_ shape: [Int]) -> Int? {
        var count = 1
        for dimension in shape {
            guard dimension >= 0 else { return nil }
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            guard !overflow else { return nil }
            count = product
        }
        return count
    }

    private static func parseMetadata(_ value: JSONValue) throws(SafetensorsError) -> [String: String] {
        guard let members = value.members else {
            throw SafetensorsError.invalidMetadata(reason: "it is \(value.typeName), not an object of strings")
        }
        var metadata: [String: String] = [:]
        for (key, item) in members {
            guard let text = item.string else {
                throw SafetensorsError.invalidMetadata(reason: "'\(key)' is \(item.typeName), not a string")
            }
            guard metadata.updateValue(text, forKey: key) == nil else {
                throw SafetensorsError.invalidMetadata(reason: "'\(key)' appears twice")
            }
        }
        return metadata
    }

    private static func parseEntry(_ name: String, _ value: JSONValue) throws(SafetensorsError) -> Entry {
        func bad(_ reason: String) -> SafetensorsError { .invalidEntry(tensor: name, reason: reason) }
        guard let members = value.members else { throw bad("the entry is \(value.typeName), not an object") }
        var fields: [String: JSONValue] = [:]
        for (key, item) in members {
            guard fields.updateValue(item, forKey: key) == nil else { throw bad("'\(key)' appears twice") }
        }
        guard let dtypeValue = fields["dtype"] else { throw bad("no dtype") }
        guard let dtypeName = dtypeValue.string else { throw bad("dtype is \(dtypeValue.typeName), not a string") }
        guard let dtype = SafetensorsDType(rawValue: dtypeName) else {
            throw SafetensorsError.unknownDType(tensor: name, dtype: dtypeName)
        }
        guard let shapeValue = fields["shape"] else { throw bad("no shape") }
        guard case .array(let dimensions) = shapeValue else { throw bad("shape is \(shapeValue.typeName), not an array") }
        var shape: [Int] = []
        for dimension in dimensions {
            guard let size = dimension.integer, size >= 0 else {
                throw bad("shape holds \(dimension.serialized), not a whole number ≥ 0")
            }
            shape.append(size)
        }
        guard let count = elementCount(shape) else { throw SafetensorsError.shapeOverflow(tensor: name, shape: shape) }
        guard let offsetsValue = fields["data_offsets"] else { throw bad("no data_offsets") }
        guard case .array(let offsets) = offsetsValue, offsets.count == 2 else {
            throw bad("data_offsets is \(offsetsValue.serialized.prefix(40)), not [begin, end]")
        }
        guard let begin = offsets[0].integer, let end = offsets[1].integer, begin >= 0, end >= 0 else {
            throw bad("data_offsets \(offsetsValue.serialized.prefix(60)) are not whole numbers ≥ 0 that fit 64 bits")
        }
        return Entry(name: name, dtype: dtype, shape: shape, elementCount: count, begin: begin, end: end)
    }
}
