import Foundation

/// The ways a terminal can be sent a picture inline.
public enum TerminalImageProtocol: String, CaseIterable, Sendable {
    /// The kitty graphics protocol (kitty, WezTerm, Ghostty, Konsole): base64 PNG in APC escapes.
    case kitty
    /// DEC sixel (xterm -ti vt340, foot, mlterm, Windows Terminal, VS Code): encoded by libsixel.
    case sixel
    /// iTerm2's inline images (OSC 1337), also understood by WezTerm.
    case iterm
}

/// The size of one character cell in pixels.
public struct CellSize: Sendable, Equatable {
    public var width: Int
    public var height: Int

    /// Used when the terminal does not say: the most common cell of a 10–11 pt font.
    public static let fallback = CellSize(checkedWidth: 8, height: 16)

    /// A cell of `width` × `height` pixels, or nil unless both are plausible (2…200 pixels).
    public init?(width: Int, height: Int) {
        guard (2...200).contains(width), (2...200).contains(height) else { return nil }
        self.width = width
        self.height = height
    }

    private init(checkedWidth: Int, height: Int) {
        self.width = checkedWidth
        self.height = height
    }
}

/// The escape sequences that show a PNG or RGB picture in a terminal, occupying `columns` × `rows`
/// character cells, followed by a newline so the text after it starts below the picture.
public enum TerminalImageEncoding {
    /// Base64 bytes per kitty escape (the protocol's limit for one chunk).
    public static let kittyChunk = 4096

    /// Kitty graphics protocol: transmit and display (`a=T`) a PNG (`f=100`) scaled to the cells
    /// (`c=`, `r=`), with replies suppressed (`q=2`) so nothing is typed back into the input;
    /// the base64 data in chunks of at most 4096 bytes (`m=1` on all but the last).
    public static func kitty(png: [UInt8], columns: Int, rows: Int) -> String {
        let base64 = Array(Data(png).base64EncodedString().utf8)
        var out = ""
        var start = 0
        repeat {
            let end = min(start + kittyChunk, base64.count)
            let more = end < base64.count ? 1 : 0
            let control = start == 0 ? "a=T,f=100,q=2,c=\(columns),r=\(rows),m=\(more)" : "m=\(more)"
            out += "\u{1B}_G" + control + ";" + String(decoding: base64[start..<end], as: UTF8.self) + "\u{1B}\\"
            start = end
        } while start < base64.count
        return out + "\n"
    }

    /// iTerm2 inline image: `OSC 1337 ; File=inline=1;size=…;width=…;height=… : base64 BEL`, with
    /// width and height in cells.
    public static func iterm(png: [UInt8], columns: Int, rows: Int) -> String {
        let base64 = Data(png).base64EncodedString()
        return "\u{1B}]1337;File=inline=1;size=\(png.count);width=\(columns);height=\(rows);preserveAspectRatio=1:"
            + base64 + "\u{07}\n"
    }

    /// DEC sixel of `canvas`'s pixels (libsixel, up to 256 colours, no dithering so lines and text
    /// stay crisp); its size in cells follows from the pixel size and the terminal's cell.
    public static func sixel(_ canvas: PixelCanvas) throws(PixelError) -> String {
        try SixelEncoder.encode(rgb: canvas.rgbPixels(), width: canvas.width, height: canvas.height) + "\n"
    }

    /// `canvas` in `columns` × `rows` cells by `protocol`.
    public static func sequence(
        _ canvas: PixelCanvas, columns: Int, rows: Int, as imageProtocol: TerminalImageProtocol
    ) throws(PixelError) -> String {
        switch imageProtocol {
        case .kitty: kitty(png: try canvas.pngData(), columns: columns, rows: rows)
        case .iterm: iterm(png: try canvas.pngData(), columns: columns, rows: rows)
        case .sixel: try sixel(canvas)
        }
    }
}
