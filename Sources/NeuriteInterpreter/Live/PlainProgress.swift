import Foundation
import NeuriteEngine
import NeuritePlot

/// `train`'s progress when output is not a terminal and the session asks for it: plain periodic
/// lines per model (the first epoch, about every tenth, the last) on the error stream. Models
/// training at once write whole lines, one at a time.
final class PlainProgress {
    private let lock = NSLock()
    private let sink: any OutputSink
    private let width: Int
    private var reporters: [Int: (reporter: ProgressReporter, losses: [Double], started: Date)] = [:]

    /// Nil unless the session wants plain progress lines (output not a terminal, `plainProgress` on).
    init?(context: CommandContext) {
        guard let sink = context.output, !sink.isTerminal, context.options.plainProgress else { return nil }
        self.sink = sink
        width = context.options.terminalWidth
    }

    /// Model `index` completed an epoch.
    func epoch(_ index: Int, label: String, _ record: EpochRecord, total: Int) {
        lock.withLock {
            var entry = reporters[index] ?? (
                ProgressReporter(isTerminal: false, width: width, sink: { [weak sink] text in sink?.writeProgress(text) }),
                [], Date())
            entry.losses.append(record.loss)
            entry.reporter.update(ProgressLine(
                label: label, current: record.epoch, total: total, losses: entry.losses,
                metrics: ProgressLine.trainingMetrics(accuracy: record.accuracy, validationLoss: record.validationLoss),
                elapsed: Date().timeIntervalSince(entry.started)))
            reporters[index] = entry
        }
    }

    /// Model `index` stopped: its last line, if not yet written.
    func finish(_ index: Int) {
        lock.withLock { reporters[index]?.reporter.finish() }
    }
}

extension ProgressLine {
    /// The figures a training progress line shows after the loss: accuracy and validation loss, when known.
    static func trainingMetrics(accuracy: Double?, validationLoss: Double?) -> [Metric] {
        var metrics: [Metric] = []
        if let accuracy { metrics.append(Metric(name: "acc", value: accuracy)) }
        if let validationLoss { metrics.append(Metric(name: "val", value: validationLoss)) }
        return metrics
    }
}
