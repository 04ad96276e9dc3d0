// How numbers, vectors and matrices print in the REPL.

/// The shortest decimal that reads back as exactly `x` (Swift's shortest round-trip form), without
/// a trailing `.0` on whole numbers.
///
/// `3` → "3", `0.1` → "0.1", `1/3` → "0.3333333333333333", `1e-7` → "1e-07", `1e20` → "1e+20",
/// `1e15` → "1000000000000000", `.infinity` → "inf", `-.infinity` → "-inf", `.nan` → "nan".
/// Negative zero prints as "-0", so that the sign survives a round trip (`1 / -0` is `-inf`).
/// `Double(formatNumber(x)) == x` for every non-NaN x.
public func formatNumber(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    let text = x.description
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
}

/// The shortest decimal that reads back as exactly the Float `x` (so `Float(0.1)` prints "0.1", not
/// its Double expansion), with the same conventions as ``formatNumber(_:)``. (A separate name, so that
/// `formatNumber(3)` stays unambiguous.)
public func formatFloat(_ x: Float) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    let text = x.description
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
}

/// A vector as `[1, 2, 3]`. Longer than `maxItems`, it keeps the first two thirds and the last third
/// of `maxItems` around an ellipsis and states the length: `[1, 2, 3, 4, 5, 6, …, 98, 99, 100] (100 values)`.
/// `maxItems` below 2 counts as 2.
public func formatVector(_ v: [Double], maxItems: Int = 9, ellipsis: String = "…") -> String {
    formatItems(v.count, maxItems, ellipsis) { formatNumber(v[$0]) }
}

/// A Float vector, each entry in Float's shortest form; otherwise as ``formatVector(_:maxItems:ellipsis:)``.
public func formatFloatVector(_ v: [Float], maxItems: Int = 9, ellipsis: String = "…") -> String {
    formatItems(v.count, maxItems, ellipsis) { formatFloat(v[$0]) }
}

private func formatItems(
    _ count: Int, _ maxItems: Int, _ ellipsis: String, _ item: (Int) -> String
) -> String {
    let kept = keptIndices(count: count, limit: maxItems)
    let items = kept.map { $0.map(item) ?? ellipsis }
    let body = "[" + items.joined(separator: ", ") + "]"
    return kept.contains(nil) ? body + " (\(count) values)" : body
}

/// A matrix row by row, columns right-aligned, rows and columns elided like ``formatVector(_:maxItems:ellipsis:)``:
/// ```
/// [[1, 2.5, -3],
///  [4,  10,  0]]
/// ```
/// Ragged rows leave their missing cells blank. An elided matrix ends with a line `(rows×columns matrix)`.
/// With `maxWidth`, fewer columns are kept (down to two, around the ellipsis) until every line fits.
public func formatMatrix(
    _ rows: [[Double]], maxRows: Int = 10, maxColumns: Int = 9, maxWidth: Int? = nil, ellipsis: String = "…"
) -> String {
    var columns = maxColumns
    while true {
        let text = formatMatrixLines(rows, maxRows: maxRows, maxColumns: columns, ellipsis: ellipsis)
        guard let maxWidth, columns > 2,
            text.split(separator: "\n").contains(where: { $0.count > maxWidth })
        else { return text }
        columns = Swift.min(columns, rows.map(\.count).max() ?? 0) - 1
    }
}

private func formatMatrixLines(
    _ rows: [[Double]], maxRows: Int, maxColumns: Int, ellipsis: String
) -> String {
    if rows.isEmpty { return "[]" }
    let columnCount = rows.map(\.count).max() ?? 0
    let keptRows = keptIndices(count: rows.count, limit: maxRows)
    let keptColumns = keptIndices(count: columnCount, limit: maxColumns)
    // Cells as text, nil for an elided row.
    let cells: [[String]?] = keptRows.map { r in
        r.map { r in
            keptColumns.map { c in
                guard let c else { return ellipsis }
                return c < rows[r].count ? formatNumber(rows[r][c]) : ""
            }
        }
    }
    var widths = [Int](repeating: 0, count: keptColumns.count)
    for row in cells.compactMap({ $0 }) {
        for (j, cell) in row.enumerated() { widths[j] = Swift.max(widths[j], cell.count) }
    }
    var lines: [String] = []
    for (i, row) in cells.enumerated() {
        let open = i == 0 ? "[[" : " ["
        let close = i == cells.count - 1 ? "]]" : "],"
        guard let row else {
            lines.append(" " + ellipsis)
            continue
        }
        let padded = row.enumerated().map { j, cell in
            String(repeating: " ", count: widths[j] - cell.count) + cell
        }
        lines.append(open + padded.joined(separator: ", ") + close)
    }
    if keptRows.contains(nil) || keptColumns.contains(nil) {
        lines.append("(\(rows.count)×\(columnCount) matrix)")
    }
    return lines.joined(separator: "\n")
}

/// Indices to show out of `count`, with nil where the elided run goes.
func keptIndices(count: Int, limit: Int) -> [Int?] {
    let limit = Swift.max(2, limit)
    if count <= limit { return Array(0..<count) }
    let tail = Swift.max(1, limit / 3)
    let head = limit - tail
    return Array(0..<head) + [nil] + Array((count - tail)..<count)
}
