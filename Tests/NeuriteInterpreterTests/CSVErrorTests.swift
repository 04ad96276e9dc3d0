import Foundation
import Testing

/// `csv(…)` on malformed files written to a temporary folder: each error names the file, the line
/// and the column, and the session goes on.
@Suite struct CSVErrorTests {
    static let cases: [(name: String, text: String, message: String)] = [
        ("bad-number", "a,b,label\n1,2,x\n3,four,y\n", ":3: column 'b': 'four' is not a finite number"),
        ("empty-field", "a,b,label\n1,,x\n", ":2: column 'b': an empty value is not a finite number"),
        ("short-row", "a,b,label\n1,2,x\n3,4\n", ":3: expected 3 fields, got 2"),
        ("long-row", "a,b,label\n1,2,x,9\n", ":2: expected 3 fields, got 4"),
        ("unclosed-quote", "a,b,label\n1,2,\"x\n", ":2: a quoted field is never closed"),
        ("header-only", "a,b,label\n", ": no data rows after the header"),
        ("empty", "", ": the file is empty (a header row is needed)"),
        ("nan", "a,b,label\n1,nan,x\n", ":2: column 'b': 'nan' is not a finite number"),
        ("empty-label", "a,b,label\n1,2,x\n3,4,\n", ":3: column 'label': an empty label"),
        ("blank-label", "a,b,label\n1,2,  \n", ":2: column 'label': an empty label"),
        ("repeated-column", "a,a,label\n1,2,x\n", ": column 'a' appears twice in the header (columns 1 and 2)"),
    ]

    @Test(arguments: cases.map(\.name))
    func malformedFileNamesTheRowAndColumn(_ name: String) throws {
        let entry = try #require(Self.cases.first { $0.name == name })
        let folder = NSTemporaryDirectory() + "neurite-csv-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/\(name).csv"
        try entry.text.write(toFile: path, atomically: true, encoding: .utf8)
        let test = TestSession()
        let result = test.run("data d = csv(\"\(path)\", label: \"label\")")
        #expect(result.outcome == .failed)
        #expect(result.errors.contains("error: \(path)\(entry.message)"), "\(result.errors)")
        #expect(test.value("1 + 1") == "2")
    }

    @Test func wellFormedFileLoads() throws {
        let path = NSTemporaryDirectory() + "neurite-csv-\(UUID().uuidString).csv"
        try "a,b,label\n1,2,x\n\"3\",4,y\n5,6,x\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let test = TestSession()
        #expect(test.run("data d = csv(\"\(path)\", label: \"label\")").outcome == .success)
        #expect(test.value("d.count") == "3")
        #expect(test.value("d.labels") == "[0, 1, 0]")
        #expect(test.value("d.features[1]") == "[3, 4]")
    }
}
