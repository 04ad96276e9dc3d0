extension ScatterPlot {
    public func renderSVG(width: Int, height: Int) -> String {
        let prepared = PreparedSeries(x: x, y: y, yScale: .linear)
        let options = RenderOptions(width: 80, height: max(4, height / 40))
        let axes = PlotAxes.make(xs: [prepared.x], ys: [prepared.y], xLimits: background?.xRange,
                                 yLimits: background?.yRange, yScale: .linear, options: options, looseX: true)
        var frame = SVGFrame(title: title, xLabel: xLabel, yLabel: yLabel)
        if classCount > 1 || !classNames.isEmpty {
            frame.legend = (0..<min(classCount, 16)).map {
                SVGLegendEntry(name: className($0), color: Palette.seriesHex($0), mark: .dot)
            }
        }
        frame.footnotes = Footnotes.lines(nonFinite: prepared.nonFinite, nonPositive: 0, unpaired: unpaired, ascii: false)
        let xTicks = axes.xTicks(columns: max(20, width / 8))
        let area = frame.area(width: width, height: height, x: xTicks, y: axes.y)
        var svg = SVGWriter(width: width, height: height)
        frame.drawBackground(&svg, area: area)
        if let background { shade(&svg, area: area, background: background) }
        svg.open("g", [("stroke", "#ffffff"), ("stroke-width", "0.8")])
        for i in 0..<prepared.x.count where prepared.x[i].isFinite {
            let fx = area.x.fraction(prepared.x[i]), fy = area.y.fraction(prepared.y[i])
            guard fx >= 0, fx <= 1, fy >= 0, fy <= 1 else { continue }
            svg.add("circle", [("cx", SVGWriter.number(area.px(prepared.x[i]))),
                               ("cy", SVGWriter.number(area.py(prepared.y[i]))), ("r", "3.5"),
                               ("fill", Palette.seriesHex(classes[i]))])
        }
        svg.close("g")
        frame.drawForeground(&svg, area: area)
        return svg.document
    }

    /// Light class-coloured rectangles for the background grid (probabilities shade by confidence).
    private func shade(_ svg: inout SVGWriter, area: SVGFrame.Area, background: DecisionBackground) {
        let grid: [[(Int, Double)]]
        switch background.values {
        case .classes(let g): grid = g.map { $0.map { (max(0, $0), 0.22) } }
        case .probabilities(let g):
            grid = g.map { $0.map { p in p.isFinite ? (p >= 0.5 ? 1 : 0, 0.08 + 0.3 * abs(p - 0.5) * 2) : (-1, 0) } }
        }
        let rows = grid.count
        let cellHeight = rows > 0 ? area.height / Double(rows) : 0
        svg.open("g", [("stroke", "none"), ("shape-rendering", "crispEdges")])
        for (r, line) in grid.enumerated() where !line.isEmpty {
            let cellWidth = area.width / Double(line.count)
            // Row 0 is the bottom of the range.
            let top = area.top + area.height - Double(r + 1) * cellHeight
            for (c, value) in line.enumerated() where value.0 >= 0 {
                svg.add("rect", [("x", SVGWriter.number(area.left + Double(c) * cellWidth)),
                                 ("y", SVGWriter.number(top)),
                                 ("width", SVGWriter.number(cellWidth + 0.3)),
                                 ("height", SVGWriter.number(cellHeight + 0.3)),
                                 ("fill", Self.tint(Palette.seriesHex(value.0), opacity: value.1))])
            }
        }
        svg.close("g")
    }

    /// `hex` at `opacity` over the plot area's background (#fbfbfb), as one opaque colour: cells that
    /// overlap by a fraction of a pixel (so no hairline gaps show) then leave no darker seams (and
    /// `crispEdges` leaves no anti-aliased ones).
    static func tint(_ hex: String, opacity: Double) -> String {
        guard hex.count == 7, let value = Int(hex.dropFirst(), radix: 16) else { return hex }
        let alpha = max(0, min(1, opacity))
        let channels = [value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF].map { channel in
            Int((Double(channel) * alpha + 251 * (1 - alpha)).rounded())
        }
        return "#" + channels.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
