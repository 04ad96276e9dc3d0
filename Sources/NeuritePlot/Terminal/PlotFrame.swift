/// A legend entry: a short styled sample (line, marker or swatch) and a name.
struct LegendEntry {
    var sample: StyledLine
    var name: String
}

/// A labelled position on an axis: a canvas row (y) or column (x).
struct AxisMark {
    var cell: Int
    var label: String
}

/// Decorates a canvas with a frame, tick marks and labels, title, axis labels, legend and
/// footnotes; every row comes out exactly `width` columns wide. Used by line plots, scatter
/// plots and heatmaps alike.
struct PlotFrame {
    var title = ""
    var xLabel = ""
    var yLabel = ""
    var legend: [LegendEntry] = []
    var footnotes: [String] = []
    /// Extra rows under the x axis (a colour bar), indented to the canvas.
    var below: [StyledLine] = []

    /// Sizes decided before drawing the canvas.
    struct Layout {
        var width: Int
        var gutter: Int
        var columns: Int
        var legendBeside: Bool
        var legendWidth: Int
    }

    static let maxLegendName = 24
    static let maxYLabel = 12

    /// Decides the gutter (y labels), canvas columns and legend placement for a total `width`.
    func layout(width: Int, rows: Int, yLabels: [String]) -> Layout {
        let labelWidth = min(Self.maxYLabel, yLabels.map(DisplayWidth.of).max() ?? 0)
        let gutter = labelWidth + 1
        let legendWidth = legend.map { $0.sample.width + 1 + min(Self.maxLegendName, DisplayWidth.of($0.name)) }.max() ?? 0
        let full = max(4, width - gutter - 2)
        let withLegend = width - gutter - 2 - 2 - legendWidth
        let beside = !legend.isEmpty && legend.count <= rows && withLegend >= max(20, full * 3 / 5)
        return Layout(width: width, gutter: gutter, columns: beside ? withLegend : full,
                      legendBeside: beside, legendWidth: legendWidth)
    }

    /// Assembles the rows around `canvasRows` (each `layout.columns` wide).
    func assemble(layout: Layout, canvasRows: [StyledLine], yMarks: [AxisMark], xMarks: [AxisMark],
                  options: RenderOptions) -> [StyledLine] {
        let canvas = options.canvas
        // The frame in grey when there is colour, so that the data stands out.
        let framePaint = Paint(foreground: Palette.frame(mode: options.color))
        let glyphs = FrameGlyphs.forCanvas(canvas)
        let ascii = canvas.isASCII
        let width = layout.width
        let frameStart = layout.gutter
        var lines: [StyledLine] = []

        if !title.isEmpty {
            let text = DisplayWidth.truncate(DisplayWidth.sanitize(title), to: width, ascii: ascii)
            let span = layout.columns + 2
            let offset = max(0, min(frameStart + (span - DisplayWidth.of(text)) / 2, width - DisplayWidth.of(text)))
            var line = StyledLine()
            line.appendSpaces(offset)
            line.append(text)
            lines.append(line)
        }
        if !yLabel.isEmpty {
            lines.append(StyledLine(DisplayWidth.truncate(DisplayWidth.sanitize(yLabel), to: width, ascii: ascii)))
        }

        var top = StyledLine()
        top.appendSpaces(frameStart)
        top.append(glyphs.topLeft + String(repeating: glyphs.horizontal, count: layout.columns) + glyphs.topRight,
                   paint: framePaint)
        lines.append(top)

        var labelsByRow: [Int: String] = [:]
        for mark in yMarks where labelsByRow[mark.cell] == nil {
            labelsByRow[mark.cell] = DisplayWidth.sanitize(mark.label)
        }
        let legendRows = layout.legendBeside ? legend.map { entryLine($0, ascii: ascii) } : []
        for (row, canvasRow) in canvasRows.enumerated() {
            var line = StyledLine()
            if let label = labelsByRow[row] {
                let text = DisplayWidth.truncate(label, to: layout.gutter - 1, ascii: ascii)
                line.appendSpaces(layout.gutter - 1 - DisplayWidth.of(text))
                line.append(text + " ")
                line.append(glyphs.leftTick, paint: framePaint)
            } else {
                line.appendSpaces(layout.gutter)
                line.append(glyphs.vertical, paint: framePaint)
            }
            line.append(canvasRow.padded(to: layout.columns))
            line.append(glyphs.vertical, paint: framePaint)
            if row < legendRows.count {
                line.appendSpaces(2)
                line.append(legendRows[row])
            }
            lines.append(line)
        }

        let tickColumns = Set(xMarks.map(\.cell).filter { $0 >= 0 && $0 < layout.columns })
        var bottom = StyledLine()
        bottom.appendSpaces(frameStart)
        bottom.append(glyphs.bottomLeft, paint: framePaint)
        bottom.append((0..<layout.columns).map { tickColumns.contains($0) ? glyphs.bottomTick : glyphs.horizontal }.joined(),
                      paint: framePaint)
        bottom.append(glyphs.bottomRight, paint: framePaint)
        lines.append(bottom)

        if !xMarks.isEmpty {
            lines.append(xLabelRow(xMarks, layout: layout))
        }
        if !xLabel.isEmpty {
            let text = DisplayWidth.truncate(DisplayWidth.sanitize(xLabel), to: width, ascii: ascii)
            let center = frameStart + 1 + layout.columns / 2
            var line = StyledLine()
            line.appendSpaces(max(0, min(center - DisplayWidth.of(text) / 2, width - DisplayWidth.of(text))))
            line.append(text)
            lines.append(line)
        }
        for extra in below {
            var line = StyledLine()
            line.appendSpaces(min(frameStart + 1, max(0, width - extra.width)))
            line.append(extra)
            lines.append(line)
        }
        if !layout.legendBeside && !legend.isEmpty {
            lines += wrappedLegend(width: width - frameStart - 1, ascii: ascii).map { row in
                var line = StyledLine()
                line.appendSpaces(frameStart + 1)
                line.append(row)
                return line
            }
        }
        for note in footnotes {
            lines.append(StyledLine(DisplayWidth.truncate(note, to: width, ascii: ascii)))
        }
        return lines.map { $0.padded(to: width) }
    }

    /// Tick labels centred under their columns, skipping any that would overlap.
    private func xLabelRow(_ marks: [AxisMark], layout: Layout) -> StyledLine {
        var line = StyledLine()
        var used = 0
        for mark in marks.sorted(by: { $0.cell < $1.cell }) {
            let label = DisplayWidth.truncate(DisplayWidth.sanitize(mark.label), to: 16)
            let w = DisplayWidth.of(label)
            let center = layout.gutter + 1 + mark.cell
            let start = max(0, min(center - (w - 1) / 2, layout.width - w))
            let gap = used == 0 ? 0 : 1
            guard start >= used + gap else { continue }
            line.appendSpaces(start - used)
            line.append(label)
            used = start + w
        }
        return line
    }

    private func entryLine(_ entry: LegendEntry, ascii: Bool) -> StyledLine {
        var line = entry.sample
        line.append(" " + DisplayWidth.truncate(DisplayWidth.sanitize(entry.name), to: Self.maxLegendName, ascii: ascii))
        return line
    }

    /// Legend entries side by side, wrapped to `width`.
    private func wrappedLegend(width: Int, ascii: Bool) -> [StyledLine] {
        var rows: [StyledLine] = []
        var current = StyledLine()
        for entry in legend {
            let item = entryLine(entry, ascii: ascii)
            if current.width > 0 && current.width + 3 + item.width > width {
                rows.append(current)
                current = StyledLine()
            }
            if current.width > 0 { current.appendSpaces(3) }
            current.append(item)
        }
        if current.width > 0 { rows.append(current) }
        return rows
    }
}

extension DotCanvas {
    /// The canvas rows holding each y tick.
    func yMarks(_ ticks: AxisTicks) -> [AxisMark] {
        zip(ticks.positions, ticks.labels).compactMap { position, label in
            let p = pixelY(position).rounded()
            guard p.isFinite, p >= -0.5, p <= Double(pixelHeight) - 0.5 else { return nil }
            return AxisMark(cell: Int(max(0, p)) / kind.dotsDown, label: label)
        }
    }

    /// The canvas columns holding each x tick.
    func xMarks(_ ticks: AxisTicks) -> [AxisMark] {
        zip(ticks.positions, ticks.labels).compactMap { position, label in
            let p = pixelX(position).rounded()
            guard p.isFinite, p >= -0.5, p <= Double(pixelWidth) - 0.5 else { return nil }
            return AxisMark(cell: Int(max(0, p)) / kind.dotsAcross, label: label)
        }
    }
}
