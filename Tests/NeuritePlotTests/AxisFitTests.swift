import Testing

@testable import NeuritePlot

/// The y axis of a line plot stays close to its data at every plot height (a short plot used to
/// widen -1…3 to -5…5 because its coarse step left one tick inside the data).
@Suite struct AxisFitTests {
    @Test(arguments: [(-0.995, 3.0), (0.5, 0.6), (1.0, 5.0), (0.0, 0.001), (-7.0, 13.0), (-1.0, 1.0), (2.0, 2.5)])
    func yAxisStaysNearTheData(lower: Double, upper: Double) {
        let span = upper - lower
        for height in 2...60 {
            let axes = PlotAxes.make(
                xs: [[0, 1]], ys: [[lower, upper]], xLimits: nil, yLimits: nil, yScale: .linear,
                options: RenderOptions(width: 80, height: height))
            #expect(axes.y.lower <= lower && axes.y.upper >= upper, "height \(height): the data fits")
            #expect(axes.y.lower >= lower - 0.5 * span && axes.y.upper <= upper + 0.5 * span,
                    "height \(height): \(axes.y.lower)…\(axes.y.upper) for data \(lower)…\(upper)")
            #expect(axes.y.positions.count >= 2, "height \(height): \(axes.y.labels)")
        }
    }
}
