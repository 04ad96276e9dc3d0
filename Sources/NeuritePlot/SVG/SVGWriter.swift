import Foundation

/// Builds a standalone SVG document element by element, escaping all text.
struct SVGWriter {
    let width: Int
    let height: Int
    private var elements: [String] = []

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Adds `<name attributes…/>`, or with `text` as escaped content.
    mutating func add(_ name: String, _ attributes: [(String, String)], text: String? = nil) {
        var tag = "<" + name
        for (key, value) in attributes {
            tag += " \(key)=\"\(Self.escape(value))\""
        }
        if let text {
            tag += ">" + Self.escape(text) + "</\(name)>"
        } else {
            tag += "/>"
        }
        elements.append(tag)
    }

    /// Opens a group (`<g …>`); close it with `close("g")`.
    mutating func open(_ name: String, _ attributes: [(String, String)]) {
        var tag = "<" + name
        for (key, value) in attributes { tag += " \(key)=\"\(Self.escape(value))\"" }
        elements.append(tag + ">")
    }

    mutating func close(_ name: String) {
        elements.append("</\(name)>")
    }

    mutating func text(_ content: String, x: Double, y: Double, anchor: String = "middle", size: Double = 12,
                       weight: String? = nil, rotate: Bool = false, fill: String = "#333333") {
        var attributes: [(String, String)] = [
            ("x", Self.number(x)), ("y", Self.number(y)), ("text-anchor", anchor),
            ("font-size", Self.number(size)), ("fill", fill),
        ]
        if let weight { attributes.append(("font-weight", weight)) }
        if rotate { attributes.append(("transform", "rotate(-90 \(Self.number(x)) \(Self.number(y)))")) }
        add("text", attributes, text: content)
    }

    var document: String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
        out += "viewBox=\"0 0 \(width) \(height)\" font-family=\"Helvetica, Arial, sans-serif\">\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        for element in elements { out += element + "\n" }
        return out + "</svg>\n"
    }

    /// `value` with at most two decimals; non-finite values become 0 so the XML stays valid.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return NumberFormat.stripZeros(String(format: "%.2f", value))
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // Control characters are not allowed in XML 1.0.
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
