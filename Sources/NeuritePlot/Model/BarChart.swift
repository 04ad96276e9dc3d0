/// Labelled horizontal bars, e.g. a figure per layer. Negative values extend left of the axis;
/// NaN and infinite values get no bar and are reported.
public struct BarChart: Plottable {
    public var title: String
    /// What the bar lengths measure, printed under the bars.
    public var valueLabel: String
    public var labels: [String]
    public var values: [Double]

    /// Bars for `labels[i]` of length `values[i]`; missing labels are 1, 2, 3, …, extra labels ignored.
    public init(labels: [String], values: [Double], title: String = "", valueLabel: String = "") {
        self.labels = labels
        self.values = values
        self.title = title
        self.valueLabel = valueLabel
    }

    func label(_ i: Int) -> String { i < labels.count ? labels[i] : String(i + 1) }
}
