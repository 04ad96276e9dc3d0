import NeuriteLanguage
import NeuriteNumerics

extension Evaluator {
    /// `target = value` where the target is a layer's weights or bias, whole or in part:
    /// `l.weights = M` (width × inputs), `l.weights[u] = v` (unit u's incoming weights),
    /// `l.weights[u][i] = x`, `l.bias = v`, `l.bias[u] = x`, with `l` any expression giving a layer
    /// (`m.layers[0]`). Shapes are checked; the model's weights change in place.
    func assign(_ target: Expression, _ valueExpression: Expression, in scope: Scope) throws {
        var indices: [Expression] = []
        var part = target
        while case .index(let base, let index) = part.kind {
            indices.insert(index, at: 0)
            part = base
        }
        guard case .member(let base, let member) = part.kind, member.name == "weights" || member.name == "bias" else {
            throw RuntimeError(
                .assignmentTarget, at: target.span,
                hint: "e.g. m.layers[0].bias[3] = -3; a name is bound with let")
        }
        guard case .layer(let layer) = try evaluate(base, in: scope) else {
            throw RuntimeError(.assignmentNeedsLayer(member: member.name), at: base.span)
        }
        let positions = try indices.map { try plainNumber($0, in: scope, what: "an index") }
        let value = try evaluate(valueExpression, in: scope)
        try RuntimeError.fromEngine(at: target.span) {
            let dense = try layer.dense()
            let rows = dense.outputWidth
            let columns = member.name == "weights" ? dense.inputWidth : 1
            let maximumIndices = member.name == "weights" ? 2 : 1
            guard indices.count <= maximumIndices else {
                throw RuntimeError(
                    .assignmentTooManyIndices(member: member.name, maximum: maximumIndices), at: indices[maximumIndices].span)
            }
            let sizes = member.name == "weights" ? [rows, columns] : [rows]
            var offsets: [Int] = []
            for (position, (index, size)) in zip(positions, zip(indices, sizes)) {
                guard position == position.rounded(), position >= Double(-size), position < Double(size) else {
                    let what = offsets.isEmpty ? (member.name == "weights" ? "units (rows)" : "units") : "inputs (columns)"
                    throw RuntimeError(
                        .assignmentIndexOutOfRange(index: formatNumber(position), size: size, what: what),
                        at: index.span, hint: "indices start at 0; -1 is the last")
                }
                offsets.append(position < 0 ? Int(position) + size : Int(position))
            }
            // The cells the target covers, as (unit, input) pairs, and the numbers given for them.
            let units = offsets.count >= 1 ? [offsets[0]] : Array(0..<rows)
            let inputs = offsets.count >= 2 ? [offsets[1]] : Array(0..<columns)
            let numbers = try Self.numbers(value, rows: units.count, columns: inputs.count, member: member.name, at: valueExpression.span)
            for (row, unit) in units.enumerated() {
                for (column, input) in inputs.enumerated() {
                    let number = numbers[row * inputs.count + column]
                    if member.name == "weights" {
                        try layer.setWeight(unit: unit, input: input, to: number)
                    } else {
                        try layer.setBias(unit: unit, to: number)
                    }
                }
            }
        }
    }

    /// The finite numbers of `value` for a `rows × columns` target (a number, a vector or a matrix).
    private static func numbers(_ value: Value, rows: Int, columns: Int, member: String, at span: Span) throws -> [Double] {
        let numbers: [Double]
        let shape: String
        switch value {
        case .number(let x): (numbers, shape) = ([x], "a number")
        case .vector(let v): (numbers, shape) = (v, "a vector of \(v.count)")
        case .matrix(let m): (numbers, shape) = (m.elements, "a \(m.rows)×\(m.columns) matrix")
        default:
            throw RuntimeError(.assignmentNeedsNumbers(member: member, typeName: value.typeName), at: span)
        }
        let wanted = rows == 1 && columns == 1 ? "a number"
            : rows == 1 || columns == 1 ? "a vector of \(max(rows, columns))" : "a \(rows)×\(columns) matrix"
        let fits: Bool
        switch value {
        case .number: fits = rows == 1 && columns == 1
        // A matrix of the target's shape always fits (`w = [[1]]` for a 1×1 weight matrix, as it prints).
        case .vector(let v): fits = (rows == 1 || columns == 1) && v.count == rows * columns
        case .matrix(let m): fits = m.rows == rows && m.columns == columns
        default: fits = false
        }
        guard fits else {
            throw RuntimeError(.assignmentShape(member: member, wanted: wanted, got: shape), at: span)
        }
        guard numbers.allSatisfy(\.isFinite) else {
            throw RuntimeError(.assignmentNotFinite(member: member), at: span)
        }
        return numbers
    }
}
