import NeuriteEngine

/// How `evaluate m on d` is shown: loss and accuracy, then the confusion matrix
/// (rows: actual class, columns: predicted class).
enum EvaluationReport {
    static func lines(_ value: EvaluationValue) -> [String] {
        let evaluation = value.evaluation
        var lines = ["\(value.modelLabel) on \(value.dataLabel): loss \(RunReport.figure(evaluation.loss)) (\(OptionWords.name(of: value.loss)))"
            + (evaluation.accuracy.map { ", accuracy \(RunReport.figure($0))" } ?? "")]
        guard let confusion = evaluation.confusion else { return lines }
        let names = (0..<confusion.count).map { index in
            value.classNames.flatMap { index < $0.count ? $0[index] : nil } ?? "\(index)"
        }
        var table = TextTable(
            header: ["actual \\ predicted"] + names,
            alignments: [.left] + Array(repeating: .right, count: names.count))
        for (index, row) in confusion.enumerated() {
            table.append([names[index]] + row.map(String.init))
        }
        lines += table.render()
        return lines
    }
}
