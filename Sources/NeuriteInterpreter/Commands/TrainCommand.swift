import Foundation
import NeuriteEngine
import NeuriteLanguage
import NeuritePlot

/// `train m on d with epochs: 100, lr: 0.03` and `train a, b, c on d with …`.
///
/// Each model is trained in place, one after the other, on the same data with the same seed (a model
/// trained for the first time is initialised from that seed). One model gives a `run`, several
/// give `runs`. Ctrl-C stops the current model between steps: it keeps its weights, the runs so
/// far are returned (the interrupted one marked so), a note is printed and the session goes on.
/// A loss that becomes NaN or infinite stops that model's run with a report; the others still train.
struct TrainCommand: CommandHandler {
    let signature = CommandSignature(
        word: .train,
        usage: ["train m on d with epochs: 100, lr: 0.03", "train a, b, c on d with …  (same data, same seed)"],
        summary: "trains models in place and gives a run (one model) or runs (several): loss and accuracy per epoch, probes, why it stopped",
        parts: [PartSpec(name: "m", summary: "models (or model constructors called)", repeats: true)],
        clauses: [(.on, "the data to train on (a dataset, or a split: its train part, validating on its validation part)")],
        options: TrainOptions.all,
        example: "model tiny { input 2; dense 4, tanh; dense 1, sigmoid }\ntrain tiny on xor(n: 40, seed: 1) with epochs: 2")

    func run(_ input: CommandInput) throws -> Value {
        let context = input.context, span = input.span, command = input.command
        guard !input.arguments.isEmpty else {
            throw RuntimeError(.trainNeedsModel, at: command.name.span, hint: "e.g. train m on d with epochs: 10")
        }
        guard let dataExpression = input.on else {
            if input.arguments.count >= 2, let last = input.arguments.last,
                case .dataset = try input.evaluate(last.value)
            {
                let models = input.arguments.dropLast().map { input.text(of: $0.value) }.joined(separator: ", ")
                let data = input.text(of: last.value)
                throw RuntimeError(
                    .trainDataAfterOn, at: last.value.span,
                    hint: "write 'train \(models) on \(data)' (or train(\(models), on: \(data)))")
            }
            throw RuntimeError(.trainNeedsData, at: command.name.span)
        }
        let models = try input.arguments.map { try Self.model($0.value, context: context) }
        let sweep = try Sweep(input, options: TrainOptions.all)
        guard !sweep.isEmpty else {
            let runs = try trainAll(models, on: dataExpression, input: input)
            return runs.count == 1 && models.count == 1 ? .run(runs[0]) : .runs(RunsValue(runs))
        }
        // A sweep: every point trains a fresh copy of each model, on the same data with the same seed.
        var runs: [RunValue] = []
        for (point, varied) in sweep.points(of: input) {
            let copies = try models.map { model in try RuntimeError.fromEngine(at: span) { try model.copy() } }
            let trained = try trainAll(copies, on: dataExpression, input: point)
            runs += trained.map { run in
                var run = run
                run.varied = varied
                return run
            }
            if trained.contains(where: { if case .interrupted = $0.run.stopReason { true } else { false } }) { break }
        }
        return .runs(RunsValue(runs))
    }

    /// Trains `models` one after the other on the data with the options of `input`.
    private func trainAll(_ models: [ModelValue], on dataExpression: NeuriteLanguage.Expression, input: CommandInput) throws -> [RunValue] {
        let context = input.context, span = input.span
        let (data, validationPart) = try Self.trainingData(dataExpression, context: context)
        let settings = try TrainingSettings(input)
        if validationPart != nil, settings.validation > 0 {
            throw RuntimeError(
                .splitHasValidationPart, at: dataExpression.span,
                hint: "drop 'validation:', or train on the split's .train to hold out a fraction of it")
        }
        for (model, argument) in zip(models, input.arguments) {
            try Self.checkFits(model, data, at: argument.value.span)
        }
        try settings.checkValidation(sampleCount: data.dataset.count, dataLabel: data.label)

        for (model, argument) in zip(models, input.arguments) {
            try Self.checkLoss(settings.effectiveLoss(model: model, data: data.dataset), model, data, at: argument.value.span)
        }

        var runs: [RunValue] = []
        for model in models {
            let loss = settings.effectiveLoss(model: model, data: data.dataset)
            var options = settings.engineOptions(loss: loss, sampleCount: data.dataset.count)
            options.validationData = validationPart?.dataset
            let run = try train(model, data: data, loss: loss, options: options, settings: settings, context: context, span: span)
            runs.append(run)
            if case .interrupted = run.run.stopReason { break }
        }
        return runs
    }

    private func train(
        _ model: ModelValue, data: DatasetValue, loss: Loss, options: TrainingOptions, settings: TrainingSettings,
        context: CommandContext, span: Span
    ) throws -> RunValue {
        let network = try RuntimeError.fromEngine(at: span) { try model.networkForTraining(seed: options.seed) }
        let output = context.output
        let interrupt = context.interrupt
        // On a terminal the progress line is redrawn in place; otherwise, when the session asks for
        // it, plain periodic lines go to the error stream (standard output stays the script's).
        let reporter = output.flatMap { sink -> ProgressReporter? in
            if sink.isTerminal {
                return ProgressReporter(
                    isTerminal: true, width: context.options.terminalWidth,
                    color: context.options.plotColors, sink: { [weak sink] text in sink?.writeProgress(text) })
            }
            guard context.options.plainProgress else { return nil }
            return ProgressReporter(
                isTerminal: false, width: context.options.terminalWidth,
                sink: { [weak sink] text in sink?.writeProgress(text) })
        }
        let firstEpoch = model.epochsTrained
        let start = Date()
        var losses: [Double] = []
        let callbacks = TrainingCallbacks(
            shouldStop: { interrupt.isRaised },
            onEpoch: { record in
                guard let reporter else { return }
                losses.append(record.loss)
                var metrics: [ProgressLine.Metric] = []
                if let accuracy = record.accuracy { metrics.append(.init(name: "acc", value: accuracy)) }
                if let validation = record.validationLoss { metrics.append(.init(name: "val", value: validation)) }
                reporter.update(ProgressLine(
                    label: model.label, current: record.epoch, total: options.epochs, losses: losses,
                    metrics: metrics, elapsed: Date().timeIntervalSince(start)))
            })
        let optimizer: Optimizer
        if let previous = model.optimizer, previous.options == options.optimizer, options.optimizer.schedule == .constant {
            optimizer = previous
        } else {
            optimizer = try RuntimeError.fromEngine(at: span) { try Optimizer(options: options.optimizer, parameters: network.parameters) }
            model.optimizer = optimizer
        }
        let trainingRun = try RuntimeError.fromEngine(at: span) {
            try Trainer.train(
                network, on: data.dataset, options: options, probes: settings.probes, optimizer: optimizer,
                callbacks: callbacks)
        }
        reporter?.finish()
        model.epochsTrained += trainingRun.history.count
        model.lastLoss = loss
        let run = RunValue(
            model: model, run: trainingRun, loss: loss, dataLabel: data.label,
            seconds: Date().timeIntervalSince(start), firstEpoch: firstEpoch, options: options)
        switch trainingRun.stopReason {
        case .interrupted(let step):
            interrupt.clear()
            output?.write(
                "note: training of \(model.label) interrupted after \(trainingRun.history.count) epoch\(trainingRun.history.count == 1 ? "" : "s") (step \(step)); the model keeps its weights\n")
        case .diverged(let report):
            output?.write("warning: \(model.label) diverged: " + RunReport.divergenceText(report, run: run) + "\n")
        case .completed, .earlyStopped:
            break
        }
        return run
    }

    /// The model an argument names; a constructor or anything else is an error.
    static func model(_ expression: NeuriteLanguage.Expression, context: CommandContext) throws -> ModelValue {
        let value = try context.evaluate(expression)
        switch value {
        case .model(let model): return model
        case .modelConstructor(let constructor):
            let parameters = constructor.declaration.parameters.map(\.name.name).joined(separator: ", ")
            throw RuntimeError(
                .constructorNotModel(constructor: constructor.name), at: expression.span,
                hint: "e.g. \(constructor.name)(\(parameters))")
        case .run(let run): return run.model
        default:
            throw RuntimeError(.expectedModel(typeName: value.typeName), at: expression.span)
        }
    }

    /// Which part of a split an `on` clause means.
    enum SplitPart { case train, test }

    /// The dataset an `on` clause names; a split stands for its `part` (`train` for training,
    /// `test` for evaluating and predicting).
    static func dataset(
        _ expression: NeuriteLanguage.Expression, context: CommandContext, split part: SplitPart
    ) throws -> DatasetValue {
        let value = try context.evaluate(expression)
        switch value {
        case .dataset(let data): return data
        case .split(let split): return part == .train ? split.train : split.test
        default:
            throw RuntimeError(.expectedDataset(typeName: value.typeName), at: expression.span)
        }
    }

    /// The data a `train … on` clause names: a dataset, or a split's `.train` part together with
    /// its `.validation` part (if it has one), which gives the validation figures of every epoch.
    static func trainingData(_ expression: NeuriteLanguage.Expression, context: CommandContext) throws
        -> (train: DatasetValue, validation: DatasetValue?)
    {
        let value = try context.evaluate(expression)
        switch value {
        case .dataset(let data): return (data, nil)
        case .split(let split): return (split.train, split.validation)
        default:
            throw RuntimeError(.expectedDataset(typeName: value.typeName), at: expression.span)
        }
    }

    /// Fails when the data's features do not match the model's input.
    static func checkFits(_ model: ModelValue, _ data: DatasetValue, at span: Span) throws {
        guard model.inputWidth == data.dataset.featureWidth else {
            throw RuntimeError(
                .inputWidthMismatch(model: model.label, inputs: model.inputWidth, data: data.label, features: data.dataset.featureWidth),
                at: span)
        }
        if let classes = data.dataset.classCount, classes > 2, model.outputWidth != classes {
            throw RuntimeError(
                .outputWidthMismatch(model: model.label, outputs: model.outputWidth, data: data.label, classes: classes),
                at: span, hint: "end the model with 'dense \(classes), softmax'")
        }
    }

    /// The cross-entropy losses need class labels, and `ce` one output per class: said in terms
    /// of the model and the data rather than the engine's shapes.
    static func checkLoss(_ loss: Loss, _ model: ModelValue, _ data: DatasetValue, at span: Span) throws {
        switch loss {
        case .softmaxCrossEntropy, .binaryCrossEntropy:
            guard let classes = data.dataset.classCount else {
                throw RuntimeError(
                    .lossNeedsClassLabels(loss: loss == .softmaxCrossEntropy ? "ce" : "bce", data: data.label), at: span,
                    hint: "for regression use loss: mse with a linear output (e.g. 'dense 1')")
            }
            if loss == .softmaxCrossEntropy, model.outputWidth != classes {
                throw RuntimeError(
                    .crossEntropyOutputs(data: data.label, classes: classes, model: model.label, outputs: model.outputWidth),
                    at: span,
                    hint: classes == 2 && model.outputWidth == 1
                        ? "with one sigmoid output use loss: bce, or end the model with 'dense 2, softmax'"
                        : "end the model with 'dense \(classes), softmax'")
            }
        default:
            return
        }
    }
}
