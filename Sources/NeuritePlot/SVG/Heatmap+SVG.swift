extension Heatmap {
    public func renderSVG(width: Int, height: Int) -> String {
        let normalizer = ColorNormalizer(values: matrix, scale: colorScale, limits: colorLimits)
        let rows = max(1, rowCount), columns = max(1, columnCount)
        var frame = SVGFrame(title: title, xLabel: xLabel, yLabel: yLabel)
        frame.grid = false
        if normalizer.skipped > 0 {
            frame.footnotes = ["\(Footnotes.count(normalizer.skipped, "cell")) not drawn (grey): NaN/inf" + (colorScale == .log ? " or ≤ 0" : "")]
        }
        let xTicks: AxisTicks, yTicks: AxisTicks
        let planeRanges: (ClosedRange<Double>, ClosedRange<Double>)?
        switch layout {
        case .labelled:
            let every = max(1, columns / 12)
            let shown = Array(stride(from: 0, to: columns, by: every))
            xTicks = AxisTicks(lower: 0, upper: Double(columns), positions: shown.map { Double($0) + 0.5 },
                               labels: shown.map(columnLabel))
            let everyRow = max(1, rows / 20)
            let shownRows = Array(stride(from: 0, to: rows, by: everyRow))
            yTicks = AxisTicks(lower: 0, upper: Double(rows), positions: shownRows.map { Double(rows - $0) - 0.5 },
                               labels: shownRows.map(rowLabel))
            planeRanges = nil
        case .plane(let x, let y):
            xTicks = Ticks.linear(lower: x.lowerBound, upper: x.upperBound, maxCount: max(3, width / 80), tight: true)
            yTicks = Ticks.linear(lower: y.lowerBound, upper: y.upperBound, maxCount: max(3, height / 60), tight: true)
            planeRanges = (x, y)
        }
        var area = frame.area(width: width, height: height, x: xTicks, y: yTicks)
        area.width = max(40, area.width - 70)  // room for the colour bar
        var svg = SVGWriter(width: width, height: height)
        frame.drawBackground(&svg, area: area)
        // At most one cell per 2×2 pixels: a larger matrix is sampled (the nearest cell), so the
        // work and the file stay bounded by the picture's size, not the matrix's.
        let shownRows = Self.sampled(rowCount, atMost: Int(area.height / Self.minimumCellPixels))
        let shownColumns = Self.sampled(columns, atMost: Int(area.width / Self.minimumCellPixels))
        let cellWidth = area.width / Double(max(1, shownColumns.count))
        let cellHeight = area.height / Double(max(1, shownRows.count))
        svg.open("g", [("stroke", "none"), ("shape-rendering", "crispEdges")])
        for (r, i) in shownRows.enumerated() {
            // Labelled: row 0 at the top. Plane: row 0 at the bottom.
            let top = planeRanges == nil ? area.top + Double(r) * cellHeight : area.top + area.height - Double(r + 1) * cellHeight
            for (c, j) in shownColumns.enumerated() where j < matrix[i].count {
                let fill = normalizer.fraction(matrix[i][j]).map(Palette.rampHex) ?? "#c8c8c8"
                svg.add("rect", [("x", SVGWriter.number(area.left + Double(c) * cellWidth)), ("y", SVGWriter.number(top)),
                                 ("width", SVGWriter.number(cellWidth + 0.4)), ("height", SVGWriter.number(cellHeight + 0.4)),
                                 ("fill", fill)])
            }
        }
        svg.close("g")
        frame.drawForeground(&svg, area: area)
        drawColorBar(&svg, normalizer: normalizer, x: area.left + area.width + 24, top: area.top, height: area.height)
        return svg.document
    }

    /// The smallest side of a drawn cell, in pixels (see ``sampled(_:atMost:)``).
    static let minimumCellPixels = 2.0

    /// `0..<count` when it has at most `limit` elements; else `limit` indices spread evenly over
    /// it (the middle of each stretch).
    static func sampled(_ count: Int, atMost limit: Int) -> [Int] {
        let limit = max(1, limit)
        guard count > limit else { return Array(0..<max(0, count)) }
        return (0..<limit).map { ((2 * $0 + 1) * count) / (2 * limit) }
    }

    private func drawColorBar(_ svg: inout SVGWriter, normalizer: ColorNormalizer, x: Double, top: Double, height: Double) {
        guard let (lo, hi) = normalizer.extent else { return }
        svg.open("linearGradient", [("id", "heat-ramp"), ("x1", "0"), ("y1", "1"), ("x2", "0"), ("y2", "0")])
        for k in 0...10 {
            let t = Double(k) / 10
            svg.add("stop", [("offset", SVGWriter.number(t)), ("stop-color", Palette.rampHex(t))])
        }
        svg.close("linearGradient")
        svg.add("rect", [("x", SVGWriter.number(x)), ("y", SVGWriter.number(top)), ("width", "14"),
                         ("height", SVGWriter.number(height)), ("fill", "url(#heat-ramp)"), ("stroke", "#555555")])
        svg.text(NumberFormat.compact(hi), x: x + 18, y: top + 10, anchor: "start", size: 11)
        svg.text(NumberFormat.compact(lo), x: x + 18, y: top + height, anchor: "start", size: 11)
        if colorScale == .log {
            svg.text("log", x: x + 18, y: top + height / 2, anchor: "start", size: 10, fill: "#777777")
        }
    }
}
