import NeuriteEngine

/// A grid over the plane of a 2-D data set, where `boundary` and `units` evaluate a model: the
/// data's extent widened by a tenth on each side, cell centres row by row from the bottom.
struct PlaneGrid {
    let xRange: ClosedRange<Double>
    let yRange: ClosedRange<Double>
    let columns: Int
    let rows: Int
    /// The centres as (x, y) pairs, `rows × columns` of them, row 0 at the bottom.
    let points: [Float]

    init(over data: Dataset, columns: Int, rows: Int) {
        xRange = Self.padded(DatasetPictures.column(data.features, 0))
        yRange = Self.padded(DatasetPictures.column(data.features, 1))
        self.columns = columns
        self.rows = rows
        var points: [Float] = []
        points.reserveCapacity(rows * columns * 2)
        for row in 0..<rows {
            let y = yRange.lowerBound + (yRange.upperBound - yRange.lowerBound) * (Double(row) + 0.5) / Double(rows)
            for column in 0..<columns {
                let x = xRange.lowerBound + (xRange.upperBound - xRange.lowerBound) * (Double(column) + 0.5) / Double(columns)
                points += [Float(x), Float(y)]
            }
        }
        self.points = points
    }

    /// The points as the engine's input: `rows·columns × 2`.
    func tensor() throws -> Tensor {
        try Tensor(shape: [rows * columns, 2], values: points)
    }

    /// Values of `output` (`rows·columns × width`, row-major), column `k`, as grid rows (bottom first).
    func grid(_ output: Tensor, column k: Int = 0) -> [[Double]] {
        let width = output.columns
        return (0..<rows).map { row in (0..<columns).map { Double(output.storage[(row * columns + $0) * width + k]) } }
    }

    /// The extent of `values` widened by a tenth of its span on each side (1 for constant data).
    static func padded(_ values: [Double]) -> ClosedRange<Double> {
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else { return -1...1 }
        let margin = hi > lo ? (hi - lo) / 10 : 1
        return (lo - margin)...(hi + margin)
    }
}
