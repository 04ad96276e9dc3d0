import Foundation
import Testing
@testable import NeuritePlot

/// Golden text per plot kind × canvas × colour mode, pinned at 72 × 12.
@Suite struct PlotKindGoldenTests {
    static let plots: [(String, any Plottable)] = [
        ("scatter", Fixtures.scatter),
        ("heatmap-gradients", Fixtures.gradientNorms),
        ("heatmap-surface", Fixtures.decisionSurface),
        ("histogram", Fixtures.weights),
        ("bars", Fixtures.layerBars),
    ]

    @Test(arguments: Fixtures.options)
    func goldens(options: RenderOptions) {
        for (name, plot) in Self.plots {
            Golden.check(plot.render(options), named: name + "-" + Fixtures.suffix(options))
        }
    }

    @Test(arguments: Fixtures.options)
    func everyRowHasTheRequestedWidth(options: RenderOptions) {
        for (name, plot) in Self.plots {
            let widths = Set(plot.render(options).components(separatedBy: "\n").map { VisibleText.width($0) })
            #expect(widths == [options.width], "\(name)")
        }
    }

    @Test(arguments: Fixtures.options.filter { $0.canvas == .ascii })
    func asciiCanvasIsPureASCII(options: RenderOptions) {
        for (name, plot) in Self.plots {
            let isASCII = plot.render(options).unicodeScalars.allSatisfy { $0.isASCII }
            #expect(isASCII, "\(name)")
        }
    }

    @Test(arguments: Fixtures.options)
    func noEscapesWithoutColor(options: RenderOptions) {
        for (name, plot) in Self.plots + [("line", Fixtures.activations)] {
            let hasEscape = plot.render(options).contains("\u{1B}")
            #expect(hasEscape == (options.color != .none), "\(name)")
        }
    }
}
