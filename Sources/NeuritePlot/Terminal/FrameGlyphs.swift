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

/// Per-series markers used when there is no colour to tell series apart.
enum Markers {
    static let unicode: [Unicode.Scalar] = ["•", "+", "×", "◆", "○", "▲", "■", "*"]
    static let ascii: [Unicode.Scalar] = ["*", "+", "x", "o", "#", "@", "%", "&"]

    static func marker(_ index: Int, canvas: CanvasKind) -> Unicode.Scalar {
        let set = canvas.isASCII ? ascii : unicode
        return set[((index % set.count) + set.count) % set.count]
    }
}
