/// Footnote lines for skipped points.
enum Footnotes {
    static func lines(nonFinite: Int, nonPositive: Int, unpaired: Int = 0, ascii: Bool) -> [String] {
        var notes: [String] = []
        if nonFinite > 0 { notes.append("\(count(nonFinite, "point")) not drawn: NaN/inf") }
        if nonPositive > 0 { notes.append("\(count(nonPositive, "point")) not drawn: \(ascii ? "<=" : "≤") 0 on log scale") }
        if unpaired > 0 { notes.append("\(count(unpaired, "value")) ignored: x and y lengths differ") }
        return notes
    }

    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
