import Foundation
@testable import NeuritePlot

/// Representative plots built from seeded data, shared by golden and property tests.
enum Fixtures {
    static let options: [RenderOptions] = CanvasKind.allCases.flatMap { canvas in
        ColorMode.allCases.map { RenderOptions(width: 72, height: 12, canvas: canvas, color: $0) }
    }

    static func suffix(_ options: RenderOptions) -> String {
        "\(options.canvas.rawValue)-\(options.color.rawValue).txt"
    }

    /// relu, relu' and tanh over -5…5.
    static var activations: LinePlot {
        var plot = LinePlot(title: "relu, relu' and tanh", xLabel: "x", yLabel: "f(x)")
        plot.add(function: "relu", over: -5...5) { max(0, $0) }
        plot.add(function: "relu'", over: -5...5) { $0 > 0 ? 1 : 0 }
        plot.add(function: "tanh", over: -5...5) { tanh($0) }
        return plot
    }

    /// Noisy training and validation losses on a log axis.
    static var losses: LinePlot {
        var random = SeededRandom(seed: 7)
        var plot = LinePlot(title: "loss", xLabel: "epoch", yScale: .log)
        plot.add(series: "train", y: (0..<100).map { 2.0 * exp(-Double($0) / 18) * (1 + 0.1 * random.normal()) + 0.004 })
        plot.add(series: "validation", y: (0..<100).map { 2.1 * exp(-Double($0) / 25) * (1 + 0.1 * random.normal()) + 0.03 })
        return plot
    }

    /// Two interleaved noisy moons-like classes.
    static var twoClasses: (points: [(Double, Double)], classes: [Int]) {
        var random = SeededRandom(seed: 11)
        var points: [(Double, Double)] = []
        var classes: [Int] = []
        for i in 0..<120 {
            let c = i % 2
            let angle = Double.pi * random.uniform()
            let x = c == 0 ? cos(angle) : 1 - cos(angle)
            let y = c == 0 ? sin(angle) : 0.5 - sin(angle)
            points.append((x + 0.1 * random.normal(), y + 0.1 * random.normal()))
            classes.append(c)
        }
        return (points, classes)
    }

    /// A smooth probability surface over the plane (a curved decision boundary).
    static var probabilityGrid: [[Double]] {
        var grid: [[Double]] = []
        for i in 0..<20 {
            var row: [Double] = []
            for j in 0..<30 {
                let x = -1.5 + 4 * Double(j) / 29
                let y = -1 + 2.5 * Double(i) / 19
                let z = 4 * (y - 0.25 + 0.6 * sin(2 * x - 1))
                row.append(1 / (1 + exp(z)))
            }
            grid.append(row)
        }
        return grid
    }

    static var scatter: ScatterPlot {
        let (points, classes) = twoClasses
        var plot = ScatterPlot(title: "two moons", xLabel: "x1", yLabel: "x2", classNames: ["upper", "lower"])
        plot.add(x: points.map(\.0), y: points.map(\.1), classes: classes)
        plot.background = DecisionBackground(xRange: -1.5...2.5, yRange: -1...1.5, probabilities: probabilityGrid)
        return plot
    }

    /// Gradient norm per layer × epoch, shrinking towards the input: the vanishing-gradient picture.
    static var gradientNorms: Heatmap {
        var random = SeededRandom(seed: 5)
        var matrix: [[Double]] = []
        for layer in 0..<5 {
            var row: [Double] = []
            for epoch in 0..<30 {
                let base = pow(10, -0.8 * Double(4 - layer)) * exp(-Double(epoch) / 15)
                row.append(base * (1 + 0.2 * random.normal()))
            }
            matrix.append(row)
        }
        return Heatmap(matrix: matrix, rowLabels: (1...5).map { "layer \($0)" },
                       columnLabels: (1...30).map(String.init), title: "gradient norm", xLabel: "epoch",
                       colorScale: .log)
    }

    static var decisionSurface: Heatmap {
        Heatmap(grid: probabilityGrid, xRange: -1.5...2.5, yRange: -1...1.5, title: "p(class 0)", xLabel: "x1", yLabel: "x2")
    }

    static var weights: Histogram {
        var random = SeededRandom(seed: 1)
        return Histogram(values: (0..<500).map { _ in 0.5 * random.normal() } + [.nan, .infinity],
                         title: "weights of layer 1", xLabel: "weight")
    }

    static var layerBars: BarChart {
        BarChart(labels: ["dense 1", "dense 2", "dense 3", "output"], values: [0.82, 0.31, -0.12, 0.05],
                 title: "mean gradient per layer")
    }
}
