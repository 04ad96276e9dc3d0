import Foundation
import Testing
@testable import NeuriteEngine

/// Seeded property tests of the CSV reader: encoding random tables per RFC 4180 and parsing them back
/// gives the same fields and start lines; random junk gives a value or a ``DatasetError``, never a trap.
@Suite struct DatasetsCSVPropertyTests {
    static let alphabet: [String] = ["a", "b", " ", ",", "\"", "\n", "\r", "\r\n", "1", "é", "\t"]

    static func randomField(_ generator: inout SeededGenerator) -> String {
        (0..<generator.nextIndex(below: 6)).map { _ in alphabet[generator.nextIndex(below: alphabet.count)] }.joined()
    }

    /// Quotes a field when RFC 4180 requires it, or when trimming or blank-line skipping would change it.
    static func encode(_ field: String, alone: Bool) -> String {
        let special = field.utf8.contains { [UInt8(ascii: ","), UInt8(ascii: "\""), 10, 13].contains($0) }
        let padded = field.first.map { $0 == " " || $0 == "\t" } == true || field.last.map { $0 == " " || $0 == "\t" } == true
        guard special || padded || (alone && field.isEmpty) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Line breaks in UTF-8 text: CRLF, lone CR and LF each count once.
    static func lineBreaks(_ text: String) -> Int {
        let bytes = Array(text.utf8)
        return bytes.indices.filter { index in
            bytes[index] == 10 || (bytes[index] == 13 && (index + 1 == bytes.count || bytes[index + 1] != 10))
        }.count
    }

    @Test func encodedTablesParseBackExactly() throws {
        var generator = SeededGenerator(seed: 2024)
        for _ in 0..<300 {
            let width = 1 + generator.nextIndex(below: 4)
            let table = (0..<(1 + generator.nextIndex(below: 4))).map { _ in
                (0..<width).map { _ in Self.randomField(&generator) }
            }
            var text = "", expected: [CSVRecord] = []
            for row in table {
                expected.append(CSVRecord(fields: row, line: Self.lineBreaks(text) + 1))
                text += row.map { Self.encode($0, alone: width == 1) }.joined(separator: ",")
                text += generator.nextIndex(below: 2) == 0 ? "\n" : "\r\n"
            }
            let records = try CSVParser.records(text, source: "t")
            #expect(records == expected, "text: \(text.debugDescription)")
        }
    }

    @Test func randomJunkNeverTraps() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<2000 {
            let text = (0..<generator.nextIndex(below: 30)).map { _ in
                Self.alphabet[generator.nextIndex(below: Self.alphabet.count)]
            }.joined()
            let task: DatasetTask = generator.nextIndex(below: 2) == 0 ? .classification : .regression
            do {
                let data = try Dataset.csv(text: text, options: CSVOptions(task: task))
                #expect(data.count > 0)
            } catch {
                #expect(error is DatasetError, "\(text.debugDescription): \(error)")
            }
        }
    }
}
