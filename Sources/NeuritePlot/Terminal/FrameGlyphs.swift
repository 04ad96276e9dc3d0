/// The characters of a plot frame and axis ticks for a canvas kind.
struct FrameGlyphs {
    let topLeft, topRight, bottomLeft, bottomRight: String
    let horizontal, vertical: String
    /// On the left border where a y tick sits, and on the bottom border at an x tick.
    let leftTick, bottomTick: String

    static func forCanvas(_ kind: CanvasKind) -> FrameGlyphs {
        if kind.isASCII {
            return FrameGlyphs(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
                               horizontal: "-", vertical: "|", leftTick: "+", bottomTick: "+")
        }
        return FrameGlyphs(topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
                           horizontal: "─", vertical: "│", leftTick: "┤", bottomTick: "┬")
    }
}
