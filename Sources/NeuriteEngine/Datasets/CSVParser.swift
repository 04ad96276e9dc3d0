/// One CSV record: its fields and the 1-based line of the source on which it starts.
struct CSVRecord: Equatable {
    var fields: [String]
    var line: Int
}

/// Splits CSV bytes into records per RFC 4180: fields separated by a delimiter (`,` by default),
/// records by LF, CRLF or CR; a field in double quotes may hold delimiters, line breaks and doubled
/// quotes (`""` is one `"`).
///
/// Leniencies: a UTF-8 byte-order mark is skipped; spaces and tabs around a field are trimmed (unless
/// the field is quoted, or they are the delimiter); blank lines are skipped.
/// Strict: a quote inside an unquoted field, text after a closing quote, a NUL byte and invalid UTF-8
/// are errors naming the line and the column (1-based field number, and its header name when known).
/// `shouldStop` is polled every 64 KiB; when it returns true the scan ends with ``DatasetError/interrupted(source:)``.
enum CSVParser {
    static let comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";"), tab = UInt8(ascii: "\t")

    static func records(_ text: String, source: String, delimiter: UInt8 = comma) throws -> [CSVRecord] {
        try records(bytes: Array(text.utf8), source: source, delimiter: delimiter, shouldStop: { false })
    }

    /// How many bytes are scanned between two polls of `shouldStop`.
    static let pollInterval = 1 << 16

    static func records(bytes: [UInt8], source: String, delimiter: UInt8, shouldStop: () -> Bool) throws -> [CSVRecord] {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var scanner = Scanner(source: source)
        var index = start
        var nextPoll = start
        while index < bytes.count {
            if index >= nextPoll {
                if shouldStop() { throw DatasetError.interrupted(source: source) }
                nextPoll = index + pollInterval
            }
            let byte = bytes[index]
            let next: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
            index += 1
            if byte == 0 { throw scanner.error("a NUL byte (0x00)") }
            switch scanner.state {
            case .quoted:
                if byte == quote {
                    if next == quote { scanner.field.append(quote); index += 1 } else { scanner.state = .afterQuote }
                } else {
                    if byte == newline || (byte == carriageReturn && next != newline) { scanner.line += 1 }
                    scanner.field.append(byte)
                }
                continue
            case .afterQuote:
                if byte == delimiter || byte == newline || byte == carriageReturn { break }
                if isBlank(byte) { continue }
                throw scanner.error("text after the closing quote (a quote inside a quoted field is written \"\")")
            case .unquoted:
                break
            }
            switch byte {
            case delimiter:
                try scanner.endField()
            case quote where scanner.field.allSatisfy(isBlank) && !scanner.fieldWasQuoted:
                scanner.field.removeAll()
                scanner.state = .quoted
                scanner.fieldWasQuoted = true
                scanner.fieldLine = scanner.line
            case quote:
                throw scanner.error("a quote inside an unquoted field (quote the whole field and write the quote as \"\")")
            case carriageReturn:
                if next == newline { index += 1 }
                try scanner.endRecord()
                scanner.line += 1
            case newline:
                try scanner.endRecord()
                scanner.line += 1
            default:
                scanner.field.append(byte)
            }
        }
        if scanner.state == .quoted { throw DatasetError.unterminatedQuote(source: source, line: scanner.fieldLine) }
        try scanner.endRecord()
        return scanner.records
    }

    /// The delimiter of the first line (outside quotes): the most frequent of `,`, `;` and tab,
    /// a comma on a tie or when there is none.
    static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [comma: 0, semicolon: 0, tab: 0]
        var inQuotes = false
        for byte in bytes {
            if byte == quote { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if byte == newline || byte == carriageReturn {
                if counts.values.contains(where: { $0 > 0 }) { break } else { continue }
            }
            counts[byte]? += 1
        }
        return [comma, semicolon, tab].max { (counts[$0] ?? 0) < (counts[$1] ?? 0) } ?? comma
    }

    private static let quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// The state of the scan: the record and field being built.
    private struct Scanner {
        enum State { case unquoted, quoted, afterQuote }
        let source: String
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var fieldWasQuoted = false
        var state = State.unquoted
        /// The current line, the line the current record started on, and the line of the open quote.
        var line = 1
        var recordLine = 1
        var fieldLine = 1

        init(source: String) { self.source = source }

        /// An error at the current field: its line and 1-based column, with the header name when known.
        func error(_ reason: String) -> DatasetError {
            let column = fields.count + 1
            let name = records.first.flatMap { column <= $0.fields.count ? $0.fields[column - 1] : nil }
            return DatasetError.malformedField(source: source, line: line, column: column, name: name, reason: reason)
        }

        mutating func endField() throws {
            var bytes = field[...]
            if !fieldWasQuoted {
                while let first = bytes.first, isBlank(first) { bytes.removeFirst() }
                while let last = bytes.last, isBlank(last) { bytes.removeLast() }
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw error("invalid UTF-8")
            }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
            state = .unquoted
        }

        /// Ends the record; a blank line (one empty unquoted field) is dropped.
        mutating func endRecord() throws {
            let blank = fields.isEmpty && !fieldWasQuoted && field.allSatisfy(isBlank)
            if !blank {
                try endField()
                records.append(CSVRecord(fields: fields, line: recordLine))
            }
            fields.removeAll()
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
            state = .unquoted
            recordLine = line + 1
        }
    }
}
