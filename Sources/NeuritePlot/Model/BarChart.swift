/// Labelled horizontal bars, e.g. a figure per layer. Negative values extend left of the axis;
/// NaN and infinite values get no bar and are reported.
public struct BarChart: Plottable {
    public var title: String
    /// What the bar lengths measure, printed under the bars.
    public var valueLabel: String
    public var labels: [String]
    public var values: [Double]
    /// The value a full-length bar stands for, so that charts drawn side by side share one scale
    /// (e.g. 1 for fractions); values above it still fit. nil: the largest value.
    public var scaleMaximum: Double?

    /// Bars for `labels[i]` of length `values[i]`; missing labels are 1, 2, 3, …, extra labels ignored.
    public init(
        labels: [String], values: [Double], title: String = "", valueLabel: String = "", scaleMaximum: Double? = nil
    ) {
        self.labels = labels
        self.values = values
        self.scaleMaximum = scaleMaximum
        self.title = title
        self.valueLabel = valueLabel
    }

    func label(_ i: Int) -> String { i < labels.count ? labels[i] : String(i + 1) }
}
