import Foundation
import NeuritePixels
import Testing

@testable import NeuriteInterpreter

/// Plots as terminal pictures when the session's options say so: the same layout as the text,
/// in the cells the text would take.
@Suite struct ImageOutputTests {
    static let cell = CellSize(width: 8, height: 16)!

    static func session(_ imageProtocol: TerminalImageProtocol?, width: Int = 80) -> (Session, CapturingSink) {
        let sink = CapturingSink()
        let options = SessionOptions(
            color: true, terminalWidth: width, terminalHeight: 24,
            images: imageProtocol.map { TerminalImageSettings(imageProtocol: $0, cell: cell) })
        return (Session(options: options, output: sink, interrupt: InterruptFlag()), sink)
    }

    /// The PNG pictures carried by kitty escapes in `text` (one per picture), as (width, height).
    static func kittyPictureSizes(_ text: String) -> [(width: Int, height: Int)] {
        var sizes: [(Int, Int)] = []
        var payload = ""
        for escape in text.components(separatedBy: "\u{1B}_G").dropFirst() {
            guard let semicolon = escape.firstIndex(of: ";"), let end = escape.range(of: "\u{1B}\\") else { continue }
            payload += escape[escape.index(after: semicolon)..<end.lowerBound]
            guard escape[..<semicolon].contains("m=0") else { continue }
            if let png = Data(base64Encoded: payload), png.count > 24 {
                let bytes = [UInt8](png)
                func uint32(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
                sizes.append((uint32(16), uint32(20)))
            }
            payload = ""
        }
        return sizes
    }

    static func lineCount(_ text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    }

    @Test func aPlotIsOnePictureInTheTextsCells() throws {
        let (textSession, textSink) = Self.session(nil)
        #expect(textSession.run("plot relu, tanh over -3..3 with height: 12", fileName: "<t>", echo: .none) == .success)
        let textLines = Self.lineCount(textSink.output)
        let (session, sink) = Self.session(.kitty)
        #expect(session.run("plot relu, tanh over -3..3 with height: 12", fileName: "<t>", echo: .none) == .success)
        let output = sink.output
        #expect(!output.unicodeScalars.contains { (0x2800...0x28FF).contains($0.value) }, "no braille")
        let sizes = Self.kittyPictureSizes(output)
        try #require(sizes.count == 1)
        #expect(sizes[0].width == 80 * 8)
        #expect(sizes[0].height == textLines * 16, "\(textLines) rows of text")
        #expect(output.contains("c=80,r=\(textLines),"))
    }

    @Test func sideBySidePlotsShareOnePicturePerRow() throws {
        let (session, sink) = Self.session(.kitty, width: 100)
        #expect(session.run("bars [1, 2], [3, 1]", fileName: "<t>", echo: .none) == .success)
        let sizes = Self.kittyPictureSizes(sink.output)
        // Two plots of 49 columns and a gap of 2: one picture 100 columns wide.
        #expect(sizes.count == 1)
        #expect(sizes.first?.width == 100 * 8)
        #expect((sizes.first?.height ?? 0) >= TerminalImageSettings.minimumHeight)
    }

    @Test func sixelAndITermToo() throws {
        for (imageProtocol, prefix) in [(TerminalImageProtocol.sixel, "\u{1B}P"), (.iterm, "\u{1B}]1337;File=")] {
            let (session, sink) = Self.session(imageProtocol)
            #expect(session.run("heatmap [[1, 2], [3, 4]]", fileName: "<t>", echo: .none) == .success)
            #expect(sink.output.hasPrefix(prefix), "\(imageProtocol)")
            #expect(sink.output.hasSuffix("\n"))
        }
    }

    /// `svg:`/`png:` files and the messages about them are the same with pictures on screen.
    @Test func filesAreStillWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neurite-img-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (session, sink) = Self.session(.kitty)
        let path = folder.appendingPathComponent("r.png").path
        #expect(session.run("plot relu with png: \"\(path)\"", fileName: "<t>", echo: .none) == .success)
        #expect(sink.output.hasSuffix("saved \(path)\n"))
        #expect(FileManager.default.fileExists(atPath: path))
    }

    /// A dataset's summary table stays text; its histograms become a picture.
    @Test func showMixesTablesAndPictures() throws {
        let (session, sink) = Self.session(.kitty)
        #expect(session.run("show blobs(n: 60, seed: 1, centers: 3, dims: 3)", fileName: "<t>", echo: .none) == .success,
                "\(sink.errors)")
        #expect(sink.output.contains("\u{1B}_Ga=T"))
        #expect(sink.output.first != "\u{1B}")
    }
}
