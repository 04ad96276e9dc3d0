import NeuriteEngine
import NeuriteLanguage
import NeuriteNumerics

/// `summary m`: the model's layers, output sizes, parameter counts, activations and initializers,
/// with the total. `summary d`: a dataset's size, per-column statistics and class counts (the
/// table `show d` prints too). `summary run`: the results table. Writes the text; gives nothing.
struct SummaryCommand: CommandHandler {
    let signature = CommandSignature(
        word: .summary,
        usage: ["summary m", "summary d", "summary run"],
        summary: "a model's layers (output size, parameters, activation, initializers) with totals; a dataset's features and classes; a run's results",
        parts: [PartSpec(name: "x", summary: "a model, dataset, run or runs")],
        clauses: [],
        options: [],
        example: "model deep { input 2; repeat 3 { dense 8, relu }; dense 1, sigmoid }\nsummary deep")

    func run(_ input: CommandInput) throws -> Value {
        let context = input.context, command = input.command
        guard input.arguments.count == 1, let argument = input.arguments.first else {
            throw RuntimeError(.summaryTakesOne, at: command.name.span)
        }
        let value = try context.evaluate(argument.value)
        let lines: [String]
        switch value {
        case .model(let model): lines = ModelSummary.lines(model)
        case .dataset(let data): lines = DatasetReport.lines(data)
        case .run(let run): lines = RunReport.lines([run])
        case .runs(let runs): lines = RunReport.lines(runs.runs)
        case .modelConstructor(let constructor):
            throw RuntimeError(
                .summaryOfConstructor(constructor: constructor.name), at: argument.value.span,
                hint: "e.g. summary \(constructor.name)(…)")
        default:
            throw RuntimeError(.summaryNeedsModelOrDataset(typeName: value.typeName), at: argument.value.span)
        }
        context.output?.write(lines.map { $0 + "\n" }.joined())
        return .nothing
    }
}

/// A dataset as text (`summary d`, and `show d` above its histograms): size and task, then a table
/// of the feature columns (and of the targets of a regression set), then class counts.
enum DatasetReport {
    static let maximumColumns = 12

    static func lines(_ data: DatasetValue) -> [String] {
        let summary = data.dataset.summary
        let task: String
        if let counts = summary.classCounts {
            task = "\(counts.count) classes"
        } else {
            task = "regression, \(data.dataset.targetWidth) target\(data.dataset.targetWidth == 1 ? "" : "s")"
        }
        var lines = ["dataset \(data.label): \(summary.count) sample\(summary.count == 1 ? "" : "s"), \(summary.features.count) feature\(summary.features.count == 1 ? "" : "s"), \(task)"]
        var table = TextTable(header: ["column", "min", "max", "mean", "std"], alignments: [.left, .right, .right, .right, .right])
        for column in summary.features.prefix(maximumColumns) + (summary.targets ?? []) {
            table.append([column.name] + [column.minimum, column.maximum, column.mean, column.standardDeviation].map(short))
        }
        lines += table.render()
        if summary.features.count > maximumColumns {
            lines.append("… and \(summary.features.count - maximumColumns) more features")
        }
        if let counts = summary.classCounts {
            lines.append("classes: " + counts.map { "\($0.name) \($0.count)" }.joined(separator: ", "))
        }
        return lines
    }

    /// Four significant digits.
    static func short(_ x: Double) -> String {
        formatNumber(Double(String(format: "%.4g", x)) ?? x)
    }
}
