import Foundation
import NeuritePlot

/// Plots of every kind, built from fixed data, shared by the pixel tests.
enum PlotSamples {
    static var functions: LinePlot {
        var plot = LinePlot(title: "relu and tanh", xLabel: "x")
        plot.add(function: "relu", over: -3...3) { max(0, $0) }
        plot.add(function: "tanh", over: -3...3) { tanh($0) }
        return plot
    }

    static var heatmap: Heatmap {
        Heatmap(matrix: (0..<4).map { i in (0..<6).map { j in Double(i * 6 + j) } }, title: "cells")
    }

    static var regions: ScatterPlot {
        var plot = ScatterPlot(title: "regions", classNames: ["a", "b"])
        let xs = (0..<40).map { Double($0 % 8) / 4 - 1 }
        let ys = (0..<40).map { Double($0 / 8) / 2.5 - 1 }
        plot.add(x: xs, y: ys, classes: xs.indices.map { xs[$0] + ys[$0] > 0 ? 1 : 0 })
        plot.background = DecisionBackground(
            xRange: -1.2...1.2, yRange: -1.2...1.2,
            classes: (0..<12).map { i in (0..<12).map { j in i + j > 11 ? 1 : 0 } })
        return plot
    }

    static var bars: BarChart {
        BarChart(labels: ["relu", "tanh", "sigmoid"], values: [0.9, -0.4, 0.6], title: "bars")
    }

    static var histogram: Histogram {
        Histogram(values: (0..<200).map { sin(Double($0)) * Double($0 % 17) }, title: "histogram")
    }

    static let all: [(name: String, plot: any Plottable)] = [
        ("functions", functions), ("heatmap", heatmap), ("regions", regions), ("bars", bars),
        ("histogram", histogram),
    ]
}

/// How well a picture agrees with the SVG it was drawn from (see ``SVGPaintModel``).
struct Agreement: CustomStringConvertible {
    var checked = 0
    var matched = 0
    var mismatches: [String] = []

    var fraction: Double { checked == 0 ? 0 : Double(matched) / Double(checked) }

    /// Compares `image` (the SVG drawn at `scale` pixels per SVG unit, offset by `origin`) with the
    /// colours `svg` paints at its sample points.
    init(svg: String, image: DecodedImage, scale: Double = 1, origin: (x: Int, y: Int) = (0, 0), tolerance: Int) throws {
        let model = try SVGPaintModel(svg)
        for point in model.samplePoints {
            guard let expected = model.color(atX: point.x, y: point.y) else { continue }
            let px = origin.x + Int(point.x * scale), py = origin.y + Int(point.y * scale)
            guard px >= 0, py >= 0, px < image.width, py < image.height else { continue }
            checked += 1
            let actual = image.pixel(px, py)
            if actual.isClose(to: expected, tolerance: tolerance) {
                matched += 1
            } else if mismatches.count < 5 {
                mismatches.append("(\(px), \(py)): expected \(expected), got \(actual)")
            }
        }
    }

    var description: String { "\(matched)/\(checked) sample points agree; e.g. \(mismatches)" }
}
