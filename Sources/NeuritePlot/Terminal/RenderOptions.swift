/// Size, canvas and colour of a terminal rendering. Always explicit: the renderer never looks
/// at the terminal or the environment (the executable decides, and passes them down).
public struct RenderOptions: Sendable, Equatable {
    /// Total width in columns of every output row (at least 24).
    public var width: Int
    /// Height in rows of the plotting area (canvas, heatmap or bars), without title, axes and
    /// legend (at least 2).
    public var height: Int
    public var canvas: CanvasKind
    public var color: ColorMode

    public init(width: Int = 80, height: Int = 16, canvas: CanvasKind = .braille, color: ColorMode = .none) {
        self.width = max(24, min(width, 1000))
        self.height = max(2, min(height, 500))
        self.canvas = canvas
        self.color = color
    }

    /// Options filling a terminal of `size`: full width, and a plot height leaving room for the
    /// decorations and the prompt (between 6 and 40 rows, at most about a third of the width).
    public static func fitting(_ size: TerminalSize, canvas: CanvasKind = .braille,
                               color: ColorMode = .none) -> RenderOptions {
        let height = max(6, min(size.rows - 10, size.columns / 3, 40))
        return RenderOptions(width: size.columns, height: height, canvas: canvas, color: color)
    }
}
