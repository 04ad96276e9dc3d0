import Foundation
import Testing
@testable import LineEditor

/// Inputs the history fuzz target found (Fuzz/Regressions/history): every entry read back from
/// them must survive an encode/decode round trip.
@Suite struct HistoryFuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/Regressions/history").path

    @Test func everyEntryOfEveryFindingRoundTrips() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let text = try String(decoding: Data(contentsOf: URL(fileURLWithPath: Self.folder + "/" + name)), as: UTF8.self)
            for entry in HistoryFileFormat.decode(text) {
                let back = HistoryFileFormat.decode(HistoryFileFormat.encode([entry]))
                #expect(back == [entry], "\(name): \(Array(entry.unicodeScalars.map(\.value))) came back as \(back.map { Array($0.unicodeScalars.map(\.value)) })")
            }
        }
    }
}
