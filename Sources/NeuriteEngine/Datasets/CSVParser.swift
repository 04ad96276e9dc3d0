/// One CSV record: its fields and the 1-based line of the source on which it starts.
struct CSVRecord: Equatable {
    var fields: [String]
    var line: Int
}

/// Splits CSV text into records per RFC 4180: fields separated by commas, records by LF, CRLF or CR;
/// a field in double quotes may hold commas, line breaks and doubled quotes (`""` is one `"`).
///
/// Leniencies: a UTF-8 byte-order mark is skipped; spaces and tabs around an unquoted field are trimmed;
/// blank lines are skipped; a quote inside an unquoted field, or text after a closing quote, is kept as is.
enum CSVParser {
    static func records(_ text: String, source: String) throws -> [CSVRecord] {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var scanner = Scanner()
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let next: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
            index += 1
            if scanner.inQuotes {
                if byte == quote {
                    if next == quote { scanner.field.append(quote); index += 1 } else { scanner.inQuotes = false }
                } else {
                    if byte == newline || (byte == carriageReturn && next != newline) { scanner.line += 1 }
                    scanner.field.append(byte)
                }
                continue
            }
            switch byte {
            case quote where scanner.field.allSatisfy(isBlank) && !scanner.fieldWasQuoted:
                scanner.field.removeAll()
                scanner.inQuotes = true
                scanner.fieldWasQuoted = true
            case comma:
                scanner.endField()
            case carriageReturn:
                if next == newline { index += 1 }
                scanner.endRecord()
                scanner.line += 1
            case newline:
                scanner.endRecord()
                scanner.line += 1
            default:
                scanner.field.append(byte)
            }
        }
        if scanner.inQuotes { throw DatasetError.unterminatedQuote(source: source, line: scanner.recordLine) }
        scanner.endRecord()
        return scanner.records
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// The state of the scan: the record and field being built.
    private struct Scanner {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var fieldWasQuoted = false
        var inQuotes = false
        /// The current line, and the line the current record started on.
        var line = 1
        var recordLine = 1

        mutating func endField() {
            var bytes = field[...]
            if !fieldWasQuoted {
                while let first = bytes.first, isBlank(first) { bytes.removeFirst() }
                while let last = bytes.last, isBlank(last) { bytes.removeLast() }
            }
            fields.append(String(decoding: bytes, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }

        /// Ends the record; a blank line (one empty unquoted field) is dropped.
        mutating func endRecord() {
            let blank = fields.isEmpty && !fieldWasQuoted && field.allSatisfy(isBlank)
            if !blank {
                endField()
                records.append(CSVRecord(fields: fields, line: recordLine))
            }
            fields.removeAll()
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
            recordLine = line + 1
        }
    }
}
