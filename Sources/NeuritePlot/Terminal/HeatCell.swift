/// One character of a heatmap: a glyph and its paint for a ramp position.
struct HeatCell {
    var glyph: Unicode.Scalar
    var paint: Paint

    // The lowest level is not blank, so that small values differ from missing ones.
    static let unicodeShades: [Unicode.Scalar] = ["·", "░", "▒", "▓", "█"]
    static let asciiShades: [Unicode.Scalar] = [".", ":", "-", "=", "+", "*", "#", "%", "@"]

    static func shade(_ t: Double, ascii: Bool) -> Unicode.Scalar {
        let ramp = ascii ? asciiShades : unicodeShades
        return ramp[Palette.rampIndex(t, count: ramp.count)]
    }

    /// The cell for ramp positions `top` (and `bottom`, for a half-block cell); nil is missing.
    static func make(top: Double?, bottom: Double?, options: RenderOptions) -> HeatCell {
        let ascii = options.canvas.isASCII
        switch options.color {
        case .none:
            guard let top else { return HeatCell(glyph: "?", paint: Paint()) }
            return HeatCell(glyph: shade(top, ascii: ascii), paint: Paint())
        case .ansi16:
            guard let top else { return HeatCell(glyph: "?", paint: Paint()) }
            // The colour carries the value, the glyph reinforces it.
            let glyph = ascii ? shade(top, ascii: true) : (top < 0.5 ? "▒" : "█")
            return HeatCell(glyph: glyph, paint: Paint(foreground: Palette.ramp(top, mode: .ansi16)))
        case .ansi256:
            if let bottom, let top, !ascii {
                return HeatCell(glyph: "▀", paint: Paint(foreground: Palette.ramp(top, mode: .ansi256),
                                                      background: Palette.ramp(bottom, mode: .ansi256)))
            }
            guard let top else { return HeatCell(glyph: "?", paint: Paint()) }
            return HeatCell(glyph: " ", paint: Paint(background: Palette.ramp(top, mode: .ansi256)))
        }
    }
}

/// A horizontal colour bar: `min ramp max`.
enum ColorBar {
    static func lines(_ normalizer: ColorNormalizer, width: Int, options: RenderOptions) -> [StyledLine] {
        guard let (lo, hi) = normalizer.extent else { return [] }
        let low = NumberFormat.compact(lo), high = NumberFormat.compact(hi)
        let rampWidth = max(4, min(32, width - DisplayWidth.of(low) - DisplayWidth.of(high) - 2))
        var line = StyledLine(low + " ")
        for k in 0..<rampWidth {
            let t = rampWidth > 1 ? Double(k) / Double(rampWidth - 1) : 0.5
            let cell = HeatCell.make(top: t, bottom: nil, options: options)
            line.append(String(cell.glyph), paint: cell.paint)
        }
        line.append(" " + high + (normalizer.scale == .log ? " (log)" : ""))
        return [line]
    }
}
