extension BarChart {
    public func renderSVG(width: Int, height: Int) -> String {
        BarSVG(title: title, valueLabel: valueLabel, labels: values.indices.map(label), values: values,
               valueTexts: values.map { NumberFormat.compact($0) }, footnotes: footnotes, scaleMaximum: scaleMaximum)
            .document(width: width, height: height)
    }
}

extension Histogram {
    public func renderSVG(width: Int, height: Int) -> String {
        BarSVG(title: title, valueLabel: xLabel.isEmpty ? "count" : "count of " + xLabel, labels: binLabels,
               values: counts.map(Double.init), valueTexts: counts.map { String($0) }, footnotes: footnotes)
            .document(width: width, height: height)
    }
}

/// Horizontal bars as SVG.
struct BarSVG {
    var title: String
    var valueLabel: String
    var labels: [String]
    var values: [Double]
    var valueTexts: [String]
    var footnotes: [String]
    /// The value a full-length bar stands for (nil: the largest value).
    var scaleMaximum: Double? = nil

    func document(width: Int, height: Int) -> String {
        let finite = values.filter(\.isFinite)
        let fixed = scaleMaximum.flatMap { $0.isFinite && $0 > 0 ? $0 : nil } ?? 0
        let high = max(0, fixed, finite.max() ?? (fixed > 0 ? 0 : 1)), low = min(0, finite.min() ?? 0)
        let ticks = Ticks.linear(lower: low, upper: high > low ? high : 1, maxCount: max(3, width / 90))
        var frame = SVGFrame(title: title, xLabel: valueLabel)
        frame.footnotes = footnotes
        let n = max(1, values.count)
        let rowTicks = AxisTicks(lower: 0, upper: Double(n), positions: (0..<values.count).map { Double(n - $0) - 0.5 },
                                 labels: labels)
        frame.grid = true
        var area = frame.area(width: width, height: height, x: ticks, y: rowTicks)
        area.width = max(40, area.width - 40)  // room for the value after the longest bar
        var svg = SVGWriter(width: width, height: height)
        frame.drawBackground(&svg, area: area)
        let rowHeight = area.height / Double(n)
        for (i, value) in values.enumerated() where value.isFinite {
            let x0 = area.px(0), x1 = area.px(value)
            let y = area.top + Double(i) * rowHeight + rowHeight * 0.15
            svg.add("rect", [("x", SVGWriter.number(min(x0, x1))), ("y", SVGWriter.number(y)),
                             ("width", SVGWriter.number(abs(x1 - x0))), ("height", SVGWriter.number(rowHeight * 0.7)),
                             ("fill", Palette.seriesHex(0))])
            svg.text(valueTexts[i], x: max(x0, x1) + 4, y: y + rowHeight * 0.35 + 4, anchor: "start", size: 11)
        }
        frame.drawForeground(&svg, area: area)
        return svg.document
    }
}
