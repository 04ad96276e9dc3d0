/// CSV text (RFC 4180, LF line ends, a header row) for data sets, training histories and prediction
/// matrices. Numbers are written in their shortest form that reads back to the same value (Float for
/// tensor values, Double for metrics); NaN and infinities as `nan`, `inf`, `-inf`. A field holding the
/// delimiter, a quote, a line break or surrounding spaces is quoted, with quotes doubled.
public enum CSVWriter {
    /// How a class label is written.
    public enum LabelStyle: Sendable {
        /// The class name (the index when the data set has no names).
        case names
        /// The class index 0, 1, ….
        case indices
    }

    /// The features (one column per feature, named as ``Dataset/columnNames``) and the targets: a
    /// `label` column for classes, `target` (or `target1`, `target2`, …) for real targets. A target
    /// name already used by a feature gets underscores appended.
    public static func dataset(_ data: Dataset, labels: LabelStyle = .names, delimiter: Character = ",") -> String {
        let featureNames = data.columnNames
        let used = Set(featureNames)
        func unique(_ name: String) -> String {
            var name = name
            while used.contains(name) { name += "_" }
            return name
        }
        var header = featureNames
        switch data.targets {
        case .classes: header.append(unique("label"))
        case .values(let values):
            header += values.columns == 1 ? [unique("target")] : (1...values.columns).map { unique("target\($0)") }
        }
        var out = row(header, delimiter)
        let width = data.featureWidth
        for r in 0..<data.count {
            var fields = (0..<width).map { number(data.features.storage[r * width + $0]) }
            switch data.targets {
            case .classes(let classes, _):
                let index = classes[r]
                let names = data.classNames
                fields.append(labels == .names && names.map { index < $0.count } == true ? names?[index] ?? "" : String(index))
            case .values(let values):
                let columns = values.columns
                fields += (0..<columns).map { number(values.storage[r * columns + $0]) }
            }
            out += row(fields, delimiter)
        }
        return out
    }

    /// One row per epoch: `epoch, steps, loss, accuracy, validation_loss, validation_accuracy,
    /// learning_rate`; a metric the run did not measure is an empty field.
    public static func history(_ history: [EpochRecord], delimiter: Character = ",") -> String {
        var out = row(["epoch", "steps", "loss", "accuracy", "validation_loss", "validation_accuracy", "learning_rate"], delimiter)
        for record in history {
            out += row([
                String(record.epoch), String(record.steps), number(record.loss), record.accuracy.map(number) ?? "",
                record.validationLoss.map(number) ?? "", record.validationAccuracy.map(number) ?? "",
                number(record.learningRate),
            ], delimiter)
        }
        return out
    }

    /// A matrix (e.g. `network.predict(features)`), one row per sample. `columnNames` names the
    /// columns (e.g. the class names); by default `output1`, `output2`, … (`output` for one column).
    public static func matrix(_ values: Tensor, columnNames: [String]? = nil, delimiter: Character = ",") throws -> String {
        let columns = values.columns
        let names = columnNames ?? (columns == 1 ? ["output"] : (1...Swift.max(columns, 1)).map { "output\($0)" })
        guard names.count == columns else {
            throw EngineError.shapeMismatch(
                operation: "CSV columns", expected: "\(columns) column names", got: "\(names.count)")
        }
        var out = row(names, delimiter)
        for r in 0..<(values.shape.isEmpty ? 1 : values.rows) {
            out += row((0..<columns).map { number(values.storage[r * columns + $0]) }, delimiter)
        }
        return out
    }

    /// The shortest text that reads back as the same Float.
    public static func number(_ value: Float) -> String { value.description }

    /// The shortest text that reads back as the same Double.
    public static func number(_ value: Double) -> String { value.description }

    /// A record: the fields, quoted where needed, joined by the delimiter, ended by a line feed.
    static func row(_ fields: [String], _ delimiter: Character) -> String {
        fields.map { quoted($0, delimiter) }.joined(separator: String(delimiter)) + "\n"
    }

    static func quoted(_ field: String, _ delimiter: Character) -> String {
        let needsQuotes = field.contains { $0 == delimiter || $0 == "\"" || $0.isNewline }
            || field.first.map { $0 == " " || $0 == "\t" } == true || field.last.map { $0 == " " || $0 == "\t" } == true
        guard needsQuotes else { return field }
        return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
