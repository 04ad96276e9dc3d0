/// A plot that can be drawn on a terminal and as SVG.
public protocol Plottable: Sendable {
    /// The plot as terminal text: rows of exactly `options.width` columns joined by newlines.
    func render(_ options: RenderOptions) -> String
    /// The plot as a standalone SVG document of `width` × `height` pixels.
    func renderSVG(width: Int, height: Int) -> String
}

/// Draws `plot` as terminal text (rows of `options.width` columns, newline-separated).
public func render(_ plot: some Plottable, _ options: RenderOptions = RenderOptions()) -> String {
    plot.render(options)
}

/// Draws `plot` as a standalone SVG document.
public func renderSVG(_ plot: some Plottable, width: Int = 640, height: Int = 400) -> String {
    plot.renderSVG(width: max(160, min(width, 8000)), height: max(120, min(height, 8000)))
}
