/// Legend entry of an SVG plot.
struct SVGLegendEntry {
    enum Mark { case line, dot, swatch }
    var name: String
    var color: String
    var mark: Mark
}

/// The frame of an SVG plot: plot area, grid, ticks, labels, title and legend, plus the
/// mapping from axis coordinates to pixels.
struct SVGFrame {
    var title = ""
    var xLabel = ""
    var yLabel = ""
    var legend: [SVGLegendEntry] = []
    var footnotes: [String] = []
    var grid = true

    struct Area {
        var left, top, width, height: Double
        var x: AxisTicks
        var y: AxisTicks

        func px(_ coordinate: Double) -> Double { left + x.fraction(coordinate) * width }
        func py(_ coordinate: Double) -> Double { top + (1 - y.fraction(coordinate)) * height }
    }

    static let charWidth = 7.0

    /// Lays out the plot area for a document of `width` × `height`, with y labels `yLabels`.
    func area(width: Int, height: Int, x: AxisTicks, y: AxisTicks, extraBottom: Double = 0) -> Area {
        let yLabelWidth = Double(y.labels.map(\.count).max() ?? 1) * Self.charWidth
        let left = 16 + (yLabel.isEmpty ? 0 : 18) + yLabelWidth
        let legendWidth = legend.isEmpty ? 0 : 40 + Double(legend.map(\.name.count).max() ?? 0) * Self.charWidth
        let top = title.isEmpty ? 16.0 : 40.0
        let bottom = 36 + (xLabel.isEmpty ? 0 : 18) + Double(footnotes.count) * 16 + extraBottom
        return Area(left: left, top: top, width: max(40, Double(width) - left - legendWidth - 16),
                    height: max(40, Double(height) - top - bottom), x: x, y: y)
    }

    /// Draws the frame parts that go under the data (background, grid).
    func drawBackground(_ svg: inout SVGWriter, area: Area) {
        svg.add("rect", [("x", SVGWriter.number(area.left)), ("y", SVGWriter.number(area.top)),
                         ("width", SVGWriter.number(area.width)), ("height", SVGWriter.number(area.height)),
                         ("fill", "#fbfbfb"), ("stroke", "none")])
        guard grid else { return }
        for p in area.x.positions {
            let x = area.px(p)
            svg.add("line", [("x1", SVGWriter.number(x)), ("y1", SVGWriter.number(area.top)),
                             ("x2", SVGWriter.number(x)), ("y2", SVGWriter.number(area.top + area.height)),
                             ("stroke", "#e6e6e6"), ("stroke-width", "1")])
        }
        for p in area.y.positions {
            let y = area.py(p)
            svg.add("line", [("x1", SVGWriter.number(area.left)), ("y1", SVGWriter.number(y)),
                             ("x2", SVGWriter.number(area.left + area.width)), ("y2", SVGWriter.number(y)),
                             ("stroke", "#e6e6e6"), ("stroke-width", "1")])
        }
    }

    /// Draws the frame parts that go over the data (border, ticks, labels, legend).
    func drawForeground(_ svg: inout SVGWriter, area: Area) {
        svg.add("rect", [("x", SVGWriter.number(area.left)), ("y", SVGWriter.number(area.top)),
                         ("width", SVGWriter.number(area.width)), ("height", SVGWriter.number(area.height)),
                         ("fill", "none"), ("stroke", "#555555"), ("stroke-width", "1")])
        let bottom = area.top + area.height
        for (p, label) in zip(area.x.positions, area.x.labels) {
            let x = area.px(p)
            svg.add("line", [("x1", SVGWriter.number(x)), ("y1", SVGWriter.number(bottom)),
                             ("x2", SVGWriter.number(x)), ("y2", SVGWriter.number(bottom + 5)),
                             ("stroke", "#555555")])
            svg.text(label, x: x, y: bottom + 18, size: 11)
        }
        for (p, label) in zip(area.y.positions, area.y.labels) {
            let y = area.py(p)
            svg.add("line", [("x1", SVGWriter.number(area.left - 5)), ("y1", SVGWriter.number(y)),
                             ("x2", SVGWriter.number(area.left)), ("y2", SVGWriter.number(y)),
                             ("stroke", "#555555")])
            svg.text(label, x: area.left - 8, y: y + 4, anchor: "end", size: 11)
        }
        if !title.isEmpty {
            svg.text(title, x: area.left + area.width / 2, y: 24, size: 15, weight: "bold", fill: "#111111")
        }
        if !xLabel.isEmpty {
            svg.text(xLabel, x: area.left + area.width / 2, y: bottom + 38, size: 12)
        }
        if !yLabel.isEmpty {
            svg.text(yLabel, x: 16, y: area.top + area.height / 2, size: 12, rotate: true)
        }
        var noteY = bottom + (xLabel.isEmpty ? 38 : 56)
        for note in footnotes {
            svg.text(note, x: 8, y: noteY, anchor: "start", size: 11, fill: "#8a5a00")
            noteY += 16
        }
        let legendX = area.left + area.width + 16
        for (index, entry) in legend.enumerated() {
            let y = area.top + 12 + Double(index) * 18
            switch entry.mark {
            case .line:
                svg.add("line", [("x1", SVGWriter.number(legendX)), ("y1", SVGWriter.number(y - 4)),
                                 ("x2", SVGWriter.number(legendX + 20)), ("y2", SVGWriter.number(y - 4)),
                                 ("stroke", entry.color), ("stroke-width", "2")])
            case .dot:
                svg.add("circle", [("cx", SVGWriter.number(legendX + 10)), ("cy", SVGWriter.number(y - 4)),
                                   ("r", "4"), ("fill", entry.color)])
            case .swatch:
                svg.add("rect", [("x", SVGWriter.number(legendX + 4)), ("y", SVGWriter.number(y - 10)),
                                 ("width", "12"), ("height", "12"), ("fill", entry.color)])
            }
            svg.text(entry.name, x: legendX + 26, y: y, anchor: "start", size: 12)
        }
    }
}
