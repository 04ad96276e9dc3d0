extension BarChart {
    public func render(_ options: RenderOptions) -> String {
        terminalLines(options).renderedBlock(width: options.width)
    }

    func terminalLines(_ options: RenderOptions) -> [StyledLine] {
        let labels = values.indices.map(label)
        let texts = values.map { NumberFormat.compact($0) }
        return BarRows(title: title, valueLabel: valueLabel, labels: labels, values: values, valueTexts: texts,
                       footnotes: footnotes, scaleMaximum: scaleMaximum).lines(options)
    }

    var footnotes: [String] {
        let skipped = values.filter { !$0.isFinite }.count
        var notes: [String] = []
        if values.isEmpty { notes.append("no data to draw") }
        if skipped > 0 { notes.append("\(Footnotes.count(skipped, "bar")) not drawn: NaN/inf") }
        return notes
    }
}

extension Histogram {
    public func render(_ options: RenderOptions) -> String {
        terminalLines(options).renderedBlock(width: options.width)
    }

    func terminalLines(_ options: RenderOptions) -> [StyledLine] {
        BarRows(title: title, valueLabel: xLabel.isEmpty ? "" : "count of " + xLabel, labels: binLabels,
                values: counts.map(Double.init), valueTexts: counts.map { String($0) },
                footnotes: footnotes).lines(options)
    }

    var footnotes: [String] {
        var notes: [String] = []
        if counts.isEmpty { notes.append("no data to draw") }
        if nonFinite > 0 { notes.append("\(Footnotes.count(nonFinite, "value")) not counted: NaN/inf") }
        if outside > 0 { notes.append("\(Footnotes.count(outside, "value")) outside the bins") }
        if excluded > 0 { notes.append("\(Footnotes.count(excluded, "value")) not counted: NaN/inf or out of range") }
        return notes
    }
}

/// Horizontal bars with labels on the left and values at the bar ends.
struct BarRows {
    var title: String
    var valueLabel: String
    var labels: [String]
    var values: [Double]
    var valueTexts: [String]
    var footnotes: [String]
    /// The value a full-length bar stands for (nil: the largest value).
    var scaleMaximum: Double? = nil

    static let eighths: [String] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    func lines(_ options: RenderOptions) -> [StyledLine] {
        let ascii = options.canvas.isASCII
        let width = options.width
        let labelWidth = min(max(8, width / 3), labels.map(DisplayWidth.of).max() ?? 0)
        let valueWidth = valueTexts.map(DisplayWidth.of).max() ?? 0
        let space = max(4, width - labelWidth - 2 - 1 - valueWidth - 1)
        let finite = values.filter(\.isFinite)
        let fixed = scaleMaximum.flatMap { $0.isFinite && $0 > 0 ? $0 : nil } ?? 0
        let high = max(0, fixed, finite.max() ?? 0), low = min(0, finite.min() ?? 0)
        // Columns per unit, computed on halves so that neither a huge nor a subnormal range overflows.
        let halfRange = high / 2 - low / 2
        func columns(_ magnitude: Double) -> Double {
            guard halfRange > 0, magnitude.isFinite else { return 0 }
            let cells = (magnitude / 2) / halfRange * Double(space)
            return cells.isFinite ? min(cells, Double(space)) : 0
        }
        let negativeColumns = low < 0 ? Int(columns(-low).rounded()) : 0
        let axis = ascii ? "|" : "┤"
        let paint = Paint(foreground: Palette.series(0, mode: options.color))
        var lines: [StyledLine] = []
        if !title.isEmpty {
            lines.append(StyledLine.centered(DisplayWidth.truncate(DisplayWidth.sanitize(title), to: width, ascii: ascii), in: width))
        }
        for (i, value) in values.enumerated() {
            var line = StyledLine()
            let label = DisplayWidth.truncate(DisplayWidth.sanitize(labels[i]), to: labelWidth, ascii: ascii)
            line.appendSpaces(labelWidth - DisplayWidth.of(label))
            line.append(label + " ")
            let length = columns(abs(value))
            if value < 0 && value.isFinite {
                let cells = min(negativeColumns, Int(length.rounded()))
                line.appendSpaces(negativeColumns - cells)
                line.append(String(repeating: ascii ? "#" : "█", count: cells), paint: paint)
            } else {
                line.appendSpaces(negativeColumns)
            }
            line.append(axis, paint: Paint(foreground: Palette.frame(mode: options.color)))
            if value > 0 {
                line.append(bar(length, ascii: ascii), paint: paint)
            }
            line.append(" " + valueTexts[i])
            lines.append(line)
        }
        if !valueLabel.isEmpty {
            lines.append(StyledLine.centered(DisplayWidth.truncate(valueLabel, to: width, ascii: ascii), in: width))
        }
        for note in footnotes { lines.append(StyledLine(DisplayWidth.truncate(note, to: width, ascii: ascii))) }
        return lines.map { $0.padded(to: width) }
    }

    /// A bar of `length` cells, with eighth blocks for the fraction (whole `#` in ASCII).
    private func bar(_ length: Double, ascii: Bool) -> String {
        guard length.isFinite, length > 0 else { return "" }
        if ascii { return String(repeating: "#", count: max(1, Int(length.rounded()))) }
        let whole = Int(length)
        let eighth = Int(((length - Double(whole)) * 8).rounded())
        var text = String(repeating: "█", count: whole)
        if eighth == 8 { text += "█" } else { text += Self.eighths[eighth] }
        return text.isEmpty ? "▏" : text
    }
}
