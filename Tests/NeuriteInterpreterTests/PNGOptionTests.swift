import Foundation
import Testing

@testable import NeuriteInterpreter

/// `png:` on drawing commands: PNG files beside (or instead of) the SVG, numbered like `svg:`.
@Suite struct PNGOptionTests {
    /// Width and height from a PNG file's header, if it starts like a PNG.
    static func pngSize(_ path: String) -> (width: Int, height: Int)? {
        guard let data = FileManager.default.contents(atPath: path), data.count > 24 else { return nil }
        let bytes = [UInt8](data)
        guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR"
        else { return nil }
        func uint32(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (uint32(16), uint32(20))
    }

    @Test func pngFilesAreWrittenBesideTheSVG() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neurite-png-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (session, sink) = DrawingCommandTests.session()
        let output = DrawingCommandTests.run(
            """
            plot relu with svg: "\(folder.path)/relu.svg", png: "\(folder.path)/relu.png"
            bars [1], [2] with png: "\(folder.path)/b.png"
            heatmap [[1, 2], [3, 4]] with png: "\(folder.path)/noextension"
            """, in: session, sink: sink)
        #expect(output.contains("saved \(folder.path)/relu.svg\nsaved \(folder.path)/relu.png\n"))
        #expect(output.contains("saved \(folder.path)/b-1.png, \(folder.path)/b-2.png\n"))
        for name in ["relu.png", "b-1.png", "b-2.png", "noextension"] {
            let size = Self.pngSize(folder.appendingPathComponent(name).path)
            #expect(size?.width == 1280 && size?.height == 800, "\(name): \(String(describing: size))")
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("relu.svg").path))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(left.sorted() == ["b-1.png", "b-2.png", "noextension", "relu.png", "relu.svg"])
    }

    @Test func badPNGOptionsAreErrors() {
        let (session, sink) = DrawingCommandTests.session()
        _ = session.run("plot relu with png: \"/nonexistent-folder/x.png\"", fileName: "<test>", echo: .none)
        #expect(sink.errors.contains("cannot write '/nonexistent-folder/x.png'"))
        sink.clear()
        _ = session.run("plot relu with png: 3", fileName: "<test>", echo: .none)
        #expect(sink.errors.contains("'png' must be a file name such as \"plot.png\", got number"))
        sink.clear()
        _ = session.run("plot relu with pgn: \"x.png\"", fileName: "<test>", echo: .none)
        #expect(sink.errors.contains("did you mean 'png'?"))
    }
}
