import NeuriteLanguage

/// Gathers the elements of a vector literal, a comprehension or `map` straight into numbers:
/// numbers make a vector; vectors of one length make a matrix (a row each).
struct CollectionBuilder {
    private var elements: [Double] = []
    /// nil while collecting numbers (or before the first element); the row length otherwise.
    private var columns: Int?
    private var rows = 0
    private var isEmpty = true
    let maximumElements: Int

    init(maximumElements: Int) { self.maximumElements = maximumElements }

    var count: Int { elements.count }

    mutating func append(_ value: Value, span: Span) throws {
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
        if elements.count > maximumElements {
            throw RuntimeError(
                .collectionTooLarge(limit: maximumElements), at: span,
                hint: "use a coarser step, or reduce with sum/mean over a comprehension")
        }
    }

    func build() -> Value {
        guard let columns else { return .vector(elements) }
        return .matrix(Matrix(rows: rows, columns: columns, elements: elements))
    }
}
