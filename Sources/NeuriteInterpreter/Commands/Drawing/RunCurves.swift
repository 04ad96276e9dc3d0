import NeuriteEngine
import NeuritePlot

/// `plot runs [with metric: accuracy]`: one overlay of the runs' per-epoch curves, the loss on a
/// log axis (accuracy on a linear one), each series named by its model's label.
enum RunCurves {
    /// The curves a run records per epoch.
    enum Metric: String, CaseIterable {
        case loss, accuracy, val_loss, val_accuracy

        func values(_ record: EpochRecord) -> Double? {
            switch self {
            case .loss: return record.loss
            case .accuracy: return record.accuracy
            case .val_loss: return record.validationLoss
            case .val_accuracy: return record.validationAccuracy
            }
        }

        var isLoss: Bool { self == .loss || self == .val_loss }
        var title: String { rawValue.replacingOccurrences(of: "_", with: " ") }
    }

    static func isTrainingValue(_ value: Value) -> Bool {
        switch value {
        case .run, .runs, .model: return true
        default: return false
        }
    }

    static func plot(_ values: [Value], input: CommandInput) throws -> Value {
        if let over = input.over {
            throw RuntimeError(.plotRunsWithOver, at: over.span)
        }
        for option in [PlotCommand.samples.spec, PlotCommand.style.spec] {
            if let given = input.expression(named: option.name) {
                throw RuntimeError(.optionForFunctionsAndVectors(option: option.name), at: given.span)
            }
        }
        let subjects = try TrainingSubject.from(input, values: values, models: false)
        let drawing = try Drawing(input)
        let metric = try input.value(PlotCommand.metric)
        let log = try input.value(PlotCommand.log) ?? metric.isLoss
        var plot = LinePlot(
            title: drawing.title ?? metric.title + " per epoch", xLabel: "epoch", yLabel: metric.title,
            yScale: log ? .log : .linear)
        var seen: [String: Int] = [:]
        var drawn = 0
        var empty: [String] = []
        for subject in subjects {
            guard let run = subject.run else { continue }
            var xs: [Double] = [], ys: [Double] = []
            for record in run.run.history {
                guard let y = metric.values(record) else { continue }
                xs.append(Double(run.firstEpoch + record.epoch))
                ys.append(y)
            }
            seen[subject.label, default: 0] += 1
            let name = seen[subject.label, default: 1] > 1 ? "\(subject.label) #\(seen[subject.label] ?? 1)" : subject.label
            if ys.isEmpty { empty.append(name) } else { drawn += 1 }
            plot.add(series: name, x: xs, y: ys)
        }
        guard drawn > 0 else {
            throw RuntimeError(
                .runsRecordedNoMetric(metric: metric.title), at: input.span(of: PlotCommand.metric),
                hint: metric == .loss ? nil
                    : metric == .accuracy ? "accuracy is recorded for class labels"
                    : "train with validation: 0.2 to record it")
        }
        try drawing.show(plot)
        if !empty.isEmpty {
            drawing.write("note: no \(metric.title) to draw for " + empty.joined(separator: ", ")
                + " (no completed epoch: diverged or interrupted in its first epoch, or trained for 0 epochs)")
        }
        return .nothing
    }
}
