import NeuriteLanguage

/// Gathers the elements of a vector literal, a comprehension or `map` straight into numbers:
/// numbers make a vector; vectors of one length make a matrix (a row each). Runs make runs
/// (`[r1, r2]`, a run of runs joining its runs), which every runs command takes.
struct CollectionBuilder {
    private var elements: [Double] = []
    /// The runs gathered, when the first element was a run or runs.
    private var runs: [RunValue]?
    /// nil while collecting numbers (or before the first element); the row length otherwise.
    private var columns: Int?
    private var rows = 0
    private var isEmpty = true
    let maximumElements: Int

    init(maximumElements: Int) { self.maximumElements = maximumElements }

    var count: Int { elements.count }

    mutating func append(_ value: Value, span: Span) throws {
        if let gathered = value.runList, isEmpty || runs != nil {
            runs = (runs ?? []) + gathered
            isEmpty = false
            try checkCount(runs?.count ?? 0, span: span)
            return
        }
        if let runs {
            throw RuntimeError(.listElementNotRun(count: runs.count, typeName: value.typeName), at: span)
        }
        switch value {
        case .number(let x) where columns == nil:
            elements.append(x)
        case .vector(let row) where isEmpty || columns == row.count:
            columns = row.count
            elements.append(contentsOf: row)
            rows += 1
        case .jet:
            throw RuntimeError(
                .cannotDifferentiateVector, at: span,
                hint: "derivatives work on functions of one number")
        default:
            if let columns {
                throw RuntimeError(
                    .unevenMatrixRows(columns: columns, typeName: value.typeName),
                    at: span)
            }
            throw RuntimeError(
                .vectorElementNotNumber(typeName: value.typeName),
                at: span)
        }
        isEmpty = false
        try checkCount(elements.count, span: span)
    }

    private func checkCount(_ count: Int, span: Span) throws {
        if count > maximumElements {
            throw RuntimeError(
                .collectionTooLarge(limit: maximumElements), at: span,
                hint: "use a coarser step, or reduce with sum/mean over a comprehension")
        }
    }

    func build() -> Value {
        if let runs { return .runs(RunsValue(runs)) }
        guard let columns else { return .vector(elements) }
        return .matrix(Matrix(rows: rows, columns: columns, elements: elements))
    }
}
