import Foundation
import Testing
@testable import NeuritePlot

/// Seeded random plots with hostile values: nothing may crash, every row keeps the width.
@Suite struct RobustnessTests {
    static let specials: [Double] = [.nan, .infinity, -.infinity, 0, -0.0, 1e308, -1e308, Double.leastNonzeroMagnitude, 1, -1, 1e-300]

    static func value(_ random: inout SeededRandom) -> Double {
        let r = random.uniform()
        if r < 0.3 { return specials[Int(random.next() % UInt64(specials.count))] }
        if r < 0.6 { return random.normal() }
        return random.normal() * pow(10, Double(Int(random.next() % 40)) - 20)
    }

    static func values(_ random: inout SeededRandom, maxCount: Int = 40) -> [Double] {
        (0..<Int(random.next() % UInt64(maxCount + 1))).map { _ in value(&random) }
    }

    static func plots(seed: UInt64) -> [any Plottable] {
        var random = SeededRandom(seed: seed)
        var line = LinePlot(title: "t\n\u{1B}[31m", yScale: random.uniform() < 0.5 ? .log : .linear)
        for k in 0..<Int(random.next() % 4) {
            line.add(series: "s\(k)", x: values(&random), y: values(&random))
        }
        var scatter = ScatterPlot(classNames: ["a"])
        let n = Int(random.next() % 30)
        scatter.add(x: (0..<n).map { _ in value(&random) }, y: (0..<n).map { _ in value(&random) },
                    classes: (0..<n).map { _ in Int(random.next() % 5) - 1 })
        if random.uniform() < 0.5 {
            scatter.background = DecisionBackground(
                xRange: -1...1, yRange: -1e308...1e308,
                probabilities: (0..<Int(random.next() % 4)).map { _ in values(&random, maxCount: 5) })
        }
        let matrix = (0..<Int(random.next() % 6)).map { _ in values(&random, maxCount: 8) }
        return [
            line, scatter,
            Heatmap(matrix: matrix, rowLabels: ["a very very long row label indeed"], colorScale: random.uniform() < 0.5 ? .log : .linear),
            Heatmap(grid: matrix, xRange: -Double.infinity...Double.infinity, yRange: 0...0),
            Histogram(values: values(&random), bins: [.automatic, .count(Int(random.next() % 7)), .edges(values(&random, maxCount: 5))][Int(random.next() % 3)]),
            BarChart(labels: ["x"], values: values(&random, maxCount: 6)),
        ]
    }

    @Test(arguments: 0..<40)
    func hostileInputsRenderWithEqualWidths(seed: Int) {
        let options = Fixtures.options[seed % Fixtures.options.count]
        var random = SeededRandom(seed: UInt64(seed) &* 7919)
        let width = 24 + Int(random.next() % 80)
        let sized = RenderOptions(width: width, height: 2 + Int(random.next() % 12), canvas: options.canvas, color: options.color)
        for plot in Self.plots(seed: UInt64(seed)) {
            let rows = plot.render(sized).components(separatedBy: "\n")
            let widths = Set(rows.map { VisibleText.width($0) })
            #expect(widths == [sized.width], "\(type(of: plot))")
            #expect(XMLProbe.parse(plot.renderSVG(width: 300, height: 200)).error == nil, "\(type(of: plot))")
        }
    }
}
