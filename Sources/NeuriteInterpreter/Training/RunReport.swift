import Foundation
import NeuriteEngine
import NeuriteNumerics
import NeuritePlot

/// How runs are shown: a results table (model, epochs, final loss and accuracy, validation
/// figures, why it stopped), then a line per diverged run saying why and what to try.
///
/// The wall-clock time is left out so that printed results are the same on every machine
/// (it is the run's `.seconds` member and shows on the live progress line).
enum RunReport {
    /// The table, its label columns narrowed to fit `width` columns when given.
    static func lines(_ runs: [RunValue], width: Int? = nil) -> [String] {
        // A sweep's runs: sorted by final loss (best first, failed runs last), the varied settings as columns.
        let settings = runs.flatMap { $0.varied.map(\.name) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let runs = settings.isEmpty ? runs : runs.enumerated().sorted { a, b in
            let (x, y) = (a.element.run.history.last?.loss ?? .nan, b.element.run.history.last?.loss ?? .nan)
            if x.isFinite != y.isFinite { return x.isFinite }
            return x.isFinite && x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        let hasAccuracy = runs.contains { $0.accuracySeries != nil }
        let hasValidation = runs.contains { $0.validationLossSeries != nil }
        let hasValidationAccuracy = runs.contains { $0.validationAccuracySeries != nil }
        var header = ["model"] + settings + ["epochs", "loss"]
        var alignments: [TextTable.Alignment] = [.left] + settings.map { _ in .right } + [.right, .right]
        if hasAccuracy { header.append("accuracy"); alignments.append(.right) }
        if hasValidation { header.append("val loss"); alignments.append(.right) }
        if hasValidationAccuracy { header.append("val acc"); alignments.append(.right) }
        header.append("stopped")
        alignments.append(.left)
        var table = TextTable(header: header, alignments: alignments, maxWidth: width)
        for run in runs {
            let last = run.run.history.last
            var row = [settings.isEmpty ? run.label : run.model.label]
            row += settings.map { name in run.varied.first { $0.name == name }?.value ?? "" }
            row += ["\(run.firstEpoch + run.run.history.count)", figure(last?.loss)]
            if hasAccuracy { row.append(figure(last?.accuracy)) }
            if hasValidation { row.append(figure(last?.validationLoss)) }
            if hasValidationAccuracy { row.append(figure(last?.validationAccuracy)) }
            row.append(run.stopDescription)
            table.append(row)
        }
        var lines = table.render()
        for run in runs {
            if let report = run.divergence { lines.append("\(run.label): " + divergenceText(report, run: run)) }
        }
        return lines
    }

    /// A figure to 4 decimals (`0.6931`), or `-` when absent; very large or small in e-notation.
    static func figure(_ value: Double?) -> String {
        guard let value else { return "-" }
        if !value.isFinite { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
        let magnitude = abs(value)
        if magnitude >= 1e5 || (magnitude < 1e-4 && magnitude > 0) { return String(format: "%.3e", value) }
        return String(format: "%.4f", value)
    }

    /// "loss became NaN at epoch 3 step 41; largest gradient norm 3.2e+08 in layer 2 (dense 8, relu);
    /// the learning rate is probably too high — try lr: 0.003 or clip: 1".
    static func divergenceText(_ report: DivergenceReport, run: RunValue) -> String {
        let what: String
        if report.cause == .nonFiniteWeights {
            what = "the last update made the weights NaN or infinite"
        } else if report.loss.isNaN {
            what = "loss became NaN"
        } else if report.loss.isFinite {
            what = "the gradients became NaN or infinite"
        } else {
            what = "loss became infinite"
        }
        var text = "\(what) at epoch \(run.firstEpoch + report.epoch) step \(report.step)"
        if let layer = report.layer, let network = try? run.model.network(), layer < network.specIndex.count {
            let specIndex = network.specIndex[layer]
            let place = "layer \(specIndex + 1) (\(describe(run.model.specs[specIndex])))"
            if report.cause == .nonFiniteActivation {
                text += "; the activation of \(place) gave NaN or infinity from finite inputs"
            } else if report.cause == .nonFiniteWeights {
                text += ", first in \(place)"
            } else {
                let norm = report.largestGradientNorm.isFinite ? String(format: "%.2g", report.largestGradientNorm) : "inf"
                text += "; largest gradient norm \(norm) in \(place)"
            }
        }
        let smaller = formatNumber(Double(String(format: "%.1g", run.learningRate / 10)) ?? run.learningRate / 10)
        switch report.cause {
        case .learningRateTooHigh, .nonFiniteWeights:
            text += "; the learning rate is probably too high — try lr: \(smaller) or clip: 1"
        case .explodingGradients:
            text += "; the gradients exploded — try clip: 1 or lr: \(smaller)"
        case .invalidData:
            text += "; the data contain NaN or infinite values — check them"
        case .nonFiniteActivation:
            text += "; is the activation defined for every input? (e.g. log or sqrt of a negative number)"
        }
        return text
    }

    /// `dense 8, relu`, `dropout 0.5`, `softmax`.
    static func describe(_ spec: LayerSpec) -> String {
        switch spec {
        case let .dense(units, activation, _, _):
            return "dense \(units)" + (activation.map { ", " + $0.name } ?? "")
        case .activation(let function): return "activation \(function.name)"
        case .softmax: return "softmax"
        case .dropout(let rate): return "dropout \(formatNumber(rate))"
        }
    }
}

extension RunValue {
    /// The base learning rate of the run.
    var learningRate: Double { options?.optimizer.learningRate ?? run.history.first?.learningRate ?? 0.01 }
}
