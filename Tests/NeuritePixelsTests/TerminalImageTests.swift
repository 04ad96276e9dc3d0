import Foundation
import NeuritePlot
import Testing

@testable import NeuritePixels

/// The escape sequences for kitty, iTerm2 and sixel terminals, decoded back into pictures (base64
/// PNG for kitty and iTerm2, `sixel2png` for sixel) and checked against the plots' SVG.
@Suite struct TerminalImageTests {
    static let cell = CellSize(width: 8, height: 16)!

    /// The kitty escapes in `text`: each one's control keys and payload.
    static func kittyChunks(_ text: String) -> [(control: [String: String], payload: String)] {
        var chunks: [(control: [String: String], payload: String)] = []
        var rest = Substring(text)
        while let start = rest.range(of: "\u{1B}_G"), let end = rest.range(of: "\u{1B}\\", range: start.upperBound..<rest.endIndex) {
            let body = rest[start.upperBound..<end.lowerBound]
            let parts = body.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
            var control: [String: String] = [:]
            for pair in parts[0].split(separator: ",") {
                let keyValue = pair.split(separator: "=", maxSplits: 1)
                if keyValue.count == 2 { control[String(keyValue[0])] = String(keyValue[1]) }
            }
            chunks.append((control, parts.count > 1 ? String(parts[1]) : ""))
            rest = rest[end.upperBound...]
        }
        return chunks
    }

    @Test func kittyCarriesTheSVGAsPNGInChunks() throws {
        let settings = TerminalImageSettings(imageProtocol: .kitty, cell: Self.cell)
        let text = try settings.sequence(showing: [PlotSamples.heatmap], plotColumns: 80, gapColumns: 2, rows: 24)
        #expect(text.hasSuffix("\u{1B}\\\n"))
        let chunks = Self.kittyChunks(text)
        #expect(chunks.count > 1, "a 640×384 picture needs several chunks")
        let first = try #require(chunks.first)
        #expect(first.control["a"] == "T" && first.control["f"] == "100" && first.control["q"] == "2")
        #expect(first.control["c"] == "80" && first.control["r"] == "24")
        for (index, chunk) in chunks.enumerated() {
            #expect(chunk.payload.utf8.count <= 4096)
            #expect(chunk.control["m"] == (index == chunks.count - 1 ? "0" : "1"))
            if index > 0 { #expect(chunk.control.keys.sorted() == ["m"]) }
        }
        #expect(chunks.dropLast().allSatisfy { $0.payload.utf8.count == 4096 })
        let png = try #require(Data(base64Encoded: chunks.map(\.payload).joined()))
        let file = try PNGFile([UInt8](png))
        #expect(file.width == 640 && file.height == 384)
        let image = try DecodedImage(png: [UInt8](png))
        let agreement = try Agreement(svg: renderSVG(PlotSamples.heatmap, width: 640, height: 384), image: image, tolerance: 6)
        #expect(agreement.checked >= 16 && agreement.fraction >= 0.98, "\(agreement)")
    }

    @Test func smallKittyPictureIsOneChunk() {
        let text = TerminalImageEncoding.kitty(png: [1, 2, 3], columns: 3, rows: 2)
        #expect(text == "\u{1B}_Ga=T,f=100,q=2,c=3,r=2,m=0;AQID\u{1B}\\\n")
    }

    @Test func itermCarriesTheSVGAsPNG() throws {
        let settings = TerminalImageSettings(imageProtocol: .iterm, cell: Self.cell)
        let text = try settings.sequence(
            showing: [PlotSamples.functions, PlotSamples.bars], plotColumns: 40, gapColumns: 2, rows: 12)
        let prefix = "\u{1B}]1337;File=inline=1;"
        #expect(text.hasPrefix(prefix) && text.hasSuffix("\u{07}\n"))
        let body = text.dropFirst(prefix.count).dropLast(2)
        let parts = body.split(separator: ":", maxSplits: 1)
        try #require(parts.count == 2)
        var arguments: [String: String] = [:]
        for pair in parts[0].split(separator: ";") {
            let keyValue = pair.split(separator: "=", maxSplits: 1)
            arguments[String(keyValue[0])] = String(keyValue[1])
        }
        #expect(arguments["width"] == "82" && arguments["height"] == "12")
        let png = try #require(Data(base64Encoded: String(parts[1])))
        #expect(arguments["size"] == String(png.count))
        let image = try DecodedImage(png: [UInt8](png))
        #expect(image.width == 82 * 8 && image.height == 12 * 16)
        let left = try Agreement(svg: renderSVG(PlotSamples.functions, width: 320, height: 192), image: image, tolerance: 6)
        let right = try Agreement(
            svg: renderSVG(PlotSamples.bars, width: 320, height: 192), image: image, origin: (336, 0), tolerance: 6)
        #expect(left.checked > 0 && left.fraction >= 0.98, "\(left)")
        #expect(right.checked > 0 && right.fraction >= 0.98, "\(right)")
    }

    @Test(arguments: ["heatmap", "regions", "functions"])
    func sixelDecodesToThePicture(name: String) throws {
        let plot = try #require(PlotSamples.all.first { $0.name == name }?.plot)
        let settings = TerminalImageSettings(imageProtocol: .sixel, cell: Self.cell)
        let text = try settings.sequence(showing: [plot], plotColumns: 60, gapColumns: 2, rows: 20)
        #expect(text.hasPrefix("\u{1B}P") && text.hasSuffix("\u{1B}\\\n"))
        #expect(text.utf8.allSatisfy { $0 == 0x1B || $0 == 0x0A || (0x20..<0x7F).contains($0) })
        let folder = NSTemporaryDirectory() + "neurite-sixel-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/plot.six"))
        try ExternalTool.run("sixel2png", ["-i", folder + "/plot.six", "-o", folder + "/plot.png"])
        let image = try DecodedImage(pngFile: folder + "/plot.png")
        #expect(image.width == 480 && image.height == 320)
        // A palette of at most 256 colours: close, not exact.
        let agreement = try Agreement(svg: renderSVG(plot, width: 480, height: 320), image: image, tolerance: 20)
        #expect(agreement.checked >= 16 && agreement.fraction >= 0.95, "\(agreement)")
        #expect(image.inkFraction > 0.05)
    }

    @Test func oversizedPicturesAreRefused() {
        let settings = TerminalImageSettings(imageProtocol: .kitty, cell: CellSize(width: 20, height: 40)!)
        #expect(throws: PixelError.self) {
            _ = try settings.sequence(showing: [PlotSamples.bars], plotColumns: 400, gapColumns: 2, rows: 20)
        }
    }

    @Test(arguments: [(0, 16), (8, 1), (201, 10), (-3, -3)])
    func implausibleCellsAreRejected(width: Int, height: Int) {
        #expect(CellSize(width: width, height: height) == nil)
    }
}
