import NeuritePlot

/// Plots as pixels: their own SVG (``NeuritePlot/renderSVG(_:width:height:)``) rasterised by
/// librsvg, so a PNG and the SVG file of the same plot show the same picture.
public enum PlotPixels {
    /// Size of the SVG document that `svg:` files hold (and `png:` files rasterise).
    public static let documentSize = (width: 640, height: 400)
    /// `png:` files are the SVG document at this scale (1280 × 800 pixels), sharp on dense screens.
    public static let fileScale = 2

    /// The PNG bytes of the `svg:` file's document of `plot`, at ``fileScale`` times its size.
    public static func pngFile(of plot: any Plottable) throws(PixelError) -> [UInt8] {
        let svg = renderSVG(plot, width: documentSize.width, height: documentSize.height)
        let canvas = try PixelCanvas(
            width: documentSize.width * fileScale, height: documentSize.height * fileScale)
        try canvas.draw(svg: svg, width: canvas.width, height: canvas.height)
        return try canvas.pngData()
    }

    /// `plots` laid out left to right in one picture of `height` pixels, each `plotWidth` pixels
    /// wide with `gap` pixels between; each is drawn from an SVG document of its own pixel size, so
    /// text keeps its size whatever the picture's.
    public static func row(of plots: [any Plottable], plotWidth: Int, height: Int, gap: Int) throws(PixelError)
        -> PixelCanvas
    {
        let count = max(1, plots.count)
        let canvas = try PixelCanvas(width: count * plotWidth + (count - 1) * gap, height: height)
        for (index, plot) in plots.enumerated() {
            let svg = renderSVG(plot, width: plotWidth, height: height)
            try canvas.draw(svg: svg, x: index * (plotWidth + gap), y: 0, width: plotWidth, height: height)
        }
        return canvas
    }
}
