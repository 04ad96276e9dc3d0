import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import NeuritePlot

/// Parses XML and collects element names and any parse error.
final class XMLProbe: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var texts: [String] = []
    var error: Error?

    static func parse(_ text: String) -> XMLProbe {
        let probe = XMLProbe()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = probe
        if !parser.parse() { probe.error = parser.parserError ?? probe.error ?? CocoaError(.coderReadCorrupt) }
        return probe
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        elements.append(elementName)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        texts.append(string)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        error = parseError
    }
}

@Suite struct SVGTests {
    static let plots: [(String, any Plottable)] = [
        ("line-activations", Fixtures.activations),
        ("line-losses", Fixtures.losses),
        ("scatter", Fixtures.scatter),
        ("heatmap-gradients", Fixtures.gradientNorms),
        ("heatmap-surface", Fixtures.decisionSurface),
        ("histogram", Fixtures.weights),
        ("bars", Fixtures.layerBars),
    ]

    @Test func everySVGIsWellFormedXML() {
        for (name, plot) in Self.plots {
            let svg = renderSVG(plot, width: 640, height: 400)
            let probe = XMLProbe.parse(svg)
            #expect(probe.error == nil, "\(name): \(String(describing: probe.error))")
            #expect(probe.elements.first == "svg", "\(name)")
        }
    }

    @Test func lineSVGHasOnePolylinePerSeriesAndALegend() {
        let probe = XMLProbe.parse(renderSVG(Fixtures.activations))
        #expect(probe.elements.filter { $0 == "polyline" }.count == 3)
        let text = probe.texts.joined()
        #expect(text.contains("relu'"))
        #expect(text.contains("tanh"))
        #expect(text.contains("relu, relu' and tanh"))
    }

    @Test func hostileLabelsAreEscaped() {
        var plot = LinePlot(title: "<b>&\"quotes\"</b> \u{1}", xLabel: "a < b", yLabel: "it's")
        plot.add(series: "x & y", y: [1, .nan, 3])
        let svg = renderSVG(plot)
        let probe = XMLProbe.parse(svg)
        #expect(probe.error == nil)
        #expect(probe.texts.joined().contains("<b>&\"quotes\"</b>"))
        #expect(probe.texts.joined().contains("1 point not drawn: NaN/inf"))
    }

    @Test func emptyAndDegeneratePlotsStayWellFormed() {
        let plots: [any Plottable] = [
            LinePlot(), ScatterPlot(), Heatmap(matrix: []), Heatmap(matrix: [[.nan, 1], [2]]),
            Histogram(values: []), BarChart(labels: [], values: []),
            BarChart(labels: ["a"], values: [.infinity]), Histogram(values: [3, 3, 3]),
        ]
        for plot in plots {
            #expect(XMLProbe.parse(renderSVG(plot, width: 1, height: 1)).error == nil)
        }
    }

    /// Every plot kind written as a file reads back as the same well-formed SVG, with its size on the
    /// root element. The files go to `NEURITE_SVG_DIR` when set (for a person to look at), else to a
    /// temporary folder that is removed.
    @Test func everyPlotKindWritesAWellFormedFile() throws {
        let given = ProcessInfo.processInfo.environment["NEURITE_SVG_DIR"]
        let directory = given ?? NSTemporaryDirectory() + "neurite-svg-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { if given == nil { try? FileManager.default.removeItem(atPath: directory) } }
        try #require(!Self.plots.isEmpty)
        for (name, plot) in Self.plots {
            let svg = renderSVG(plot, width: 640, height: 400)
            let path = directory + "/" + name + ".svg"
            try svg.write(toFile: path, atomically: true, encoding: .utf8)
            let back = try String(contentsOfFile: path, encoding: .utf8)
            #expect(back == svg, "\(name)")
            #expect(XMLProbe.parse(back).error == nil, "\(name)")
            #expect(back.contains("width=\"640\"") && back.contains("height=\"400\""), "\(name)")
        }
    }
}

/// The SVG of a heatmap is bounded by the picture, not the matrix: at most one cell per 2×2
/// pixels (a larger matrix is sampled), so a 1000×1000 matrix writes tens of thousands of cells,
/// not a million; a small one keeps every cell.
@Suite struct HeatmapSVGBoundTests {
    private func cells(_ svg: String) -> Int { svg.components(separatedBy: "<rect").count - 1 }

    @Test func aHugeMatrixIsSampledToThePicture() {
        let matrix = (0..<1000).map { i in (0..<1000).map { j in Double(i * j) } }
        let svg = Heatmap(matrix: matrix).renderSVG(width: 640, height: 400)
        #expect(cells(svg) < 640 * 400 / 4)
        #expect(cells(svg) > 10_000)
        #expect(svg.utf8.count < 4_000_000)
    }

    @Test func aSmallMatrixKeepsEveryCell() {
        let matrix = (0..<20).map { i in (0..<30).map { j in Double(i + j) } }
        let plain = Heatmap(matrix: [[0]]).renderSVG(width: 640, height: 400)
        #expect(cells(Heatmap(matrix: matrix).renderSVG(width: 640, height: 400)) == 20 * 30 + cells(plain) - 1)
    }

    @Test(arguments: [(5, 10, [0, 1, 2, 3, 4]), (10, 5, [1, 3, 5, 7, 9]), (0, 3, []), (3, 0, [1])])
    func sampling(count: Int, limit: Int, expected: [Int]) {
        #expect(Heatmap.sampled(count, atMost: limit) == expected)
    }
}
