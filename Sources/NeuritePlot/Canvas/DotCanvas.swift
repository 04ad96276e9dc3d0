/// A grid of character cells, each holding a pattern of dots, a colour slot, an optional
/// background slot and an optional overlay glyph. It maps world coordinates to dots, skipping
/// NaN and infinities, clips lines to its area and prints rows. Storage is flat arrays; setting
/// a dot never allocates.
struct DotCanvas {
    let kind: CanvasKind
    let columns: Int
    let rows: Int
    /// World coordinates at the left/right edges and bottom/top edges.
    let xRange: (lower: Double, upper: Double)
    let yRange: (lower: Double, upper: Double)

    private(set) var patterns: [UInt8]
    /// Colour slot of each cell's dots: 0 for none, n for series n − 1.
    private(set) var colors: [UInt8]
    /// Background slot of each cell: 0 for none, n for class n − 1.
    private(set) var backgrounds: [UInt8]
    /// An overlay character (a marker) replacing the cell's dots, 0 for none.
    private(set) var overlays: [UInt32]

    let pixelWidth: Int
    let pixelHeight: Int
    /// log2 of the dots down a cell (dots across are always 2).
    private let downShift: Int
    /// The pattern bit of each dot in a cell, indexed by dy * 2 + dx.
    private let bits: [UInt8]

    init(kind: CanvasKind, columns: Int, rows: Int,
         xRange: (lower: Double, upper: Double), yRange: (lower: Double, upper: Double)) {
        self.kind = kind
        self.columns = max(1, columns)
        self.rows = max(1, rows)
        self.xRange = xRange
        self.yRange = yRange
        let cells = self.columns * self.rows
        pixelWidth = self.columns * kind.dotsAcross
        pixelHeight = self.rows * kind.dotsDown
        downShift = kind.dotsDown == 4 ? 2 : 1
        bits = (0..<(2 * kind.dotsDown)).map { kind.bit(dx: $0 % 2, dy: $0 / 2) }
        patterns = [UInt8](repeating: 0, count: cells)
        colors = [UInt8](repeating: 0, count: cells)
        backgrounds = [UInt8](repeating: 0, count: cells)
        overlays = [UInt32](repeating: 0, count: cells)
    }

    // MARK: World to pixel

    /// Horizontal pixel coordinate (0 at the left edge, pixelWidth − 1 at the right) of `x`.
    @inline(__always)
    func pixelX(_ x: Double) -> Double {
        let span = xRange.upper - xRange.lower
        let f = span > 0 ? (x - xRange.lower) / span : 0.5
        return f * Double(pixelWidth - 1)
    }

    /// Vertical pixel coordinate (0 at the top) of `y`.
    @inline(__always)
    func pixelY(_ y: Double) -> Double {
        let span = yRange.upper - yRange.lower
        let f = span > 0 ? (y - yRange.lower) / span : 0.5
        return (1 - f) * Double(pixelHeight - 1)
    }

    /// The cell (column, row) holding world point (x, y), or nil if outside or not finite.
    func cell(x: Double, y: Double) -> (column: Int, row: Int)? {
        guard let px = Self.pixelIndex(pixelX(x), limit: pixelWidth),
              let py = Self.pixelIndex(pixelY(y), limit: pixelHeight) else { return nil }
        return (px / kind.dotsAcross, py / kind.dotsDown)
    }

    @inline(__always)
    private static func pixelIndex(_ p: Double, limit: Int) -> Int? {
        guard p.isFinite else { return nil }
        let r = p.rounded()
        guard r >= 0, r < Double(limit) else { return nil }
        return Int(r)
    }

    // MARK: Drawing

    /// Sets the dot at integer pixel (px, py) with colour slot `color` (series index + 1).
    @inline(__always)
    mutating func setDot(px: Int, py: Int, color: UInt8) {
        guard px >= 0, py >= 0, px < pixelWidth, py < pixelHeight else { return }
        let cx = px >> 1, cy = py >> downShift
        let index = cy &* columns &+ cx
        let dy = py &- (cy << downShift)
        patterns[index] |= bits[(dy << 1) | (px & 1)]
        if color != 0 { colors[index] = color }
    }

    /// Sets the dot nearest the world point (x, y); returns false if it is not drawable.
    @discardableResult
    mutating func point(x: Double, y: Double, color: UInt8) -> Bool {
        guard let px = Self.pixelIndex(pixelX(x), limit: pixelWidth),
              let py = Self.pixelIndex(pixelY(y), limit: pixelHeight) else { return false }
        setDot(px: px, py: py, color: color)
        return true
    }

    /// Draws a straight line between two world points, clipped to the canvas.
    mutating func line(x0: Double, y0: Double, x1: Double, y1: Double, color: UInt8) {
        guard let clipped = clip(
            pixelX(x0), pixelY(y0), pixelX(x1), pixelY(y1),
            maxX: Double(pixelWidth - 1), maxY: Double(pixelHeight - 1))
        else { return }
        var x = Int(clipped.0.rounded()), y = Int(clipped.1.rounded())
        let xEnd = Int(clipped.2.rounded()), yEnd = Int(clipped.3.rounded())
        let dx = abs(xEnd - x), dy = -abs(yEnd - y)
        let sx = x < xEnd ? 1 : -1, sy = y < yEnd ? 1 : -1
        var error = dx + dy
        while true {
            setDot(px: x, py: y, color: color)
            if x == xEnd && y == yEnd { break }
            let e2 = 2 * error
            if e2 >= dy { error += dy; x += sx }
            if e2 <= dx { error += dx; y += sy }
        }
    }

    /// Liang–Barsky clipping of a pixel-space segment to [0, maxX] × [0, maxY].
    private func clip(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double,
                      maxX: Double, maxY: Double) -> (Double, Double, Double, Double)? {
        guard x0.isFinite, y0.isFinite, x1.isFinite, y1.isFinite else { return nil }
        // Fast path: both ends inside.
        if x0 >= 0, x0 <= maxX, x1 >= 0, x1 <= maxX, y0 >= 0, y0 <= maxY, y1 >= 0, y1 <= maxY {
            return (x0, y0, x1, y1)
        }
        let dx = x1 - x0, dy = y1 - y0
        var t0 = 0.0, t1 = 1.0
        /// Narrows [t0, t1] to where p·t ≤ q; false if nothing is left.
        func edge(_ p: Double, _ q: Double) -> Bool {
            if p == 0 { return q >= 0 }
            let r = q / p
            if p < 0 {
                if r > t1 { return false }
                t0 = max(t0, r)
            } else {
                if r < t0 { return false }
                t1 = min(t1, r)
            }
            return true
        }
        guard edge(-dx, x0), edge(dx, maxX - x0), edge(-dy, y0), edge(dy, maxY - y0) else { return nil }
        return (x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy)
    }

    /// Puts marker `glyph` in a cell, replacing its dots when printed.
    mutating func setOverlay(column: Int, row: Int, glyph: Unicode.Scalar, color: UInt8) {
        guard column >= 0, row >= 0, column < columns, row < rows else { return }
        let index = row * columns + column
        overlays[index] = glyph.value
        if color != 0 { colors[index] = color }
    }

    /// Sets the background slot (class + 1) of a cell.
    mutating func setBackground(column: Int, row: Int, slot: UInt8) {
        guard column >= 0, row >= 0, column < columns, row < rows else { return }
        backgrounds[row * columns + column] = slot
    }

    // MARK: Printing

    /// Row `row` as styled text. `paint(color, background)` turns slots into terminal paint;
    /// `backgroundGlyph(slot)` gives the character for an empty cell over a background.
    func line(row: Int, paint: (UInt8, UInt8) -> Paint,
              backgroundGlyph: (UInt8) -> Unicode.Scalar = { _ in " " }) -> StyledLine {
        var line = StyledLine()
        var pending = String.UnicodeScalarView()
        var pendingPaint = Paint()
        for column in 0..<columns {
            let index = row * columns + column
            let scalar: Unicode.Scalar
            if overlays[index] != 0, let s = Unicode.Scalar(overlays[index]) {
                scalar = s
            } else if patterns[index] != 0 {
                scalar = kind.glyph(patterns[index])
            } else {
                scalar = backgroundGlyph(backgrounds[index])
            }
            let cellPaint = paint(colors[index], backgrounds[index])
            if cellPaint != pendingPaint && !pending.isEmpty {
                line.append(String(pending), paint: pendingPaint)
                pending = String.UnicodeScalarView()
            }
            pendingPaint = cellPaint
            pending.append(scalar)
        }
        line.append(String(pending), paint: pendingPaint)
        return line
    }
}
