/// Text read as a skeleton and its numbers, for comparisons that allow numbers to move a little.
enum NumberedText {
    /// `text` with every unsigned decimal number (`3`, `0.25`, `1.5e-3`) replaced by `#`, and those
    /// numbers in order. A sign stays in the skeleton; a dot or an `e` that no digit follows is text.
    static func split(_ text: String) -> (skeleton: String, numbers: [Double]) {
        var skeleton = ""
        var numbers: [Double] = []
        let scalars = Array(text.unicodeScalars)
        func isDigit(_ i: Int) -> Bool { i < scalars.count && scalars[i].isASCII && scalars[i].properties.numericType != nil }
        var i = 0
        while i < scalars.count {
            // A digit glued to a name (x2, layer1) is part of the name.
            let afterName = i > 0 && (scalars[i - 1].properties.isAlphabetic || scalars[i - 1] == "_")
            guard isDigit(i), !afterName else {
                skeleton.unicodeScalars.append(scalars[i])
                i += 1
                continue
            }
            var end = i
            while isDigit(end) { end += 1 }
            if end < scalars.count, scalars[end] == ".", isDigit(end + 1) {
                end += 1
                while isDigit(end) { end += 1 }
            }
            if end < scalars.count, scalars[end] == "e" || scalars[end] == "E" {
                var exponent = end + 1
                if exponent < scalars.count, scalars[exponent] == "-" || scalars[exponent] == "+" { exponent += 1 }
                if isDigit(exponent) {
                    end = exponent
                    while isDigit(end) { end += 1 }
                }
            }
            var token = ""
            token.unicodeScalars.append(contentsOf: scalars[i..<end])
            numbers.append(Double(token) ?? .nan)
            skeleton += "#"
            i = end
        }
        return (skeleton, numbers)
    }
}
