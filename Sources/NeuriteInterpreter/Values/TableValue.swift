import NeuriteNumerics

/// A small table of results (`dead m on d`, `sparsity …`, `gradients …`): named columns, one row per
/// layer (and model). `t[i]` is a row, whose columns are its members (`t[1].dead`); `t.dead` is a
/// column as a vector; `len(t)` counts the rows. Echoed as a text table.
public struct TableValue {
    public var columns: [String]
    /// One cell per column in each row: numbers and strings (and the outputs of `layer_outputs`).
    public var rows: [[Value]]

    public init(columns: [String], rows: [[Value]]) {
        self.columns = columns
        self.rows = rows
    }

    /// Row `index` as a record.
    func row(_ index: Int) -> RecordValue {
        RecordValue(fields: Array(zip(columns, rows[index])).map { (name: $0.0, value: $0.1) })
    }

    /// Column `name` as a vector when it holds numbers, nil when there is no such column.
    func column(_ name: String) -> Value? {
        guard let index = columns.firstIndex(of: name) else { return nil }
        var numbers: [Double] = []
        for row in rows {
            guard case .number(let x) = row[index] else { return .string(rows.map { ValueFormatter.plain.format($0[index]) }.joined(separator: ", ")) }
            numbers.append(x)
        }
        return .vector(numbers)
    }

    /// The table as text lines, its text columns narrowed to fit `width` columns when given.
    func lines(width: Int? = nil) -> [String] {
        let numeric = columns.indices.map { column in rows.allSatisfy { if case .number = $0[column] { true } else { false } } }
        var table = TextTable(header: columns, alignments: numeric.map { $0 ? .right : .left }, maxWidth: width)
        for row in rows { table.append(row.map(Self.cellText)) }
        return table.render()
    }
}

extension TableValue {
    /// A cell as the table shows it: a matrix by its shape (`t[i].output` shows it whole).
    static func cellText(_ value: Value) -> String {
        if case .matrix(let matrix) = value { return "\(matrix.rows)×\(matrix.columns) matrix" }
        return ValueFormatter.plain.format(value)
    }
}

/// One row of a ``TableValue``: its cells by column name.
public struct RecordValue {
    public var fields: [(name: String, value: Value)]

    func field(_ name: String) -> Value? { fields.first { $0.name == name }?.value }

    var text: String {
        "{" + fields.map { "\($0.name): \(ValueFormatter.plain.describe($0.value))" }.joined(separator: ", ") + "}"
    }
}
