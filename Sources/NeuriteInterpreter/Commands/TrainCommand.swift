import Foundation
import NeuriteEngine
import NeuriteLanguage
import NeuritePlot

/// `train m on d with epochs: 100, lr: 0.03` and `train a, b, c on d with …`.
///
/// Each model is trained in place on the same data with the same seed (a model trained for the
/// first time is initialised from that seed), `workers:` at a time, each exactly as it would train
/// alone. One model gives a `run`, several give `runs`. On a terminal the command's thread draws
/// progress lines or the live view (`live:`) while the models train. Ctrl-C stops every model
/// between steps: they keep their weights, the runs of the models that started are returned (the
/// interrupted ones marked so), a note is printed and the session goes on. A loss that becomes NaN
/// or infinite stops that model's run with a report; the others still train.
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

        var prepared: [PreparedTraining] = []
        for model in models {
            let loss = settings.effectiveLoss(model: model, data: data.dataset)
            var options = settings.engineOptions(loss: loss, sampleCount: data.dataset.count)
            options.validationData = validationPart?.dataset
            prepared.append(try prepare(model, loss: loss, options: options, span: span))
        }
        let monitor = TrainingMonitor(prepared.map { entry in
            TrainingMonitor.Progress(label: entry.model.label, totalEpochs: entry.options.epochs, firstEpoch: entry.firstEpoch)
        })
        let outcomes = try trainTogether(prepared, monitor: monitor, data: data, settings: settings, input: input)
        return try finish(prepared, outcomes, seconds: monitor.progress.map(\.seconds), data: data, context: context, span: span)
    }

    /// A model ready to train: its network, the options and the optimizer it continues with.
    private struct PreparedTraining {
        let model: ModelValue
        let network: Network
        let loss: Loss
        let options: TrainingOptions
        let optimizer: Optimizer
        let firstEpoch: Int
    }

    private func prepare(_ model: ModelValue, loss: Loss, options: TrainingOptions, span: Span) throws -> PreparedTraining {
        let network = try RuntimeError.fromEngine(at: span) { try model.networkForTraining(seed: options.seed) }
        let optimizer: Optimizer
        if let previous = model.optimizer, previous.options == options.optimizer, options.optimizer.schedule == .constant {
            optimizer = previous
        } else {
            optimizer = try RuntimeError.fromEngine(at: span) { try Optimizer(options: options.optimizer, parameters: network.parameters) }
            model.optimizer = optimizer
        }
        return PreparedTraining(
            model: model, network: network, loss: loss, options: options, optimizer: optimizer, firstEpoch: model.epochsTrained)
    }

    /// Trains the models, `workers:` at a time (one after another if two share a network), and shows
    /// their progress: on a terminal a line per model or the live view, drawn by this thread while
    /// others train; otherwise, when the session asks for it, plain periodic lines.
    private func trainTogether(
        _ prepared: [PreparedTraining], monitor: TrainingMonitor, data: DatasetValue, settings: TrainingSettings,
        input: CommandInput
    ) throws -> [Result<TrainingRun, any Error>] {
        let context = input.context
        let interrupt = context.interrupt
        let plain = PlainProgress(context: context)
        var jobs: [TrainingJob] = []
        for (index, entry) in prepared.enumerated() {
            let base = TrainingCallbacks(
                shouldStop: { interrupt.isRaised },
                onEpoch: plain.map { plain in { record in plain.epoch(index, label: entry.model.label, record, total: entry.options.epochs) } },
                onFinish: plain.map { plain in { _ in plain.finish(index) } })
            jobs.append(TrainingJob(
                network: entry.network, data: data.dataset, options: entry.options, probes: settings.probes,
                optimizer: entry.optimizer, callbacks: monitor.callbacks(for: index, network: entry.network, base: base)))
        }
        let workers = Trainer.jobsAreIndependent(jobs) ? try input.value(TrainOptions.workers) : 1
        guard let sink = context.output, sink.isTerminal else {
            return Trainer.train(jobs, workers: workers)
        }
        let options = context.options
        let live = try input.value(TrainOptions.live)
        let wantsDashboard = options.liveView && (live ?? options.color)
        let dashboard = wantsDashboard
            ? try? LiveDashboard(
                models: prepared.map { ($0.model.label, $0.model.inputWidth, $0.model.specs) }, data: data.dataset,
                span: input.span)
            : nil
        let view = LiveTraining(
            display: wantsDashboard ? .dashboard(after: live == true ? 0 : 0.5) : .progressLines,
            monitor: monitor, dashboard: dashboard, sink: sink,
            size: { options.currentTerminalSize?() ?? (options.terminalWidth, options.terminalHeight) },
            canvas: .braille, color: options.plotColors)
        return view.run(jobs, workers: workers)
    }

    /// The runs of the trained models, in order, with a note for each interrupted and a warning for
    /// each diverged one. Models that Ctrl-C stopped before their first step give no run (but one
    /// run is kept when none started, so the interruption shows).
    private func finish(
        _ prepared: [PreparedTraining], _ outcomes: [Result<TrainingRun, any Error>], seconds: [Double],
        data: DatasetValue, context: CommandContext, span: Span
    ) throws -> [RunValue] {
        let output = context.output
        var runs: [RunValue] = []
        var interrupted = false
        var firstError: (any Error)?
        for (index, (entry, outcome)) in zip(prepared, outcomes).enumerated() {
            let trainingRun: TrainingRun
            do {
                trainingRun = try outcome.get()
            } catch {
                firstError = firstError ?? error
                continue
            }
            if case .interrupted(let step) = trainingRun.stopReason, step == 0, interrupted || !runs.isEmpty {
                interrupted = true
                continue
            }
            let model = entry.model
            // (Not `entry.firstEpoch`: a model given twice, `train m, m`, trains on from its first run.)
            let firstEpoch = model.epochsTrained
            model.epochsTrained += trainingRun.history.count
            model.lastLoss = entry.loss
            let run = RunValue(
                model: model, run: trainingRun, loss: entry.loss, dataLabel: data.label,
                seconds: seconds[index], firstEpoch: firstEpoch, options: entry.options)
            switch trainingRun.stopReason {
            case .interrupted(let step):
                interrupted = true
                output?.write(
                    "note: training of \(model.label) interrupted after \(trainingRun.history.count) epoch\(trainingRun.history.count == 1 ? "" : "s") (step \(step)); the model keeps its weights\n")
            case .diverged(let report):
                output?.write("warning: \(model.label) diverged: " + RunReport.divergenceText(report, run: run) + "\n")
            case .completed, .earlyStopped:
                break
            }
            runs.append(run)
        }
        if interrupted { context.interrupt.clear() }
        if let firstError {
            _ = try RuntimeError.fromEngine(at: span) { () throws -> Int in throw firstError }
        }
        return runs
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
