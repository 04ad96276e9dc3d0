import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What colour an SVG document of the project's writer paints at a point, worked out from its
/// shapes (filled rects and circles, painted in order with their opacity), so a rasterised picture
/// can be checked against its SVG without a second rasteriser. Points near strokes (lines,
/// polylines, borders) or text, and points under gradients, are ambiguous and give nil.
struct SVGPaintModel {
    struct Fill {
        var color: RGB?  // nil: a gradient or pattern
        var opacity: Double
    }

    enum Shape {
        case rect(x: Double, y: Double, width: Double, height: Double, fill: Fill?, stroked: Bool)
        case circle(x: Double, y: Double, radius: Double, fill: Fill?, stroked: Bool)
        case segment(x1: Double, y1: Double, x2: Double, y2: Double, width: Double)
        case text(x: Double, y: Double, width: Double, size: Double, anchor: String, rotated: Bool)
    }

    private(set) var shapes: [Shape] = []
    let width: Double
    let height: Double

    init(_ svg: String) throws {
        let reader = Reader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        guard parser.parse() else { throw reader.error ?? CocoaError(.coderReadCorrupt) }
        shapes = reader.shapes
        width = reader.width
        height = reader.height
    }

    /// The colour painted at (`x`, `y`), or nil where the picture may legitimately differ
    /// (within `margin` of a stroke, in a text's box, under a gradient).
    func color(atX x: Double, y: Double, margin: Double = 1.5) -> RGB? {
        var r = 255.0, g = 255.0, b = 255.0
        for shape in shapes {
            switch shape {
            case .rect(let rx, let ry, let w, let h, let fill, let stroked):
                if stroked, Self.nearBorder(x, y, rx, ry, w, h, margin) { return nil }
                guard let fill, x >= rx, x <= rx + w, y >= ry, y <= ry + h else { continue }
                if x < rx + margin || x > rx + w - margin || y < ry + margin || y > ry + h - margin { return nil }
                guard let color = fill.color else { return nil }
                (r, g, b) = Self.blend((r, g, b), color, fill.opacity)
            case .circle(let cx, let cy, let radius, let fill, let stroked):
                let distance = hypot(x - cx, y - cy)
                if abs(distance - radius) < margin + (stroked ? 1 : 0) { return nil }
                guard let fill, distance < radius else { continue }
                guard let color = fill.color else { return nil }
                (r, g, b) = Self.blend((r, g, b), color, fill.opacity)
            case .segment(let x1, let y1, let x2, let y2, let width):
                if Self.distance(x, y, toSegment: x1, y1, x2, y2) < width / 2 + margin { return nil }
            case .text(let tx, let ty, let width, let size, let anchor, let rotated):
                let left = anchor == "end" ? tx - width : anchor == "middle" ? tx - width / 2 : tx
                if rotated {
                    if abs(x - tx) < size + margin, abs(y - ty) < width / 2 + size { return nil }
                } else if x > left - size, x < left + width + size, y > ty - size * 1.3, y < ty + size * 0.6 {
                    return nil
                }
            }
        }
        return RGB(r: Int(r.rounded()), g: Int(g.rounded()), b: Int(b.rounded()))
    }

    /// Points worth checking: the centre of every filled rect and circle, and a 4×4 grid inside
    /// every filled rect.
    var samplePoints: [(x: Double, y: Double)] {
        var points: [(Double, Double)] = []
        for shape in shapes {
            switch shape {
            case .rect(let x, let y, let w, let h, let fill?, _) where fill.color != nil:
                for i in 1...4 { for j in 1...4 { points.append((x + w * Double(i) / 5, y + h * Double(j) / 5)) } }
            case .circle(let x, let y, _, let fill?, _) where fill.color != nil:
                points.append((x, y))
            default: continue
            }
        }
        return points
    }

    private static func blend(_ under: (Double, Double, Double), _ color: RGB, _ alpha: Double)
        -> (Double, Double, Double)
    {
        (under.0 * (1 - alpha) + Double(color.r) * alpha, under.1 * (1 - alpha) + Double(color.g) * alpha,
         under.2 * (1 - alpha) + Double(color.b) * alpha)
    }

    private static func nearBorder(
        _ x: Double, _ y: Double, _ rx: Double, _ ry: Double, _ w: Double, _ h: Double, _ margin: Double
    ) -> Bool {
        let insideOuter = x > rx - margin && x < rx + w + margin && y > ry - margin && y < ry + h + margin
        let insideInner = x > rx + margin && x < rx + w - margin && y > ry + margin && y < ry + h - margin
        return insideOuter && !insideInner
    }

    private static func distance(
        _ px: Double, _ py: Double, toSegment x1: Double, _ y1: Double, _ x2: Double, _ y2: Double
    ) -> Double {
        let dx = x2 - x1, dy = y2 - y1
        let lengthSquared = dx * dx + dy * dy
        let t = lengthSquared == 0 ? 0 : max(0, min(1, ((px - x1) * dx + (py - y1) * dy) / lengthSquared))
        return hypot(px - (x1 + t * dx), py - (y1 + t * dy))
    }

    /// Collects shapes, with `fill`, `stroke` and `stroke-width` inherited from enclosing groups.
    private final class Reader: NSObject, XMLParserDelegate {
        var shapes: [Shape] = []
        var error: Error?
        var width = 0.0, height = 0.0
        private var inherited: [[String: String]] = [[:]]
        private var pendingText: (attributes: [String: String], text: String)?

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            var style = inherited.last ?? [:]
            for key in ["fill", "stroke", "stroke-width", "fill-opacity", "font-size", "text-anchor"] {
                if let value = attributes[key] { style[key] = value }
            }
            inherited.append(style)
            func number(_ key: String) -> Double { Double(attributes[key] ?? "") ?? 0 }
            let fill: Fill? = {
                guard let value = style["fill"], value != "none" else { return nil }
                return Fill(color: RGB(hex: value), opacity: Double(style["fill-opacity"] ?? "") ?? 1)
            }()
            let stroked = (style["stroke"].map { $0 != "none" } ?? false)
            let strokeWidth = Double(style["stroke-width"] ?? "") ?? 1
            switch name {
            case "svg":
                width = number("width")
                height = number("height")
            case "rect":
                shapes.append(.rect(x: number("x"), y: number("y"), width: number("width"), height: number("height"),
                                    fill: fill, stroked: stroked))
            case "circle":
                shapes.append(.circle(x: number("cx"), y: number("cy"), radius: number("r"), fill: fill, stroked: stroked))
            case "line":
                shapes.append(.segment(x1: number("x1"), y1: number("y1"), x2: number("x2"), y2: number("y2"),
                                       width: strokeWidth))
            case "polyline", "polygon":
                let values = (attributes["points"] ?? "").split(whereSeparator: { $0 == " " || $0 == "," })
                    .compactMap { Double($0) }
                var points: [(Double, Double)] = []
                var index = 0
                while index + 1 < values.count {
                    points.append((values[index], values[index + 1]))
                    index += 2
                }
                for (a, b) in zip(points, points.dropFirst()) {
                    shapes.append(.segment(x1: a.0, y1: a.1, x2: b.0, y2: b.1, width: strokeWidth))
                }
            case "text":
                pendingText = (attributes.merging(style) { own, _ in own }, "")
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            pendingText?.text += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            inherited.removeLast()
            guard name == "text", let (attributes, text) = pendingText else { return }
            pendingText = nil
            let size = Double(attributes["font-size"] ?? "") ?? 12
            shapes.append(.text(
                x: Double(attributes["x"] ?? "") ?? 0, y: Double(attributes["y"] ?? "") ?? 0,
                width: Double(text.count) * size * 0.7, size: size, anchor: attributes["text-anchor"] ?? "start",
                rotated: attributes["transform"] != nil))
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            error = parseError
        }
    }
}
