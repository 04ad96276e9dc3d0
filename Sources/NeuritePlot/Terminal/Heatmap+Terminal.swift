extension Heatmap {
    public func render(_ options: RenderOptions) -> String {
        terminalLines(options).renderedBlock(width: options.width)
    }

    func terminalLines(_ options: RenderOptions) -> [StyledLine] {
        let normalizer = ColorNormalizer(values: matrix, scale: colorScale, limits: colorLimits)
        var frame = PlotFrame(title: title, xLabel: xLabel, yLabel: yLabel)
        var lines: [StyledLine]
        switch layout {
        case .labelled:
            lines = labelledLines(options, normalizer: normalizer, frame: &frame)
        case .plane(let xRange, let yRange):
            lines = planeLines(options, normalizer: normalizer, frame: &frame, xRange: xRange, yRange: yRange)
        }
        return lines
    }

    private func footnotes(_ normalizer: ColorNormalizer, ascii: Bool) -> [String] {
        var notes: [String] = []
        if rowCount == 0 || columnCount == 0 { notes.append("no data to draw") }
        if normalizer.skipped > 0 {
            let reason = colorScale == .log ? "NaN/inf or \(ascii ? "<=" : "≤") 0 on log scale" : "NaN/inf"
            notes.append("\(Footnotes.count(normalizer.skipped, "cell")) not drawn (?): \(reason)")
        }
        return notes
    }

    /// Matrix rows top to bottom, each matrix column a few characters wide.
    private func labelledLines(_ options: RenderOptions, normalizer: ColorNormalizer, frame: inout PlotFrame) -> [StyledLine] {
        let rows = max(1, rowCount), columns = max(1, columnCount)
        let shownRows = min(rows, max(options.height, 1))
        let rowLabels = (0..<shownRows).map { rowLabel($0 * rows / shownRows) }
        var layout = frame.layout(width: options.width, rows: shownRows, yLabels: rowLabels)
        let cellWidth = max(1, min(4, layout.columns / columns))
        let shownColumns = min(columns, layout.columns / cellWidth)
        layout.columns = shownColumns * cellWidth
        frame.below = ColorBar.lines(normalizer, width: options.width - layout.gutter - 1, options: options)
        frame.footnotes = footnotes(normalizer, ascii: options.canvas.isASCII)
        // Rows or columns beyond the height or width are left out (evenly spaced ones are kept): say so.
        if shownRows < rows { frame.footnotes.append("\(shownRows) of \(rows) rows shown") }
        if shownColumns < columns { frame.footnotes.append("\(shownColumns) of \(columns) columns shown") }

        var canvasRows: [StyledLine] = []
        for r in 0..<shownRows {
            var line = StyledLine()
            let i = r * rows / shownRows
            for c in 0..<shownColumns {
                let j = c * columns / shownColumns
                let cell = HeatCell.make(top: normalizer.fraction(value(i, j)), bottom: nil, options: options)
                line.append(String(repeating: String(cell.glyph), count: cellWidth), paint: cell.paint)
            }
            line.pad(to: layout.columns)
            canvasRows.append(line)
        }
        let yMarks = rowLabels.enumerated().map { AxisMark(cell: $0.offset, label: $0.element) }
        // Label a subset of columns so that the labels fit side by side.
        let labelWidth = (0..<shownColumns).map { DisplayWidth.of(columnLabel($0 * columns / shownColumns)) }.max() ?? 1
        let every = max(1, Int((Double(labelWidth + 1) / Double(cellWidth)).rounded(.up)))
        let xMarks = stride(from: 0, to: shownColumns, by: every).map { c in
            AxisMark(cell: c * cellWidth + (cellWidth - 1) / 2, label: columnLabel(c * columns / shownColumns))
        }
        return frame.assemble(layout: layout, canvasRows: canvasRows, yMarks: yMarks, xMarks: xMarks,
                              options: options)
    }

    /// A grid over the plane with numeric axes; row 0 of the matrix at the bottom.
    private func planeLines(_ options: RenderOptions, normalizer: ColorNormalizer, frame: inout PlotFrame,
                            xRange: ClosedRange<Double>, yRange: ClosedRange<Double>) -> [StyledLine] {
        let maxYTicks = max(2, min(options.height / 2 + 1, 7))
        let yTicks = Ticks.linear(lower: yRange.lowerBound, upper: yRange.upperBound, maxCount: maxYTicks, tight: true)
        let layout = frame.layout(width: options.width, rows: options.height, yLabels: yTicks.labels)
        let xTicks = Ticks.linear(lower: xRange.lowerBound, upper: xRange.upperBound,
                                  maxCount: max(2, min(layout.columns / 7, 11)), tight: true)
        frame.below = ColorBar.lines(normalizer, width: options.width - layout.gutter - 1, options: options)
        frame.footnotes = footnotes(normalizer, ascii: options.canvas.isASCII)
        // Two samples per character (upper and lower half) where a half-block can show them.
        let halves = options.color == .ansi256 && !options.canvas.isASCII
        let samplesDown = options.height * (halves ? 2 : 1)
        func sample(_ s: Int, _ column: Int) -> Double? {
            let fy = 1 - (Double(s) + 0.5) / Double(samplesDown)
            let fx = (Double(column) + 0.5) / Double(layout.columns)
            let i = min(rowCount - 1, Int(fy * Double(rowCount)))
            let rowLength = i >= 0 && i < rowCount ? matrix[i].count : 0
            guard i >= 0, rowLength > 0 else { return nil }
            return normalizer.fraction(value(i, min(rowLength - 1, Int(fx * Double(rowLength)))))
        }
        var canvasRows: [StyledLine] = []
        for row in 0..<options.height {
            var line = StyledLine()
            for column in 0..<layout.columns {
                let cell: HeatCell
                if halves {
                    cell = HeatCell.make(top: sample(2 * row, column), bottom: sample(2 * row + 1, column), options: options)
                } else {
                    cell = HeatCell.make(top: sample(row, column), bottom: nil, options: options)
                }
                line.append(String(cell.glyph), paint: cell.paint)
            }
            canvasRows.append(line)
        }
        let canvas = DotCanvas(kind: options.canvas, columns: layout.columns, rows: options.height,
                               xRange: (xTicks.lower, xTicks.upper), yRange: (yTicks.lower, yTicks.upper))
        return frame.assemble(layout: layout, canvasRows: canvasRows, yMarks: canvas.yMarks(yTicks),
                              xMarks: canvas.xMarks(xTicks), options: options)
    }
}
