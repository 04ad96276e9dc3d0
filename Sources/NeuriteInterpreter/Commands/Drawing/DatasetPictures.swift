import Foundation
import NeuriteEngine
import NeuriteLanguage
import NeuritePlot

/// Pictures of a dataset: a scatter of 2-D data by class (or by target range for a 2-D regression,
/// or of a 1-D regression's targets over its input), or a summary table and per-feature histograms.
enum DatasetPictures {
    /// Feature histograms drawn at most by `show` (its table is ``DatasetReport``).
    static let maximumHistograms = 8

    /// Whether the dataset is drawn as a scatter (2 features with classes or 1 target, or 1 feature
    /// and 1 target).
    static func isPlanar(_ data: Dataset) -> Bool {
        (data.featureWidth == 2 && data.classCount != nil) || isPlaneRegression(data)
            || (data.featureWidth == 1 && data.targetWidth == 1)
    }

    /// A regression over the plane (2 features, 1 target), drawn with points coloured by target range.
    static func isPlaneRegression(_ data: Dataset) -> Bool {
        guard data.featureWidth == 2, case .values(let targets) = data.targets else { return false }
        return targets.columns == 1
    }

    /// Target ranges a plane regression's points are coloured by.
    static let targetRanges = 6

    /// Column `index` of `tensor` (n × width).
    static func column(_ tensor: Tensor, _ index: Int) -> [Double] {
        let width = tensor.columns
        return (0..<tensor.rows).map { Double(tensor.storage[$0 * width + index]) }
    }

    static func featureName(_ data: Dataset, _ index: Int) -> String {
        if let names = data.featureNames, index < names.count { return names[index] }
        return "x\(index + 1)"
    }

    /// The scatter of a planar dataset, points coloured by class.
    static func scatter(_ value: DatasetValue, title: String?, at span: Span) throws -> ScatterPlot {
        let data = value.dataset
        guard isPlanar(data) else {
            throw RuntimeError(
                .scatterDatasetWidth(features: data.featureWidth), at: span,
                hint: "scatter draws 2-D datasets (and 1-D regressions); 'show d' summarises any dataset")
        }
        var plot = ScatterPlot(
            title: title ?? "\(value.label) (\(data.count))", xLabel: featureName(data, 0),
            yLabel: data.featureWidth == 2 ? featureName(data, 1) : "target", classNames: data.classNames ?? [])
        add(data, to: &plot)
        return plot
    }

    /// Adds the dataset's points (class-coloured when it has classes).
    static func add(_ data: Dataset, to plot: inout ScatterPlot) {
        let xs = column(data.features, 0)
        switch data.targets {
        case .classes(let labels, _):
            plot.add(x: xs, y: data.featureWidth > 1 ? column(data.features, 1) : xs, classes: labels)
        case .values(let targets):
            guard data.featureWidth == 2 else {
                plot.add(x: xs, y: column(targets, 0))
                return
            }
            let (classes, names) = targetClasses(column(targets, 0))
            plot.classNames = names
            let ys = column(data.features, 1)
            // A point whose target is NaN or infinite has no colour: it is not drawn, and is counted
            // with the plot's non-finite points.
            plot.add(
                x: xs.indices.map { classes[$0] == nil ? .nan : xs[$0] }, y: ys,
                classes: classes.map { $0 ?? 0 })
        }
    }

    /// Each target's range among at most ``targetRanges`` tidy ranges (nil when not finite), and
    /// the ranges' names (`target in [0, 0.5)`, the last one closed).
    static func targetClasses(_ targets: [Double]) -> (classes: [Int?], names: [String]) {
        let finite = targets.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else { return (targets.map { _ in nil }, []) }
        let (range, count) = LayerHistograms.tidyBins(lo...hi, target: targetRanges)
        let edges = evenEdges(range, count: count)
        guard count > 1, edges.count == count + 1 else {
            return (targets.map { $0.isFinite ? 0 : nil }, ["target " + NumberFormat.compact(lo)
                + (hi > lo ? " to " + NumberFormat.compact(hi) : "")])
        }
        let step = edges[1] - edges[0]
        let classes = targets.map { t -> Int? in
            guard t.isFinite else { return nil }
            var index = 0
            while index + 1 < count && t >= edges[index + 1] { index += 1 }
            return index
        }
        let names = (0..<count).map { i in
            let text = { (e: Double) in step.isFinite ? NumberFormat.tick(e, step: step) : NumberFormat.compact(e) }
            return "target in [\(text(edges[i])), \(text(edges[i + 1]))" + (i == count - 1 ? "]" : ")")
        }
        return (classes, names)
    }

    /// `count` equal edges over `range` (the last exactly its upper bound).
    static func evenEdges(_ range: ClosedRange<Double>, count: Int) -> [Double] {
        let a = range.lowerBound, b = range.upperBound, n = Double(max(1, count))
        let width = b / n - a / n
        return (0...max(1, count)).map { $0 == max(1, count) ? b : a + Double($0) * width }
    }

    /// Histograms of the first features (and of a regression's target).
    static func histograms(_ value: DatasetValue, bins: Int) -> [any Plottable] {
        let data = value.dataset
        var plots: [any Plottable] = (0..<min(data.featureWidth, maximumHistograms)).map { index in
            histogram(column(data.features, index), bins: bins, title: featureName(data, index))
        }
        if case .values(let targets) = data.targets, targets.columns == 1 {
            plots.append(histogram(column(targets, 0), bins: bins, title: "target"))
        }
        return plots
    }

    /// At most `bins` bins with tidy edges (short labels).
    static func histogram(_ values: [Double], bins: Int, title: String) -> HistogramPlot {
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max(), hi > lo else {
            return HistogramPlot(values: values, bins: .count(1), title: title)
        }
        let (range, count) = LayerHistograms.tidyBins(lo...hi, target: bins)
        let start = range.lowerBound, end = range.upperBound, step = (end - start) / Double(count)
        let edges = (0...count).map { i -> Double in
            // Multiples of a tidy step stay exact; a span beyond the largest Double is blended.
            if i == count { return end }
            if step.isFinite { return start + Double(i) * step }
            let t = Double(i) / Double(count)
            return start * (1 - t) + end * t
        }
        return HistogramPlot(values: values, bins: .edges(edges), title: title)
    }
}
