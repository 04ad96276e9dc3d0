extension ScatterPlot {
    public func render(_ options: RenderOptions) -> String {
        terminalLines(options).renderedBlock(width: options.width)
    }

    func terminalLines(_ options: RenderOptions) -> [StyledLine] {
        let prepared = PreparedSeries(x: x, y: y, yScale: .linear)
        let axes = PlotAxes.make(xs: [prepared.x], ys: [prepared.y], xLimits: background?.xRange,
                                 yLimits: background?.yRange, yScale: .linear, options: options, looseX: true)
        let useMarkers = options.color == .none
        var frame = PlotFrame(title: title, xLabel: xLabel, yLabel: yLabel)
        frame.legend = legend(options: options, markers: useMarkers)
        let backgroundGlyphs: [Unicode.Scalar] = options.canvas.isASCII ? [" ", ".", ":", "-"] : [" ", "·", "∶", "∙"]
        let layout = frame.layout(width: options.width, rows: options.height, yLabels: axes.y.labels)
        let xTicks = axes.xTicks(columns: layout.columns)
        var canvas = DotCanvas(kind: options.canvas, columns: layout.columns, rows: options.height,
                               xRange: (xTicks.lower, xTicks.upper), yRange: (axes.y.lower, axes.y.upper))
        let shadedClasses = background.map { shade(&canvas, with: $0) } ?? []

        var outside = 0
        for i in 0..<prepared.x.count where prepared.x[i].isFinite {
            let slot = UInt8(truncatingIfNeeded: classes[i] % 255 + 1)
            if useMarkers {
                if let cell = canvas.cell(x: prepared.x[i], y: prepared.y[i]) {
                    canvas.setOverlay(column: cell.column, row: cell.row,
                                      glyph: Markers.marker(classes[i], canvas: options.canvas), color: slot)
                } else {
                    outside += 1
                }
            } else if !canvas.point(x: prepared.x[i], y: prepared.y[i], color: slot) {
                outside += 1
            }
        }
        let rows = (0..<canvas.rows).map { row in
            canvas.line(row: row, paint: { color, background in
                var paint = Paint()
                if color != 0 { paint.foreground = Palette.series(Int(color) - 1, mode: options.color) }
                if background != 0 {
                    if options.color == .ansi256 {
                        paint.background = Palette.tint(Int(background) - 1, mode: options.color)
                    } else if color == 0 {
                        paint.foreground = Palette.series(Int(background) - 1, mode: options.color)
                    }
                }
                return paint
            }, backgroundGlyph: { slot in
                // With 256 colours the tint shows the class; otherwise a faint glyph per class.
                guard slot > 0, options.color != .ansi256 else { return " " }
                let glyphs = options.color == .none ? backgroundGlyphs : Array(backgroundGlyphs.dropFirst())
                return glyphs[(Int(slot) - 1) % glyphs.count]
            })
        }
        frame.footnotes = Footnotes.lines(nonFinite: prepared.nonFinite, nonPositive: 0, unpaired: unpaired,
                                          ascii: options.canvas.isASCII)
        if outside > 0 { frame.footnotes.append("\(Footnotes.count(outside, "point")) outside the plotted range") }
        if x.isEmpty && background == nil { frame.footnotes.insert("no data to draw", at: 0) }
        if useMarkers, !shadedClasses.isEmpty {
            // Without colour the regions are told apart by their glyph alone: say which is which.
            let regions = shadedClasses.sorted().prefix(8).map { index in
                let glyph = backgroundGlyphs[index % backgroundGlyphs.count]
                return (glyph == " " ? "blank" : String(glyph)) + " " + className(index)
            }
            frame.footnotes.append("regions: " + regions.joined(separator: ", "))
        }
        if shadedClasses.count == 1, let only = shadedClasses.first, classCount > 1 {
            frame.footnotes.append("the model predicts \(className(only)) everywhere shown")
        }
        return frame.assemble(layout: layout, canvasRows: rows, yMarks: canvas.yMarks(axes.y),
                              xMarks: canvas.xMarks(xTicks), options: options)
    }

    /// Paints each cell's class as its background; returns the classes painted.
    private func shade(_ canvas: inout DotCanvas, with background: DecisionBackground) -> Set<Int> {
        var painted = Set<Int>()
        for row in 0..<canvas.rows {
            // The centre of the cell in world coordinates.
            let fy = 1 - (Double(row) + 0.5) / Double(canvas.rows)
            let wy = canvas.yRange.lower + fy * (canvas.yRange.upper - canvas.yRange.lower)
            for column in 0..<canvas.columns {
                let fx = (Double(column) + 0.5) / Double(canvas.columns)
                let wx = canvas.xRange.lower + fx * (canvas.xRange.upper - canvas.xRange.lower)
                if let c = background.classAt(x: wx, y: wy) {
                    canvas.setBackground(column: column, row: row, slot: UInt8(truncatingIfNeeded: c % 255 + 1))
                    painted.insert(c)
                }
            }
        }
        return painted
    }

    private func legend(options: RenderOptions, markers: Bool) -> [LegendEntry] {
        let count = classCount
        guard count > 1 || !classNames.isEmpty else { return [] }
        return (0..<min(count, 16)).map { index in
            let glyph = markers ? String(Markers.marker(index, canvas: options.canvas)) : (options.canvas.isASCII ? "*" : "•")
            return LegendEntry(sample: StyledLine(glyph, paint: Paint(foreground: Palette.series(index, mode: options.color))),
                               name: className(index))
        }
    }
}
