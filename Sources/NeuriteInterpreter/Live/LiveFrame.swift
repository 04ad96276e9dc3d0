import Foundation
import NeuritePlot

/// One model's panel in the live view, with everything it shows already measured.
struct LivePanel {
    var title: String
    /// Epoch, loss and accuracy, or how training ended.
    var status: String
    /// The decision regions (2-D classification), the fitted curve (1-D regression), or nothing.
    var picture: (any Plottable)?
    /// Each weighted layer's weight-gradient norm at the last probe.
    var gradients: [(layer: String, norm: Double)] = []
    /// Dead and saturated units, when measured.
    var units: String?
    /// A divergence report, shown in place of the picture.
    var message: String?
}

/// A frame of the live training view: the loss curves of every model overlaid, then one panel per
/// model (side by side, wrapping to the width), fitted to a terminal of a given size by shrinking
/// the pictures, then the loss plot, then dropping the panels that still do not fit (named on the
/// last line). Pure: the same panels at the same size give the same text.
struct LiveFrame {
    var losses: LinePlot?
    var panels: [LivePanel]

    static let gap = 2
    static let narrowestPanel = 25
    static let widestPanel = 60
    /// Gradient bars span this many decades below the largest norm shown.
    static let decades = 4.0

    /// The frame's lines for a terminal of `columns` × `rows` (at most `rows − 1` lines, each at most
    /// `columns − 1` columns).
    func lines(columns: Int, rows: Int, canvas: CanvasKind = .braille, color: ColorMode = .none) -> [String] {
        let width = max(20, columns - 1)
        let available = max(3, rows - 1)
        let perRow = max(1, min(panels.count, (width + Self.gap) / (Self.narrowestPanel + Self.gap)))
        let panelWidth = min(Self.widestPanel, (width - Self.gap * (perRow - 1)) / perRow)
        let panelRows = (panels.count + perRow - 1) / perRow
        let fixed = panels.map(fixedHeight).max() ?? 0
        // Shrink the pictures and the loss plot together; then drop the pictures; then panel rows.
        var pictureHeight = 14, lossHeight = losses == nil ? 0 : 12
        func total(_ shownRows: Int) -> Int {
            let loss = lossHeight > 0 ? lossHeight + 1 : 0
            return loss + shownRows * (fixed + pictureHeight) + max(0, shownRows - 1)
        }
        while total(panelRows) > available && (pictureHeight > 7 || lossHeight > 7) {
            if pictureHeight > 7 { pictureHeight -= 1 }
            if total(panelRows) > available && lossHeight > 7 { lossHeight -= 1 }
        }
        if total(panelRows) > available { pictureHeight = 0 }
        var shownRows = panelRows
        if total(shownRows) > available {
            // Whole rows of panels that fit, and a line naming the others.
            while shownRows > 0 && total(shownRows) + 1 > available { shownRows -= 1 }
            if shownRows == 0 { lossHeight = min(lossHeight, max(0, available - 2)) }
            if lossHeight < 7 { lossHeight = 0 }
        }

        var out: [String] = []
        if let losses, lossHeight > 0 {
            let plot = Self.fitted(losses, width: width, height: lossHeight, canvas: canvas, color: color)
            if !plot.isEmpty { out += plot + [""] }
        }
        let largest = panels.flatMap { $0.gradients.map(\.norm) }.filter { $0.isFinite && $0 > 0 }.max()
        let shown = min(panels.count, shownRows * perRow)
        var blocks: [[String]] = []
        for panel in panels.prefix(shown) {
            blocks.append(block(panel, width: panelWidth, pictureHeight: pictureHeight, largest: largest, canvas: canvas, color: color))
        }
        var start = 0
        while start < blocks.count {
            if start > 0 { out.append("") }
            let group = Array(blocks[start..<min(start + perRow, blocks.count)])
            let height = group.map(\.count).max() ?? 0
            for line in 0..<height {
                let parts = group.map { line < $0.count ? $0[line] : "" }
                out.append(Self.joined(parts, width: panelWidth))
            }
            start += perRow
        }
        if shown < panels.count {
            let rest = panels[shown...].map(\.title).joined(separator: ", ")
            out.append("+\(panels.count - shown) more: " + rest)
        }
        return Array(out.prefix(available)).map { TerminalText.clipped($0, to: width) }
    }

    /// Lines of a panel other than its picture.
    private func fixedHeight(_ panel: LivePanel) -> Int {
        2 + panel.gradients.count + (panel.units == nil ? 0 : 1) + (panel.message == nil ? 0 : 1)
    }

    private func block(
        _ panel: LivePanel, width: Int, pictureHeight: Int, largest: Double?, canvas: CanvasKind, color: ColorMode
    ) -> [String] {
        var lines = [TerminalText.clipped(panel.title, to: width), TerminalText.clipped(panel.status, to: width)]
        if pictureHeight > 0 {
            var picture: [String] = []
            if let message = panel.message {
                picture = Self.wrapped(message, width: width)
            } else if let plot = panel.picture {
                picture = Self.fitted(plot, width: width, height: pictureHeight, canvas: canvas, color: color)
            }
            picture = Array(picture.prefix(pictureHeight))
            lines += picture + Array(repeating: "", count: pictureHeight - picture.count)
        } else if let message = panel.message {
            lines.append(TerminalText.clipped(message, to: width))
        }
        lines += panel.gradients.map { Self.bar($0.layer, $0.norm, largest: largest, width: width, ascii: canvas.isASCII) }
        if let units = panel.units { lines.append(TerminalText.clipped(units, to: width)) }
        return lines
    }

    /// `plot` drawn in at most `height` lines: a plot's title, axes and labels take lines of their
    /// own, so it is asked for fewer rows until the whole of it fits.
    static func fitted(_ plot: any Plottable, width: Int, height: Int, canvas: CanvasKind, color: ColorMode) -> [String] {
        var rows = height
        while true {
            let lines = plot.render(RenderOptions(width: width, height: rows, canvas: canvas, color: color))
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.count <= height { return lines }
            if rows <= 2 { return [] }
            rows = max(2, rows - (lines.count - height))
        }
    }

    /// `layer ▕████▌     ▏ 2.1e-2`: the norm on a log scale spanning ``decades`` below `largest`.
    static func bar(_ layer: String, _ norm: Double, largest: Double?, width: Int, ascii: Bool) -> String {
        let number = norm.isFinite ? NumberFormat.compact(norm, significant: 2) : String(norm)
        let label = layer.padding(toLength: 4, withPad: " ", startingAt: 0)
        let barWidth = max(4, width - label.count - number.count - 4)
        var filled = 0.0
        if let largest, norm.isFinite, norm > 0 {
            let low = log10(largest) - decades
            filled = max(0, min(1, (log10(norm) - low) / decades)) * Double(barWidth)
        }
        let eighths = Int((filled * 8).rounded())
        let glyphs = ascii ? ["", "#", "#", "#", "#", "#", "#", "#"] : ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var bar = String(repeating: ascii ? "#" : "█", count: eighths / 8) + glyphs[eighths % 8]
        let used = eighths / 8 + (eighths % 8 > 0 ? 1 : 0)
        bar += String(repeating: " ", count: max(0, barWidth - used))
        return ascii ? "\(label) |\(bar)| \(number)" : "\(label) ▕\(bar)▏ \(number)"
    }

    /// `text` broken at spaces into lines of at most `width` columns.
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { TerminalText.clipped($0, to: width) }
    }

    /// Blocks of one row side by side, each padded to `width`, without trailing spaces.
    private static func joined(_ parts: [String], width: Int) -> String {
        var line = ""
        for (index, part) in parts.enumerated() {
            if index > 0 { line += String(repeating: " ", count: gap) }
            line += part
            if index < parts.count - 1 {
                line += String(repeating: " ", count: max(0, width - TerminalText.columns(part)))
            }
        }
        while line.last == " " { line.removeLast() }
        return line
    }
}
