/// One or more series (or sampled functions) drawn as lines over shared axes.
///
/// ```swift
/// var plot = LinePlot(title: "activations", xLabel: "x", yLabel: "f(x)")
/// plot.add(function: "relu", over: -5...5) { max(0, $0) }
/// plot.add(series: "loss", y: losses)        // x = 1, 2, 3, …
/// print(render(plot, RenderOptions(width: 80, height: 16)))
/// ```
/// NaN and infinite values are not drawn (the line breaks there) and are counted in a footnote;
/// on a log y axis so are values ≤ 0.
public struct LinePlot: Plottable {
    /// How a series is drawn.
    public enum Style: String, Sendable, CaseIterable {
        /// Points joined in order by straight lines.
        case line
        /// Points only (dots; markers without colour).
        case points
    }

    /// A named series of points.
    public struct Series: Sendable, Equatable {
        public var name: String
        public var x: [Double]
        public var y: [Double]
        public var style: Style
        /// Points dropped because `x` and `y` had different lengths.
        public var unpaired: Int
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var yScale: AxisScale
    /// Fixed x range; by default the range of the data.
    public var xLimits: ClosedRange<Double>?
    /// Fixed y range; by default the data range widened to tick values.
    public var yLimits: ClosedRange<Double>?
    public private(set) var series: [Series] = []

    public init(title: String = "", xLabel: String = "", yLabel: String = "", yScale: AxisScale = .linear,
                xLimits: ClosedRange<Double>? = nil, yLimits: ClosedRange<Double>? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.yScale = yScale
        self.xLimits = xLimits
        self.yLimits = yLimits
    }

    /// Adds a series of (x[i], y[i]) points; extra values of the longer array are ignored
    /// (and reported).
    public mutating func add(series name: String, x: [Double], y: [Double], style: Style = .line) {
        let n = min(x.count, y.count)
        series.append(Series(name: name, x: Array(x.prefix(n)), y: Array(y.prefix(n)), style: style,
                             unpaired: max(x.count, y.count) - n))
    }

    /// Adds a series with x = 1, 2, 3, … (epochs, steps).
    public mutating func add(series name: String, y: [Double], style: Style = .line) {
        add(series: name, x: (0..<y.count).map { Double($0 + 1) }, y: y, style: style)
    }

    /// Adds `function` sampled at `samples` evenly spaced points of `range` (2…100 000).
    public mutating func add(function name: String, over range: ClosedRange<Double>, samples: Int = 401,
                             _ function: (Double) -> Double) {
        let n = max(2, min(samples, 100_000))
        let lo = range.lowerBound, hi = range.upperBound
        let xs = (0..<n).map { i in lo + (hi - lo) * Double(i) / Double(n - 1) }
        add(series: name, x: xs, y: xs.map(function))
    }
}
