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
    /// A picture is at least this many pixels tall (more rows than its text when that is short),
    /// so that its labels keep their size.
    public static let minimumHeight = 144

    /// The escape sequence (ending in a newline) that shows `plots` side by side, each in a block of
    /// `plotColumns` × `rows` cells with `gapColumns` blank columns between, as the text plots would
    /// take (at least ``minimumHeight`` pixels tall). Each plot is drawn from an SVG document of its own pixel size, so its text keeps a
    /// readable size.
    public func sequence(
        showing plots: [any Plottable], plotColumns: Int, gapColumns: Int, rows: Int
    ) throws(PixelError) -> String {
        let count = max(1, plots.count)
        let rows = max(rows, (Self.minimumHeight + cell.height - 1) / cell.height)
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

extension TerminalImageSettings {
    /// Pictures of `plots` laid out as their text would be: rows of `perRow` plots side by side,
    /// a blank line between rows; each row as tall as the tallest of its plots' text
    /// (`lines[i]` rows for plot `i`).
    public func sequence(
        laying plots: [any Plottable], lines: [Int], plotColumns: Int, perRow: Int, gapColumns: Int
    ) throws(PixelError) -> String {
        var rows: [String] = []
        var start = 0
        let perRow = max(1, perRow)
        while start < plots.count {
            let end = min(start + perRow, plots.count)
            let height = lines[start..<min(end, lines.count)].max() ?? 1
            rows.append(try sequence(
                showing: Array(plots[start..<end]), plotColumns: plotColumns, gapColumns: gapColumns,
                rows: max(1, height)))
            start = end
        }
        return rows.joined(separator: "\n")
    }
}
