import NeuriteNumerics

/// Turns values into text: numbers in their shortest exact form (`3`, `0.5`, `1e-07`), vectors
/// as `[1, 2, 3]` with long ones elided (`[1, 2, 3, …, 99, 100] (100 elements)`), matrices one
/// row per line, functions as `<fn f(x)>`, `<builtin relu>`, `<derivative relu'>`.
struct ValueFormatter {
    /// Vectors longer than this are elided.
    var maximumElements: Int

    static let plain = ValueFormatter(maximumElements: 12)

    /// How `print` shows a value: strings without quotes.
    func format(_ value: Value) -> String {
        if case .string(let text) = value { return text }
        return describe(value)
    }

    /// How the REPL echoes a value: strings quoted.
    func describe(_ value: Value) -> String {
        switch value {
        case .number(let number): return formatNumber(number)
        case .jet(let jet): return formatNumber(jet.value)
        case .boolean(let flag): return flag ? "true" : "false"
        case .string(let text): return "\"\(text)\""
        case .vector(let elements): return formatVector(elements)
        case .matrix(let matrix): return formatMatrix(matrix)
        case .function(let function): return describe(function)
        case .nothing: return ""
        }
    }

    func describe(_ function: FunctionValue) -> String {
        switch function {
        case .user(let user):
            let parameters = user.parameters.map(\.name.name).joined(separator: ", ")
            return user.name.map { "<fn \($0)(\(parameters))>" } ?? "<fn(\(parameters))>"
        case .builtin(let builtin): return "<builtin \(builtin.name)>"
        case .derivative: return "<derivative \(function.displayName)>"
        }
    }

    func formatVector(_ elements: [Double]) -> String {
        guard elements.count > maximumElements else {
            return "[" + elements.map(formatNumber).joined(separator: ", ") + "]"
        }
        let head = elements.prefix(maximumElements - 3).map(formatNumber)
        let tail = elements.suffix(2).map(formatNumber)
        return "[" + (head + ["…"] + tail).joined(separator: ", ") + "] (\(elements.count) elements)"
    }

    func formatMatrix(_ matrix: Matrix) -> String {
        guard matrix.rows > 0 else { return "[]" }
        let shownRows: [Int]
        if matrix.rows > maximumElements {
            shownRows = Array(0..<(maximumElements - 3)) + [-1] + [matrix.rows - 2, matrix.rows - 1]
        } else {
            shownRows = Array(0..<matrix.rows)
        }
        let lines = shownRows.map { index in
            index < 0 ? " …" : formatVector(matrix.row(index))
        }
        var text = "[" + lines.joined(separator: ",\n ") + "]"
        if matrix.rows > maximumElements { text += " (\(matrix.rows)×\(matrix.columns))" }
        return text
    }
}
