import Foundation
import Testing
@testable import NeuritePlot

@Suite struct SparklineTests {
    @Test(arguments: [
        ([1, 2, 3, 4, 5, 6, 7, 8], "▁▂▃▄▅▆▇█"), ([2, 2, 2], "▄▄▄"), ([1, .nan, 3], "▁ █"), ([], ""),
        ([.infinity, .nan], "  "), ([-1e308, 1e308], "▁█"),
    ] as [([Double], String)])
    func levels(_ values: [Double], _ expected: String) {
        #expect(Sparkline(values).render() == expected)
    }

    @Test func asciiAndBuckets() {
        #expect(Sparkline([0, 1]).render(canvas: .ascii) == "_^")
        let long = Sparkline((0..<100).map(Double.init)).render(maxWidth: 10)
        #expect(long.count == 10)
        #expect(long.first == "▁" && long.last == "█")
    }
}

@Suite struct ProgressTests {
    let line = ProgressLine(current: 12, total: 100, losses: [0.5, 0.4, 0.314], elapsed: 1.2)

    @Test func formatsTheDocumentedLine() {
        #expect(line.render() == "epoch  12/100 ▕█▏        ▏ loss 0.314 █▄▁ 1.2 s")
        #expect(line.render(canvas: .ascii) == "epoch  12/100 [#         ] loss 0.314 ^-_ 1.2 s")
    }

    @Test func dropsPartsToFitTheWidth() {
        var l = line
        l.metrics = [.init(name: "accuracy", value: 0.8125)]
        let full = l.render()
        #expect(full.contains("accuracy 0.812"))
        let narrow = l.render(maxWidth: 40)
        #expect(DisplayWidth.of(narrow) <= 40)
        #expect(narrow.contains("loss 0.314") && narrow.hasSuffix("1.2 s") && narrow.contains("▕"))
        #expect(DisplayWidth.of(l.render(maxWidth: 12)) <= 12)
    }

    @Test(arguments: [(0.04, "0 s"), (1.25, "1.3 s"), (42, "42 s"), (123, "2m03s"), (3725, "1h02m"), (-1, "? s")]
          as [(Double, String)])
    func durations(_ seconds: Double, _ expected: String) {
        #expect(ProgressLine.duration(seconds) == expected)
    }

    @Test func oddCountsDoNotCrash() {
        for (current, total) in [(0, 0), (-3, 10), (500, 10), (Int.max, Int.max), (1, Int.min)] {
            let text = ProgressLine(current: current, total: total, losses: [.nan], elapsed: .infinity).render()
            #expect(!text.isEmpty)
        }
    }

    final class Sink: @unchecked Sendable {
        var writes: [String] = []
    }

    @Test func terminalReporterRedrawsInPlace() {
        let sink = Sink()
        let reporter = ProgressReporter(isTerminal: true, width: 60) { sink.writes.append($0) }
        for epoch in 1...3 {
            reporter.update(ProgressLine(current: epoch, total: 3, losses: [1, 0.5, 0.25].prefix(epoch).map { $0 },
                                         elapsed: Double(epoch)))
        }
        reporter.finish()
        #expect(sink.writes.count == 4)
        #expect(sink.writes.dropLast().allSatisfy { $0.hasPrefix("\r") && $0.hasSuffix("\u{1B}[K") })
        #expect(sink.writes.last == "\n")
        #expect(sink.writes.allSatisfy { VisibleText.width($0) <= 60 })
    }

    @Test func terminalReporterThrottlesRedraws() {
        let sink = Sink()
        let reporter = ProgressReporter(isTerminal: true, redrawInterval: 0.1) { sink.writes.append($0) }
        // 1000 steps over 1 s: about one redraw per 0.1 s, plus the last.
        for step in 1...1000 { reporter.update(ProgressLine(label: "step", current: step, total: 1000, elapsed: Double(step) / 1000)) }
        reporter.finish()
        #expect(sink.writes.count >= 10 && sink.writes.count <= 13)
        #expect(sink.writes.dropLast().last?.contains("1000/1000") == true)
    }

    @Test func terminalReporterShowsTheLastLineWhenStoppedEarly() {
        let sink = Sink()
        let reporter = ProgressReporter(isTerminal: true) { sink.writes.append($0) }
        reporter.update(ProgressLine(current: 1, total: 10, elapsed: 0))
        reporter.update(ProgressLine(current: 2, total: 10, elapsed: 0.01))
        reporter.finish()
        #expect(sink.writes.count == 3)
        #expect(sink.writes[1].contains(" 2/10"))
    }

    @Test func plainReporterWritesPeriodicLines() {
        let sink = Sink()
        let reporter = ProgressReporter(isTerminal: false) { sink.writes.append($0) }
        for epoch in 1...100 { reporter.update(ProgressLine(current: epoch, total: 100, losses: [1 / Double(epoch)])) }
        reporter.finish()
        #expect(sink.writes.count == 11)  // 1, 10, 20, …, 100
        #expect(sink.writes.allSatisfy { $0.hasSuffix("\n") && !$0.contains("\r") && !$0.contains("\u{1B}") })
        #expect(sink.writes.last?.hasPrefix("epoch 100/100") == true)
    }

    @Test func plainReporterWritesTheLastLineWhenStoppedEarly() {
        let sink = Sink()
        let reporter = ProgressReporter(isTerminal: false) { sink.writes.append($0) }
        for epoch in 1...55 { reporter.update(ProgressLine(current: epoch, total: 100)) }
        reporter.finish()
        #expect(sink.writes.last?.hasPrefix("epoch  55/100") == true)
    }
}

@Suite struct TerminalSizeTests {
    @Test func fittingOptionsStayInBounds() {
        for size in [TerminalSize(columns: 10, rows: 5), TerminalSize(columns: 200, rows: 60), .fallback] {
            let options = RenderOptions.fitting(size)
            #expect(options.width >= 24 && options.height >= 2 && options.height <= 40)
        }
    }
}

@Suite struct HistogramTests {
    @Test func countBinsIncludeTheMaximum() {
        let h = Histogram(values: [0, 1, 2, 3, 4], bins: .count(4))
        #expect(h.edges == [0, 1, 2, 3, 4])
        #expect(h.counts == [1, 1, 1, 2])
        #expect(h.binLabels == ["[0, 1)", "[1, 2)", "[2, 3)", "[3, 4]"])
    }

    @Test func explicitEdgesCountOutsiders() {
        let h = Histogram(values: [-1, 0, 1, 2, 5, 10, 11, .nan], bins: .edges([10, 0, 2, .nan]))
        #expect(h.edges == [0, 2, 10])
        #expect(h.counts == [2, 3])
        #expect(h.outside == 2 && h.nonFinite == 1)
        let text = render(h, RenderOptions(width: 50))
        #expect(text.contains("2 values outside the bins") && text.contains("1 value not counted: NaN/inf"))
    }

    @Test func automaticBinsHaveTidyEdgesAndCountEverything() {
        let h = Fixtures.weights
        #expect(h.counts.reduce(0, +) == 500 && h.nonFinite == 2)
        let steps = Set(zip(h.edges.dropFirst(), h.edges).map { (($0 - $1) * 1e9).rounded() })
        #expect(steps.count == 1)
        #expect(h.counts.count >= 5 && h.counts.count <= 31)
    }

    /// Ranges wider than the largest Double (beyond ±9e307) once overflowed to an infinite bin
    /// width and left every value "outside the bins".
    @Test(arguments: [Histogram.Bins.automatic, .count(4)])
    func valuesNearTheLargestDoubleAreBinned(bins: Histogram.Bins) {
        for values in [[-1.7e308, -4.6e307, 0, 4.6e307, 1.7e308], [0, 1.7e308], [1.7e308, 1.7e308]] {
        let h = Histogram(values: values, bins: bins)
        #expect(h.outside == 0 && h.nonFinite == 0)
        #expect(h.counts.reduce(0, +) == values.count)
        #expect(h.edges.allSatisfy { $0.isFinite }, "\(values) \(h.edges)")
        #expect(zip(h.edges, h.edges.dropFirst()).allSatisfy { $0 < $1 })
        #expect(!render(h, RenderOptions(width: 50)).contains("outside the bins"))
        }
    }

    @Test func constantAndEmptyValues() {
        let constant = Histogram(values: [3, 3, 3])
        #expect(constant.counts.reduce(0, +) == 3)
        let empty = Histogram(values: [])
        #expect(empty.counts.isEmpty)
        #expect(render(empty, RenderOptions(width: 30)).contains("no data to draw"))
    }
}

@Suite struct HeatmapTests {
    @Test func nanCellsAreMarkedAndCounted() {
        let h = Heatmap(matrix: [[1, .nan], [2, 3]])
        let text = render(h, RenderOptions(width: 40, height: 4))
        #expect(text.contains("?"))
        #expect(text.contains("1 cell not drawn (?): NaN/inf"))
    }

    @Test func logScaleSkipsNonPositiveCells() {
        let h = Heatmap(matrix: [[0, 1, 10, 100]], colorScale: .log)
        let text = render(h, RenderOptions(width: 60, height: 4))
        #expect(text.contains("1 cell not drawn (?): NaN/inf or ≤ 0 on log scale"))
        #expect(text.contains("1 ") && text.contains(" 100 (log)"))
    }

    @Test func colorBarShowsMinimumAndMaximum() {
        let text = render(Heatmap(matrix: [[0.25, 0.5], [0.75, 4000]]), RenderOptions(width: 50, height: 4))
        #expect(text.contains("0.25 ") && text.contains(" 4k"))
    }

    @Test func tallMatricesAreSampledToTheHeight() {
        let m = (0..<100).map { i in [Double(i), Double(i)] }
        let lines = render(Heatmap(matrix: m), RenderOptions(width: 40, height: 10)).components(separatedBy: "\n")
        #expect(lines.filter { $0.contains("┤") }.count == 10)
    }
}

@Suite struct ScatterTests {
    @Test func markersPerClassWithoutColor() {
        let text = render(Fixtures.scatter, RenderOptions(width: 72, height: 12, canvas: .ascii))
        #expect(text.contains("* upper") && text.contains("+ lower"))
        #expect(text.contains("*") && text.contains("+"))
    }

    @Test func hugeClassIndicesDoNotOverflow() {
        var plot = ScatterPlot()
        plot.add(x: [0, 1], y: [0, 1], classes: [Int.max, -5])
        plot.background = DecisionBackground(xRange: 0...1, yRange: 0...1, classes: [[Int.max, Int.min]])
        #expect(!render(plot, RenderOptions(width: 40, height: 5)).isEmpty)
    }

    @Test func pointsOutsideTheBackgroundAreReported() {
        var plot = ScatterPlot(background: DecisionBackground(xRange: 0...1, yRange: 0...1, classes: [[0, 1]]))
        plot.add(x: [0.5, 5], y: [0.5, 5])
        #expect(render(plot, RenderOptions(width: 40, height: 5)).contains("1 point outside the plotted range"))
    }
}

@Suite struct PrecomputedHistogramTests {
    @Test func drawsGivenBins() {
        let h = HistogramPlot(edges: [0, 0.5, 1], counts: [3, 7], excluded: 2)
        #expect(h.binLabels == ["[0, 0.5)", "[0.5, 1]"])
        let text = render(h, RenderOptions(width: 50))
        #expect(text.contains("2 values not counted: NaN/inf or out of range"))
        #expect(text.contains(" 7") && text.contains(" 3"))
    }

    @Test(arguments: [([0, 1], [1, 2]), ([1, 0, 2], [1, 1]), ([0, .nan, 1], [1, 1]), ([], [])] as [([Double], [Int])])
    func inconsistentBinsDrawNothing(_ edges: [Double], _ counts: [Int]) {
        let h = Histogram(edges: edges, counts: counts)
        #expect(h.counts.isEmpty)
        #expect(render(h, RenderOptions(width: 40)).contains("no data to draw"))
    }
}

/// A matrix with more rows or columns than fit is drawn with evenly spaced ones, and says so.
@Suite struct HeatmapCroppingTests {
    @Test(arguments: [(10, 3, 4, "4 of 10 rows shown"), (3, 300, 10, "columns shown")] as [(Int, Int, Int, String)])
    func leftOutRowsOrColumnsAreNoted(_ rows: Int, _ columns: Int, _ height: Int, _ note: String) {
        let matrix = (0..<rows).map { i in (0..<columns).map { j in Double(i * j) } }
        let text = Heatmap(matrix: matrix).render(RenderOptions(width: 40, height: height, canvas: .braille, color: .none))
        #expect(text.contains(note), "\(text)")
    }

    @Test func aMatrixThatFitsHasNoNote() {
        let text = Heatmap(matrix: [[1, 2], [3, 4]]).render(RenderOptions(width: 40, height: 4, canvas: .braille, color: .none))
        #expect(!text.contains("shown"))
    }
}
