/// How a terminal canvas turns dots into characters.
public enum CanvasKind: String, Sendable, CaseIterable {
    /// Unicode braille: 2×4 dots per character cell (U+2800…U+28FF). The default.
    case braille
    /// Unicode quadrant blocks: 2×2 dots per cell (▘▝▖▗…█).
    case block
    /// Pure ASCII, 2×2 dots per cell through a lookup table; also ASCII frames and glyphs.
    case ascii

    /// Dots per cell horizontally.
    var dotsAcross: Int { 2 }

    /// Dots per cell vertically.
    var dotsDown: Int {
        switch self {
        case .braille: 4
        case .block, .ascii: 2
        }
    }

    /// Whether every character this canvas prints (frame, markers, bars) is ASCII.
    public var isASCII: Bool { self == .ascii }

    /// The bit set in a cell's pattern for the dot at (`dx`, `dy`) inside the cell.
    @inline(__always)
    func bit(dx: Int, dy: Int) -> UInt8 {
        switch self {
        case .braille:
            // Braille numbering: dots 1-2-3 down the left column, 4-5-6 down the right,
            // 7 and 8 at the bottom (left, right).
            if dy == 3 { return dx == 0 ? 0x40 : 0x80 }
            return UInt8(1) << UInt8(dy + 3 * dx)
        case .block, .ascii:
            return UInt8(1) << UInt8(dx + 2 * dy)
        }
    }

    /// The character for a cell whose dots form `pattern` (bits from `bit(dx:dy:)`).
    func glyph(_ pattern: UInt8) -> Unicode.Scalar {
        switch self {
        case .braille:
            return Unicode.Scalar(0x2800 + UInt32(pattern)) ?? " "
        case .block:
            return CanvasKind.blockGlyphs[Int(pattern & 0x0F)]
        case .ascii:
            return CanvasKind.asciiGlyphs[Int(pattern & 0x0F)]
        }
    }

    // Index bits: 1 top-left, 2 top-right, 4 bottom-left, 8 bottom-right.
    private static let blockGlyphs: [Unicode.Scalar] = [
        " ", "▘", "▝", "▀", "▖", "▌", "▞", "▛", "▗", "▚", "▐", "▜", "▄", "▙", "▟", "█",
    ]
    private static let asciiGlyphs: [Unicode.Scalar] = [
        " ", "'", "'", "\"", ".", "|", "/", "+", ".", "\\", "|", "+", "_", "+", "+", "#",
    ]
}
