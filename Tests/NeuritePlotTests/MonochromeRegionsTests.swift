import Testing

@testable import NeuritePlot

/// Decision regions without colour: a footnote says which glyph is which class, and a model that
/// predicts one class everywhere is called out (it would otherwise look like a plain scatter).
@Suite struct MonochromeRegionsTests {
    static func plot(everywhere predicted: Int) -> ScatterPlot {
        var plot = ScatterPlot(title: "", classNames: ["inner", "outer"])
        plot.add(x: [-0.5, 0.5], y: [0, 0], classes: [0, 1])
        plot.background = DecisionBackground(
            xRange: -1...1, yRange: -1...1, classes: Array(repeating: Array(repeating: predicted, count: 8), count: 8))
        return plot
    }

    @Test(arguments: [(0, "regions: blank inner"), (1, "regions: · outer")])
    func oneClassEverywhereIsSaid(predicted: Int, regions: String) {
        let name = predicted == 0 ? "inner" : "outer"
        let text = render(Self.plot(everywhere: predicted), RenderOptions(width: 60, height: 8))
        #expect(text.contains(regions), "\(text)")
        #expect(text.contains("the model predicts \(name) everywhere shown"), "\(text)")
        let colored = render(Self.plot(everywhere: predicted), RenderOptions(width: 60, height: 8, color: .ansi256))
        #expect(!colored.contains("regions:"))
        #expect(colored.contains("the model predicts \(name) everywhere shown"))
    }

    @Test func twoRegionsAreBothNamed() {
        var plot = Self.plot(everywhere: 0)
        plot.background = DecisionBackground(
            xRange: -1...1, yRange: -1...1, classes: (0..<8).map { _ in (0..<8).map { $0 < 4 ? 0 : 1 } })
        let text = render(plot, RenderOptions(width: 60, height: 8, canvas: .ascii))
        #expect(text.contains("regions: blank inner, . outer"), "\(text)")
        #expect(!text.contains("everywhere"))
    }
}
