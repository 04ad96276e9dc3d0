extension LinePlot {
    public func renderSVG(width: Int, height: Int) -> String {
        let prepared = series.map { PreparedSeries(x: $0.x, y: $0.y, yScale: yScale) }
        let options = RenderOptions(width: 80, height: max(4, height / 40))
        let axes = PlotAxes.make(xs: prepared.map(\.x), ys: prepared.map(\.y), xLimits: xLimits,
                                 yLimits: yLimits, yScale: yScale, options: options)
        var frame = SVGFrame(title: title, xLabel: xLabel, yLabel: yLabel)
        if series.count > 1 || series.contains(where: { !$0.name.isEmpty }) {
            frame.legend = series.enumerated().map { index, s in
                SVGLegendEntry(name: s.name.isEmpty ? "series \(index + 1)" : s.name,
                               color: Palette.seriesHex(index), mark: s.style == .line ? .line : .dot)
            }
        }
        frame.footnotes = Footnotes.lines(
            nonFinite: prepared.reduce(0) { $0 + $1.nonFinite },
            nonPositive: prepared.reduce(0) { $0 + $1.nonPositive },
            unpaired: series.reduce(0) { $0 + $1.unpaired }, ascii: false)
        let xTicks = axes.xTicks(columns: max(20, width / 8))
        let area = frame.area(width: width, height: height, x: xTicks, y: axes.y)
        var svg = SVGWriter(width: width, height: height)
        frame.drawBackground(&svg, area: area)
        svg.open("clipPath", [("id", "plot-area")])
        svg.add("rect", [("x", SVGWriter.number(area.left)), ("y", SVGWriter.number(area.top)),
                         ("width", SVGWriter.number(area.width)), ("height", SVGWriter.number(area.height))])
        svg.close("clipPath")
        svg.open("g", [("clip-path", "url(#plot-area)"), ("fill", "none"), ("stroke-width", "1.8"),
                       ("stroke-linejoin", "round")])
        for (index, points) in prepared.enumerated() {
            if series[index].style == .points {
                for (x, y) in zip(points.x, points.y) where x.isFinite && y.isFinite {
                    svg.add("circle", [("cx", SVGWriter.number(area.px(x))), ("cy", SVGWriter.number(area.py(y))),
                                       ("r", "2.5"), ("fill", Palette.seriesHex(index)), ("stroke", "none")])
                }
                continue
            }
            for run in Self.runs(points) {
                let coordinates = run.map { "\(SVGWriter.number(area.px($0.0))),\(SVGWriter.number(area.py($0.1)))" }
                if run.count == 1 {
                    svg.add("circle", [("cx", SVGWriter.number(area.px(run[0].0))),
                                       ("cy", SVGWriter.number(area.py(run[0].1))), ("r", "2"),
                                       ("fill", Palette.seriesHex(index))])
                } else {
                    svg.add("polyline", [("points", coordinates.joined(separator: " ")),
                                         ("stroke", Palette.seriesHex(index))])
                }
            }
        }
        svg.close("g")
        frame.drawForeground(&svg, area: area)
        return svg.document
    }

    /// Runs of consecutive drawable points (a skipped point breaks the line).
    static func runs(_ points: PreparedSeries) -> [[(Double, Double)]] {
        var runs: [[(Double, Double)]] = []
        var current: [(Double, Double)] = []
        for (x, y) in zip(points.x, points.y) {
            if x.isFinite && y.isFinite {
                current.append((x, y))
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}
