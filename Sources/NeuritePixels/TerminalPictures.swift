import NeuritePlot

/// How plots are shown as pictures in a terminal: the protocol it speaks and its cell size.
public struct TerminalImageSettings: Sendable, Equatable {
    public var imageProtocol: TerminalImageProtocol
    public var cell: CellSize

    public init(imageProtocol: TerminalImageProtocol, cell: CellSize = .fallback) {
        self.imageProtocol = imageProtocol
        self.cell = cell
    }

    /// Pictures larger than this many pixels each way are not sent (terminals refuse or crawl).
    public static let maximumSide = 4096

    /// The escape sequence (ending in a newline) that shows `plots` side by side, each in a block of
    /// `plotColumns` × `rows` cells with `gapColumns` blank columns between, as the text plots would
    /// take. Each plot is drawn from an SVG document of its own pixel size, so its text keeps a
    /// readable size.
    public func sequence(
        showing plots: [any Plottable], plotColumns: Int, gapColumns: Int, rows: Int
    ) throws(PixelError) -> String {
        let count = max(1, plots.count)
        let width = (count * plotColumns + (count - 1) * gapColumns) * cell.width
        let height = rows * cell.height
        guard width <= Self.maximumSide, height <= Self.maximumSide else {
            throw .invalidSize(width: width, height: height)
        }
        let canvas = try PlotPixels.row(
            of: plots, plotWidth: plotColumns * cell.width, height: height, gap: gapColumns * cell.width)
        return try TerminalImageEncoding.sequence(
            canvas, columns: count * plotColumns + (count - 1) * gapColumns, rows: rows, as: imageProtocol)
    }
}
