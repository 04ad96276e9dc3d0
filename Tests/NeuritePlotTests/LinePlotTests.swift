import Foundation
import Testing
@testable import NeuritePlot

@Suite struct LinePlotGoldenTests {
    @Test(arguments: Fixtures.options)
    func activations(options: RenderOptions) {
        Golden.check(render(Fixtures.activations, options), named: "line-activations-" + Fixtures.suffix(options))
    }

    @Test(arguments: Fixtures.options)
    func logLosses(options: RenderOptions) {
        Golden.check(render(Fixtures.losses, options), named: "line-losses-" + Fixtures.suffix(options))
    }
}

@Suite struct LinePlotTests {
    func rows(_ text: String) -> [String] { text.components(separatedBy: "\n") }

    @Test(arguments: Fixtures.options)
    func everyRowHasTheRequestedWidth(options: RenderOptions) {
        for plot in [Fixtures.activations, Fixtures.losses] {
            let widths = Set(rows(render(plot, options)).map(VisibleText.width))
            #expect(widths == [options.width])
        }
    }

    @Test func nanAndInfinityAreSkippedAndReported() {
        var plot = LinePlot()
        plot.add(series: "s", x: [1, 2, 3, 4, 5, 6], y: [1, .nan, 3, .infinity, -.infinity, 2])
        let text = render(plot, RenderOptions(width: 60, height: 8))
        #expect(text.contains("3 points not drawn: NaN/inf"))
        // The axis covers only the finite values 1…3, not infinities.
        #expect(rows(text).contains { $0.hasPrefix("3 ┤") })
        #expect(!text.contains("inf ┤"))
    }

    @Test func logScaleSkipsNonPositiveValues() {
        var plot = LinePlot(yScale: .log)
        plot.add(series: "loss", y: [1, 0.5, 0, -1, 0.1])
        let text = render(plot, RenderOptions(width: 60, height: 8))
        #expect(text.contains("2 points not drawn: ≤ 0 on log scale"))
        #expect(text.contains("0.1 ┤"))
    }

    @Test func emptyPlotStillDraws() {
        let text = render(LinePlot(title: "nothing"), RenderOptions(width: 40, height: 4))
        #expect(text.contains("nothing"))
        #expect(text.contains("no data to draw"))
        #expect(Set(rows(text).map(VisibleText.width)) == [40])
    }

    @Test func constantSeriesDrawsAFlatLine() {
        var plot = LinePlot()
        plot.add(series: "c", y: Array(repeating: 3, count: 20))
        let text = render(plot, RenderOptions(width: 50, height: 6, canvas: .ascii))
        let body = rows(text).filter { $0.contains("|") || $0.contains("+") }
        #expect(body.contains { $0.contains("____") || $0.contains("\"\"\"\"") || $0.contains("''''") || $0.contains("....") })
        #expect(text.contains("3"))
    }

    @Test func singlePointDraws() {
        var plot = LinePlot()
        plot.add(series: "p", x: [2], y: [5])
        let text = render(plot, RenderOptions(width: 40, height: 5, canvas: .ascii))
        let canvasText = rows(text).dropFirst().dropLast(2).joined()
        #expect(canvasText.contains { "'.\"_".contains($0) })
    }

    @Test func mismatchedLengthsAreReported() {
        var plot = LinePlot()
        plot.add(series: "s", x: [1, 2, 3], y: [1, 2])
        #expect(plot.series[0].x.count == 2)
        #expect(render(plot, RenderOptions(width: 50, height: 5)).contains("1 value ignored: x and y lengths differ"))
    }

    @Test func markersTellSeriesApartWithoutColor() {
        let text = render(Fixtures.activations, RenderOptions(width: 72, height: 12, canvas: .ascii, color: .none))
        #expect(text.contains("-*- relu"))
        #expect(text.contains("-+- relu'"))
        #expect(text.contains("-x- tanh"))
        #expect(!text.contains("\u{1B}"))
    }

    @Test func asciiCanvasPrintsOnlyASCII() {
        let text = render(Fixtures.losses, RenderOptions(width: 72, height: 12, canvas: .ascii, color: .none))
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func narrowWidthMovesLegendBelow() {
        var plot = LinePlot()
        plot.add(series: "a rather long series name", y: [1, 2, 3])
        plot.add(series: "another long series name", y: [3, 2, 1])
        let text = render(plot, RenderOptions(width: 40, height: 5))
        let lines = rows(text)
        let last = lines.lastIndex { $0.contains("another long") } ?? 0
        let bottom = lines.lastIndex { $0.contains("└") } ?? Int.max
        #expect(last > bottom)
        #expect(Set(lines.map(VisibleText.width)) == [40])
    }

    @Test func explicitLimitsClipLines() {
        var plot = LinePlot(xLimits: 0...1, yLimits: 0...1)
        plot.add(series: "steep", x: [-1e9, 1e9], y: [-1e9, 1e9])
        let text = render(plot, RenderOptions(width: 40, height: 6))
        #expect(Set(rows(text).map(VisibleText.width)) == [40])
        #expect(text.contains("⠁") || text.contains("⠉") || text.contains("⡠") || text.contains("⠊"))
    }

    @Test func rendersTenThousandPointsQuickly() {
        var random = SeededRandom(seed: 3)
        var plot = LinePlot()
        plot.add(series: "noise", y: (0..<10_000).map { _ in random.normal() })
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            _ = render(plot, RenderOptions(width: 100, height: 30))
        }
        // Debug builds are several times slower than release; this only catches blow-ups.
        #expect(elapsed < .milliseconds(500))
    }
}

@Suite struct LabelTests {
    @Test func wideAndControlCharactersKeepRowsAligned() {
        var plot = LinePlot(title: "损失\tcurve", xLabel: "エポック", yLabel: "値\n")
        plot.add(series: "训练", y: [3, 2, 1])
        plot.add(series: "e\u{301}valuation", y: [3, 2.5, 2])
        for options in Fixtures.options {
            let rows = render(plot, options).components(separatedBy: "\n")
            let widths = Set(rows.map { DisplayWidth.of(VisibleText.stripEscapes($0)) })
            #expect(widths == [options.width])
            #expect(!rows.contains { $0.contains("\t") || $0.contains("\n") })
        }
    }

    @Test func longLabelsAreCut() {
        var bars = BarChart(labels: [String(repeating: "layer", count: 30)], values: [1])
        bars.title = String(repeating: "title ", count: 40)
        let rows = render(bars, RenderOptions(width: 50)).components(separatedBy: "\n")
        #expect(Set(rows.map { VisibleText.width($0) }) == [50])
        #expect(rows.contains { $0.contains("…") })
    }
}

@Suite struct PointSeriesTests {
    var plot: LinePlot {
        var plot = LinePlot(title: "fit")
        plot.add(series: "data", x: [0, 1, 2, 3, 4], y: [0.1, 0.9, 2.2, 2.8, 4.1], style: .points)
        plot.add(function: "model", over: 0...4) { $0 }
        return plot
    }

    @Test func pointsAreMarkedNotJoined() {
        let text = render(plot, RenderOptions(width: 60, height: 10, canvas: .ascii))
        #expect(text.contains(" *  data"))
        #expect(text.contains("-+- model"))
        let canvasRows = text.components(separatedBy: "\n").filter { $0.hasPrefix("  |") || $0.contains(" +") }
        #expect(canvasRows.joined().filter { $0 == "*" }.count >= 5)
    }

    @Test func pointsInSVGAreCircles() {
        let probe = XMLProbe.parse(renderSVG(plot))
        #expect(probe.error == nil)
        #expect(probe.elements.filter { $0 == "circle" }.count == 5 + 1)  // five points and the legend dot
        #expect(probe.elements.filter { $0 == "polyline" }.count == 1)
    }
}

/// A tight x axis (the range asked for) labels both sides of 0 when the labels fit.
@Suite struct TightAxisTests {
    @Test(arguments: [(-4.0, 4.0, "-4", "4"), (-0.4, 0.4, "-0.4", "0.4")])
    func bothSidesAreLabelled(_ lower: Double, _ upper: Double, _ left: String, _ right: String) throws {
        var plot = LinePlot(xLimits: lower...upper)
        plot.add(function: "f", over: lower...upper) { $0 }
        let text = plot.render(RenderOptions(width: 40, height: 4, canvas: .braille, color: .none))
        let lines = text.split(separator: "\n")
        let axis = try #require(lines.firstIndex { $0.contains("└") })
        let labels = lines[axis + 1].split(separator: " ").map(String.init)
        #expect(labels.first == left && labels.last == right, "\(text)")
    }
}
