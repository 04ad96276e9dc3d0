import Foundation
import Testing

@testable import NeuriteInterpreter

/// Plots drawn side by side for comparison share one scale, and every plot of a command reaches
/// its SVG file.
@Suite struct SideBySideComparisonTests {
    static let ring = "data ring = circle(n: 100, noise: 0.1, seed: 1)\n"

    /// Per line, the length in cells of each bar (█ and eighth blocks after a `┤`), left to right.
    static func barLengths(_ line: Substring) -> [Double] {
        let eighths: [Character: Double] = ["▏": 1, "▎": 2, "▍": 3, "▌": 4, "▋": 5, "▊": 6, "▉": 7]
        var lengths: [Double] = []
        var current: Double?
        for character in line {
            if character == "┤" {
                if let current { lengths.append(current) }
                current = 0
            } else if let length = current {
                if character == "█" { current = length + 1 } else if let eighth = eighths[character] {
                    current = length + eighth / 8
                } else {
                    lengths.append(length)
                    current = nil
                }
            }
        }
        if let current { lengths.append(current) }
        return lengths
    }

    /// The longest bar of each chart of a side-by-side block of two charts.
    static func longestBars(_ output: String) -> (left: Double, right: Double) {
        var left = 0.0, right = 0.0
        for line in output.split(separator: "\n") {
            let lengths = barLengths(line)
            if lengths.count == 2 {
                left = max(left, lengths[0])
                right = max(right, lengths[1])
            }
        }
        return (left, right)
    }

    @Test func deadUnitsSideBySideShareOneScale() {
        let (session, sink) = DrawingCommandTests.session(width: 100)
        // A bias of -30 outweighs any w·x on this data: every unit is dead, 8 of 8 and 4 of 4.
        let output = DrawingCommandTests.run(
            Self.ring + """
                model wide { input 2; dense 8, relu, bias: -30; dense 1, sigmoid }
                model narrow { input 2; dense 4, relu, bias: -30; dense 1, sigmoid }
                let runs = train wide, narrow on ring with epochs: 0
                dead runs on ring
                """, in: session, sink: sink)
        #expect(output.contains("8 of 8 dead") && output.contains("4 of 4 dead"))
        let bars = Self.longestBars(output)
        #expect(bars.left > 10)
        // 4 dead units are half the bar of 8, not a full bar of their own.
        #expect(abs(bars.right / bars.left - 0.5) < 0.1, "\(bars)\n\(output)")
    }

    @Test func fractionsAreDrawnAgainstOne() {
        let (session, sink) = DrawingCommandTests.session(width: 100)
        let output = DrawingCommandTests.run(
            Self.ring + """
                model healthy { input 2; dense 8, relu; dense 1, sigmoid }
                model killed { input 2; dense 8, relu, bias: -30; dense 1, sigmoid }
                let runs = train healthy, killed on ring with epochs: 0, seed: 1
                sparsity runs on ring
                """, in: session, sink: sink)
        let figure = DrawingCommandTests.figure(output, model: "healthy", layer: "1 relu").flatMap(Double.init)
        #expect(figure.map { $0 > 0.1 && $0 < 0.9 } == true, "\(output)")
        let bars = Self.longestBars(output)
        // killed: every output is an exact zero (a full bar, fraction 1); healthy's fraction is shorter.
        #expect(bars.right > 10)
        if let figure { #expect(abs(bars.left / bars.right - figure) < 0.05, "\(bars)\n\(output)") }
    }

    @Test func gradientBarsSideBySideShareOneScale() throws {
        let (session, sink) = DrawingCommandTests.session(width: 100)
        let output = DrawingCommandTests.run(
            Self.ring + """
                model deep(act) { input 2; repeat 4 { dense 8, act }; dense 1, sigmoid }
                let runs = train deep(sigmoid), deep(relu) on ring with epochs: 10, lr: 0.1, seed: 1
                print(max(runs[0].gradients[-1]), max(runs[1].gradients[-1]))
                gradients runs
                """, in: session, sink: sink)
        let maxima = try #require(output.split(separator: "\n").first).split(separator: " ").compactMap { Double($0) }
        try #require(maxima.count == 2)
        let bars = Self.longestBars(String(output.split(separator: "\n\n").first ?? ""))
        let ratio = min(maxima[0], maxima[1]) / max(maxima[0], maxima[1])
        #expect(ratio < 0.9, "the runs' largest norms should differ for this test: \(maxima)")
        #expect(abs(min(bars.left, bars.right) / max(bars.left, bars.right) - ratio) < 0.05, "\(bars)\n\(output)")
    }

    @Test func gradientHeatmapsSideBySideShareOneColourScale() throws {
        let (session, sink) = DrawingCommandTests.session(width: 100)
        let output = DrawingCommandTests.run(
            Self.ring + """
                model deep(act) { input 2; repeat 4 { dense 8, act }; dense 1, sigmoid }
                let runs = train deep(sigmoid), deep(relu) on ring with epochs: 10, lr: 0.1, seed: 1
                gradients runs
                """, in: session, sink: sink)
        // The colour bar line of the two maps: "LOW ···… HIGH (log)" twice.
        let bar = try #require(output.split(separator: "\n").first { $0.contains("(log)") })
        let ends = bar.split(separator: " ").filter { Double($0) != nil }
        try #require(ends.count == 4, "\(bar)")
        #expect(ends[0] == ends[2] && ends[1] == ends[3], "\(bar)")
    }

    @Test func everyPlotOfACommandGetsItsOwnSVGFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neurite-svg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (session, sink) = DrawingCommandTests.session(width: 100)
        _ = DrawingCommandTests.run(
            Self.ring + """
                model deep(act) { input 2; repeat 2 { dense 4, act }; dense 1, sigmoid }
                let runs = train deep(sigmoid), deep(relu) on ring with epochs: 3
                gradients runs with svg: "\(folder.path)/g.svg"
                show dataset(iris) with svg: "\(folder.path)/iris.svg"
                """, in: session, sink: sink)
        // Two bar charts, then two heatmaps: four files, none overwritten.
        let gradients = try (1...4).map { try String(contentsOfFile: folder.path + "/g-\($0).svg", encoding: .utf8) }
        #expect(gradients[0].contains("deep(sigmoid): weight-gradient norm"))
        #expect(gradients[1].contains("deep(relu): weight-gradient norm"))
        #expect(gradients[2].contains("deep(sigmoid): ‖∂L/∂W‖ by layer × epoch"))
        #expect(gradients[3].contains("deep(relu): ‖∂L/∂W‖ by layer × epoch"))
        // A dataset of four features: one histogram per feature.
        for index in 1...4 {
            #expect(FileManager.default.fileExists(atPath: folder.path + "/iris-\(index).svg"))
        }
    }
}
