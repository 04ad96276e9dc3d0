import Foundation
import NeuritePlot
import Testing

@testable import NeuritePixels

/// PNG pictures of plots: valid files of the asked size whose pixels are the SVG's colours.
@Suite struct PNGTests {
    @Test(arguments: PlotSamples.all.map(\.name))
    func pngFileIsTheSVGAtTwiceItsSize(name: String) throws {
        let plot = try #require(PlotSamples.all.first { $0.name == name }?.plot)
        let png = try PlotPixels.pngFile(of: plot)
        let file = try PNGFile(png)
        #expect(file.width == 1280 && file.height == 800)
        #expect(file.bitDepth == 8)
        let image = try DecodedImage(png: png)
        #expect(image.width == 1280 && image.height == 800)
        let svg = renderSVG(plot, width: 640, height: 400)
        let agreement = try Agreement(svg: svg, image: image, scale: 2, tolerance: 6)
        #expect(agreement.checked >= 16, "\(agreement)")
        #expect(agreement.fraction >= 0.98, "\(agreement)")
    }

    /// The check can fail: another plot's SVG does not agree with a picture.
    @Test func agreementTellsPicturesApart() throws {
        let image = try DecodedImage(png: try PlotPixels.pngFile(of: PlotSamples.heatmap))
        let wrong = try Agreement(svg: renderSVG(PlotSamples.bars, width: 640, height: 400), image: image, scale: 2, tolerance: 6)
        #expect(wrong.checked >= 16 && wrong.fraction < 0.5, "\(wrong)")
        let unscaled = try Agreement(svg: renderSVG(PlotSamples.heatmap, width: 640, height: 400), image: image, tolerance: 6)
        #expect(unscaled.fraction < 0.5, "\(unscaled)")
    }

    /// A decision region of one class is one even colour: its cells overlap by a fraction of a
    /// pixel and are opaque, so no darker seams form a grid.
    @Test func decisionRegionsHaveNoSeams() throws {
        var plot = ScatterPlot(title: "", classNames: ["a"])
        plot.add(x: [-0.9], y: [-0.9], classes: [0])
        plot.background = DecisionBackground(
            xRange: -1...1, yRange: -1...1, classes: Array(repeating: Array(repeating: 0, count: 37), count: 23))
        let image = try DecodedImage(png: try PlotPixels.pngFile(of: plot))
        var colours = Set<[Int]>()
        for y in stride(from: 300, to: 500, by: 1) {
            for x in stride(from: 500, to: 800, by: 1) {
                let p = image.pixel(x, y)
                colours.insert([p.r, p.g, p.b])
            }
        }
        #expect(colours.count == 1, "\(colours.count) colours: \(colours.prefix(4))")
    }

    @Test(arguments: [(1, 1), (37, 23), (640, 400), (1000, 333)])
    func canvasHasTheAskedSize(width: Int, height: Int) throws {
        let canvas = try PixelCanvas(width: width, height: height)
        try canvas.draw(svg: renderSVG(PlotSamples.heatmap, width: width, height: height), width: width, height: height)
        let file = try PNGFile(try canvas.pngData())
        #expect(file.width == width && file.height == height)
        #expect(canvas.rgbPixels().count == width * height * 3)
    }

    /// The heatmap's cells cover most of its picture: the share of coloured pixels follows the SVG.
    @Test func inkFollowsTheSVG() throws {
        let empty = try DecodedImage(png: try PixelCanvas(width: 320, height: 200).pngData())
        #expect(empty.inkFraction == 0)
        let canvas = try PixelCanvas(width: 640, height: 400)
        try canvas.draw(svg: renderSVG(PlotSamples.heatmap, width: 640, height: 400), width: 640, height: 400)
        let heatmap = try DecodedImage(png: try canvas.pngData())
        // The plot area (cells) is about 85% × 80% of the document.
        #expect(heatmap.inkFraction > 0.55 && heatmap.inkFraction < 0.95, "\(heatmap.inkFraction)")
        let lines = try DecodedImage(png: try PlotPixels.pngFile(of: PlotSamples.functions))
        // A light plot-area background counts as ink only where it is darker than near-white.
        #expect(lines.inkFraction < heatmap.inkFraction)
    }

    @Test func rgbPixelsMatchThePNG() throws {
        let canvas = try PixelCanvas(width: 200, height: 150)
        try canvas.draw(svg: renderSVG(PlotSamples.regions, width: 200, height: 150), width: 200, height: 150)
        let decoded = try DecodedImage(png: try canvas.pngData())
        #expect(decoded.rgb == canvas.rgbPixels())
    }

    @Test(arguments: [(0, 10), (10, 0), (-5, 5), (PixelCanvas.maximumSide + 1, 10)])
    func impossibleSizesAreRefused(width: Int, height: Int) {
        #expect(throws: PixelError.invalidSize(width: width, height: height)) {
            _ = try PixelCanvas(width: width, height: height)
        }
    }

    @Test func invalidSVGIsAnErrorNotACrash() throws {
        let canvas = try PixelCanvas(width: 10, height: 10)
        #expect {
            try canvas.draw(svg: "<svg><rect", width: 10, height: 10)
        } throws: { error in
            guard case .svg(let message) = error as? PixelError else { return false }
            return !message.isEmpty
        }
    }

    @Test func rowPlacesPlotsSideBySide() throws {
        let canvas = try PlotPixels.row(of: [PlotSamples.heatmap, PlotSamples.bars], plotWidth: 300, height: 200, gap: 12)
        #expect(canvas.width == 612 && canvas.height == 200)
        let image = DecodedImage(width: canvas.width, height: canvas.height, rgb: canvas.rgbPixels())
        let left = try Agreement(
            svg: renderSVG(PlotSamples.heatmap, width: 300, height: 200), image: image, tolerance: 6)
        let right = try Agreement(
            svg: renderSVG(PlotSamples.bars, width: 300, height: 200), image: image, origin: (312, 0), tolerance: 6)
        #expect(left.fraction >= 0.98, "\(left)")
        #expect(right.fraction >= 0.98 && right.checked > 0, "\(right)")
    }
}
