import Foundation

/// A matrix of values drawn as coloured cells, with a colour bar.
///
/// Two layouts:
/// - a labelled matrix (`init(matrix:rowLabels:columnLabels:)`), row 0 at the top, e.g. gradient
///   norm per layer (rows) × epoch (columns) — the vanishing-gradient picture, best with a log
///   colour scale;
/// - a grid over a rectangle of the plane (`init(grid:xRange:yRange:)`), row 0 at the bottom,
///   e.g. a model's output over a 2-D input grid.
///
/// NaN and infinite cells (and cells ≤ 0 on a log colour scale) are shown as `?` and counted.
public struct Heatmap: Plottable {
    /// How cells map to the page: named rows and columns, or a rectangle of the plane.
    public enum Layout: Sendable, Equatable {
        /// One label per row and per column, row 0 at the top (e.g. a confusion matrix).
        case labelled(rows: [String], columns: [String])
        /// Cells evenly spread over `x` × `y`, row 0 at the bottom (`y.lowerBound`).
        case plane(x: ClosedRange<Double>, y: ClosedRange<Double>)
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var matrix: [[Double]]
    public var layout: Layout
    public var colorScale: AxisScale
    /// The values at the two ends of the colour ramp, so that maps drawn side by side share one
    /// colour scale (widened to take in every value); nil: this matrix's own extent.
    public var colorLimits: ClosedRange<Double>?

    /// A labelled matrix; missing labels default to 0, 1, 2, … (the language's indices: row `i` is `m[i]`)
    public init(matrix: [[Double]], rowLabels: [String] = [], columnLabels: [String] = [], title: String = "",
                xLabel: String = "", yLabel: String = "", colorScale: AxisScale = .linear) {
        self.matrix = matrix
        self.layout = .labelled(rows: rowLabels, columns: columnLabels)
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.colorScale = colorScale
    }

    /// A grid over `xRange` × `yRange`: `grid[i][j]` is the value at the i-th y (from the bottom)
    /// and j-th x (from the left).
    public init(grid: [[Double]], xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, title: String = "",
                xLabel: String = "", yLabel: String = "", colorScale: AxisScale = .linear) {
        self.matrix = grid
        self.layout = .plane(x: xRange, y: yRange)
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.colorScale = colorScale
    }

    var rowCount: Int { matrix.count }
    var columnCount: Int { matrix.map(\.count).max() ?? 0 }

    func rowLabel(_ i: Int) -> String {
        if case .labelled(let rows, _) = layout, i < rows.count { return rows[i] }
        return String(i)
    }

    func columnLabel(_ j: Int) -> String {
        if case .labelled(_, let columns) = layout, j < columns.count { return columns[j] }
        return String(j)
    }

    /// The value at row `i`, column `j` (NaN where a ragged row is short).
    func value(_ i: Int, _ j: Int) -> Double {
        guard i >= 0, i < matrix.count, j >= 0, j < matrix[i].count else { return .nan }
        return matrix[i][j]
    }
}
