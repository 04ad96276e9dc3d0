import NeuriteNumerics

/// Turns values into text: numbers in their shortest exact form (`3`, `0.5`, `1e-07`), vectors
/// as `[1, 2, 3]` with long ones elided (`[1, 2, 3, 4, 5, 6, …, 99, 100] (100 values)`), matrices
/// one row per line with aligned columns (NeuriteNumerics' formatting), functions as
/// `<fn f(x)>`, `<builtin relu>`, `<derivative relu'>`.
struct ValueFormatter {
    /// Vectors longer than this are elided.
    var maximumElements: Int
    /// Columns a matrix's lines may take (nil: no limit); wider matrices keep fewer columns.
    var width: Int? = nil

    static let plain = ValueFormatter(maximumElements: 9)

    /// The formatter for what a session shows on a terminal of `width` columns.
    static func fitting(width: Int) -> ValueFormatter {
        ValueFormatter(maximumElements: 9, width: max(24, width))
    }

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
        case .string(let text): return quoted(text)
        case .vector(let elements): return formatVector(elements)
        case .matrix(let matrix): return formatMatrix(matrix)
        case .function(let function): return describe(function)
        case .nothing: return ""
        case .dataset(let data):
            return "<dataset \(data.label): \(data.dataset.count) sample\(data.dataset.count == 1 ? "" : "s")>"
        case .split(let split):
            var parts = ["train \(split.train.dataset.count)"]
            if let validation = split.validation { parts.append("validation \(validation.dataset.count)") }
            parts.append("test \(split.test.dataset.count)")
            return "<split: \(parts.joined(separator: ", "))>"
        case .model(let model): return "<model \(model.label)>"
        case .table(let table): return table.lines(width: width).joined(separator: "\n")
        case .record(let record): return record.text
        case .layers(let layers):
            return (0..<layers.count).map { "[\($0)] " + layers[$0].summary }.joined(separator: "\n")
        case .layer(let layer): return "<layer \(layer.index) of \(layer.model.label): \(layer.summary)>"
        case .modelConstructor(let constructor): return "<model constructor \(constructor.name)>"
        case .run(let run): return RunReport.lines([run], width: width).joined(separator: "\n")
        case .runs(let runs): return RunReport.lines(runs.runs, width: width).joined(separator: "\n")
        case .evaluation(let evaluation): return EvaluationReport.lines(evaluation).joined(separator: "\n")
        }
    }

    /// A string as it would be written in the language, so the echo reads back exactly:
    /// `"say \"hi\"\n"`.
    func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
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
        NeuriteNumerics.formatVector(elements, maxItems: maximumElements)
    }

    func formatMatrix(_ matrix: Matrix) -> String {
        let rows = (0..<matrix.rows).map(matrix.row)
        return NeuriteNumerics.formatMatrix(rows, maxRows: maximumElements, maxColumns: maximumElements, maxWidth: width)
    }
}
