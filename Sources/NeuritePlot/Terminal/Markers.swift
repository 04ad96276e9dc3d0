/// Per-series markers used when there is no colour to tell series apart.
enum Markers {
    static let unicode: [Unicode.Scalar] = ["•", "+", "×", "◆", "○", "▲", "■", "*"]
    static let ascii: [Unicode.Scalar] = ["*", "+", "x", "o", "#", "@", "%", "&"]

    static func marker(_ index: Int, canvas: CanvasKind) -> Unicode.Scalar {
        let set = canvas.isASCII ? ascii : unicode
        return set[((index % set.count) + set.count) % set.count]
    }
}
