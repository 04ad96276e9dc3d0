import Foundation

extension LinePlot {
    public func render(_ options: RenderOptions) -> String {
        terminalLines(options).renderedBlock(width: options.width)
    }

    func terminalLines(_ options: RenderOptions) -> [StyledLine] {
        let prepared = series.map { PreparedSeries(x: $0.x, y: $0.y, yScale: yScale) }
        let axes = PlotAxes.make(xs: prepared.map(\.x), ys: prepared.map(\.y), xLimits: xLimits,
                                 yLimits: yLimits, yScale: yScale, options: options)
        let useMarkers = options.color == .none && (series.count > 1 || series.contains { $0.style == .points })
        var frame = PlotFrame(title: title, xLabel: xLabel, yLabel: yLabel)
        frame.legend = legend(options: options, markers: useMarkers)
        let layout = frame.layout(width: options.width, rows: options.height, yLabels: axes.y.labels)
        let xTicks = axes.xTicks(columns: layout.columns)

        var canvas = DotCanvas(kind: options.canvas, columns: layout.columns, rows: options.height,
                               xRange: (xTicks.lower, xTicks.upper), yRange: (axes.y.lower, axes.y.upper))
        for (index, points) in prepared.enumerated() {
            draw(points, on: &canvas, color: UInt8(truncatingIfNeeded: index % 255 + 1), joined: series[index].style == .line)
        }
        if useMarkers {
            for (index, points) in prepared.enumerated() {
                placeMarkers(points, on: &canvas, index: index, of: prepared.count, canvasKind: options.canvas,
                             everyPoint: series[index].style == .points)
            }
        }
        let rows = (0..<canvas.rows).map { row in
            canvas.line(row: row, paint: { color, _ in
                Paint(foreground: color == 0 ? nil : Palette.series(Int(color) - 1, mode: options.color))
            })
        }
        let drawable = prepared.reduce(0) { $0 + $1.x.count - $1.nonFinite - $1.nonPositive }
        frame.footnotes = Footnotes.lines(
            nonFinite: prepared.reduce(0) { $0 + $1.nonFinite },
            nonPositive: prepared.reduce(0) { $0 + $1.nonPositive },
            unpaired: series.reduce(0) { $0 + $1.unpaired }, ascii: options.canvas.isASCII)
        if drawable == 0 { frame.footnotes.insert("no data to draw", at: 0) }
        return frame.assemble(layout: layout, canvasRows: rows, yMarks: canvas.yMarks(axes.y),
                              xMarks: canvas.xMarks(xTicks), options: options)
    }

    private func draw(_ points: PreparedSeries, on canvas: inout DotCanvas, color: UInt8, joined: Bool) {
        var previousValid = false
        var px = 0.0, py = 0.0
        for i in 0..<points.x.count {
            let x = points.x[i], y = points.y[i]
            guard x.isFinite && y.isFinite else {
                previousValid = false
                continue
            }
            if previousValid && joined {
                canvas.line(x0: px, y0: py, x1: x, y1: y, color: color)
            } else {
                canvas.point(x: x, y: y, color: color)
            }
            px = x; py = y
            previousValid = true
        }
    }

    /// Without colour, stamps the series' marker every few columns (or on every point of a short
    /// series), staggered between series so that they collide less.
    private func placeMarkers(_ points: PreparedSeries, on canvas: inout DotCanvas, index: Int, of count: Int,
                              canvasKind: CanvasKind, everyPoint forced: Bool) {
        let marker = Markers.marker(index, canvas: canvasKind)
        let everyPoint = forced || points.x.count <= canvas.columns / 2
        let stride = max(4, canvas.columns / 8)
        var next = everyPoint ? 0 : (index * stride) / max(1, count)
        for i in 0..<points.x.count {
            guard let cell = canvas.cell(x: points.x[i], y: points.y[i]) else { continue }
            if everyPoint || cell.column >= next {
                canvas.setOverlay(column: cell.column, row: cell.row, glyph: marker,
                                  color: UInt8(truncatingIfNeeded: index % 255 + 1))
                next = cell.column + stride
            }
        }
    }

    private func legend(options: RenderOptions, markers: Bool) -> [LegendEntry] {
        guard series.count > 1 || series.contains(where: { !$0.name.isEmpty }) else { return [] }
        let dash = options.canvas.isASCII ? "-" : "─"
        return series.enumerated().map { index, s in
            let sample: String
            let marker = String(Markers.marker(index, canvas: options.canvas))
            switch (s.style, markers) {
            case (.line, true): sample = dash + marker + dash
            case (.line, false): sample = dash + dash + dash
            case (.points, true): sample = " " + marker + " "
            case (.points, false): sample = options.canvas.isASCII ? " * " : " • "
            }
            let paint = Paint(foreground: Palette.series(index, mode: options.color))
            return LegendEntry(sample: StyledLine(sample, paint: paint),
                               name: s.name.isEmpty ? "series \(index + 1)" : s.name)
        }
    }
}
