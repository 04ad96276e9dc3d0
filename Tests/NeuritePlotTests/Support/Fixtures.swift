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
}
