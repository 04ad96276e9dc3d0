import NeuriteEngine
import NeuriteLanguage
import NeuriteNumerics

/// The options of `train … with …`, read from the `with` clause, with their defaults.
///
/// Defaults: epochs 100, batch 32, optimizer sgd, lr 0.03 for sgd/momentum/nesterov, 0.001 for
/// adam/adamw/rmsprop, 0.01 for adagrad; loss from the output layer (sigmoid → bce, softmax or
/// several outputs on class labels → ce, else mse); seed 0; schedule constant; no clipping, no
/// weight decay, no validation, no early stopping; probes every epoch.
struct TrainingSettings {
    static let names = [
        "epochs", "lr", "batch", "optimizer", "loss", "seed", "schedule", "decay", "decay_every", "warmup",
        "clip", "clip_value", "weight_decay", "validation", "early_stop", "probe_every",
    ]

    var epochs = 100
    var batch = 32
    var optimizer: OptimizerKind = .sgd
    var learningRate: Double?
    var loss: Loss?
    var seed: UInt64 = 0
    var schedule = OptionWords.ScheduleName.constant
    var decay: Double?
    var decayEvery: Int?
    var warmup: Int?
    var clipNorm: Double?
    var clipValue: Double?
    var weightDecay = 0.0
    var validation = 0.0
    /// Where `validation:` was written (for errors that need the data's size).
    var validationSpan: Span?
    var patience: Int?
    var probeEvery = 1

    /// Reads the options; each bad value is an error at its place.
    init(_ options: [String: Argument], evaluator: Evaluator, scope: Scope) throws {
        let reader = OptionReader(evaluator: evaluator, scope: scope)
        for (name, argument) in options {
            let e = argument.value
            switch name {
            case "epochs": epochs = try reader.whole(e, "epochs", minimum: 0)
            case "lr": learningRate = try reader.number(e, "a learning rate", minimum: 0)
            case "batch": batch = try reader.whole(e, "a batch size", minimum: 1)
            case "optimizer": optimizer = try OptionWords.optimizer.read(e, evaluator: evaluator, scope: scope)
            case "loss": loss = try OptionWords.loss.read(e, evaluator: evaluator, scope: scope)
            case "seed": seed = UInt64(try reader.whole(e, "a seed", minimum: 0))
            case "schedule": schedule = try OptionWords.schedule.read(e, evaluator: evaluator, scope: scope)
            case "decay": decay = try reader.positive(e, "a decay factor")
            case "decay_every": decayEvery = try reader.whole(e, "a number of epochs", minimum: 1)
            case "warmup": warmup = try reader.whole(e, "a number of warm-up epochs", minimum: 0)
            case "clip": clipNorm = try reader.positive(e, "a gradient norm limit")
            case "clip_value": clipValue = try reader.positive(e, "a gradient value limit")
            case "weight_decay": weightDecay = try reader.number(e, "a weight decay", minimum: 0)
            case "validation":
                validation = try reader.number(e, "a validation fraction", minimum: 0)
                validationSpan = e.span
                guard validation < 1 else {
                    throw RuntimeError("a validation fraction must be below 1, e.g. 0.2", at: e.span)
                }
            case "early_stop": patience = try reader.whole(e, "a patience (epochs)", minimum: 0)
            case "probe_every": probeEvery = try reader.whole(e, "a number of epochs", minimum: 0)
            default: break
            }
        }
        // A tuning option of another schedule would be silently ignored: say which schedule it tunes.
        let tunes: [(option: String, schedules: [OptionWords.ScheduleName])] = [
            ("decay", [.stepDecay, .exponential]), ("decay_every", [.stepDecay]), ("warmup", [.warmup]),
        ]
        for (option, schedules) in tunes where !schedules.contains(schedule) {
            guard let argument = options[option] else { continue }
            let names = schedules.map { "schedule: \($0.rawValue)" }.joined(separator: " or ")
            throw RuntimeError(
                "'\(option)' tunes \(names), but this run's schedule is \(schedule.rawValue)", at: argument.value.span,
                hint: "add \(schedules.count == 1 ? names : "e.g. schedule: " + schedules[0].rawValue), or drop '\(option)'")
        }
    }

    /// The learning rate used: the one given, or the optimizer's usual default.
    var effectiveLearningRate: Double {
        if let learningRate { return learningRate }
        switch optimizer {
        case .sgd, .momentum, .nesterov: return 0.03
        case .adam, .adamW, .rmsProp: return 0.001
        case .adagrad: return 0.01
        }
    }

    /// The loss used for `model` on `data`.
    func effectiveLoss(model: ModelValue, data: Dataset) -> Loss {
        loss ?? Self.defaultLoss(model: model, data: data)
    }

    /// sigmoid output → bce; softmax output, or several outputs on class labels → ce; else mse.
    static func defaultLoss(model: ModelValue, data: Dataset) -> Loss {
        switch model.specs.last {
        case .dense(_, .builtin(.sigmoid)?, _, _)?, .activation(.builtin(.sigmoid))?: return .binaryCrossEntropy
        case .dense(_, .builtin(.softmax)?, _, _)?, .softmax?, .activation(.builtin(.softmax))?: return .softmaxCrossEntropy
        default: break
        }
        if data.classCount != nil, model.outputWidth > 1 { return .softmaxCrossEntropy }
        return .meanSquaredError
    }

    /// Checks that `validation:` holds out at least one of `sampleCount` samples and leaves one to
    /// train on (the engine would otherwise quietly skip validation).
    func checkValidation(sampleCount: Int, dataLabel: String) throws {
        guard validation > 0, let span = validationSpan else { return }
        let held = Int((Double(sampleCount) * validation).rounded())
        if held == 0 {
            throw RuntimeError(
                "validation: \(formatNumber(validation)) of the \(sampleCount) samples of \(dataLabel) holds out no sample",
                at: span, hint: "use a fraction of at least \(formatNumber(0.5 / Double(sampleCount))), e.g. 0.2")
        }
        if held >= sampleCount {
            throw RuntimeError(
                "validation: \(formatNumber(validation)) of the \(sampleCount) samples of \(dataLabel) leaves none to train on",
                at: span, hint: "use a smaller fraction, e.g. 0.2")
        }
    }

    /// The engine's options for a run over `sampleCount` samples.
    func engineOptions(loss: Loss, sampleCount: Int) -> TrainingOptions {
        let trainCount = max(1, sampleCount - Int((Double(sampleCount) * validation).rounded()))
        let stepsPerEpoch = (trainCount + min(batch, trainCount) - 1) / min(batch, trainCount)
        let totalSteps = max(1, stepsPerEpoch * epochs)
        let optimizerOptions = OptimizerOptions(
            kind: optimizer, learningRate: effectiveLearningRate, weightDecay: weightDecay, clipNorm: clipNorm,
            clipValue: clipValue, schedule: engineSchedule(stepsPerEpoch: stepsPerEpoch, totalSteps: totalSteps))
        return TrainingOptions(
            epochs: epochs, batchSize: batch, loss: loss, optimizer: optimizerOptions,
            validationFraction: validation, shuffle: true, seed: seed,
            earlyStopping: patience.map { EarlyStopping(patience: $0) })
    }

    /// Schedules, in steps: `step_decay` multiplies by `decay` (0.5) every `decay_every` epochs (a quarter
    /// of the run); `exponential` decays smoothly to `decay` (0.1) × lr at the end; `cosine` goes
    /// to 0 at the end; `warmup` rises linearly over `warmup` epochs (5% of the run, at least one
    /// step), then follows a cosine.
    func engineSchedule(stepsPerEpoch: Int, totalSteps: Int) -> LearningRateSchedule {
        switch schedule {
        case .constant: return .constant
        case .stepDecay:
            let every = (decayEvery ?? max(1, epochs / 4)) * stepsPerEpoch
            return .step(every: max(1, every), factor: decay ?? 0.5)
        case .exponential:
            return .exponential(rate: decay ?? 0.1, every: totalSteps)
        case .cosine:
            return .cosine(steps: totalSteps, minimumFactor: 0)
        case .warmup:
            let warm = max(1, warmup.map { $0 * stepsPerEpoch } ?? totalSteps / 20)
            return .warmup(steps: warm, then: .cosine(steps: max(1, totalSteps - warm), minimumFactor: 0))
        }
    }

    var probes: ProbeOptions {
        guard probeEvery > 0 else { return .off }
        return ProbeOptions(
            interval: .epochs(probeEvery), gradientNorms: true, weightNorms: true, updateRatios: false,
            activationStatistics: true)
    }
}

/// Reads numbers from option expressions, with errors at their place.
struct OptionReader {
    let evaluator: Evaluator
    let scope: Scope

    func number(_ expression: Expression, _ what: String, minimum: Double? = nil) throws -> Double {
        let value = try evaluator.evaluate(expression, in: scope)
        guard case .number(let x) = value, x.isFinite else {
            if case .number(let x) = value {
                throw RuntimeError("expected \(what) (a finite number), got \(formatNumber(x))", at: expression.span)
            }
            throw RuntimeError("expected \(what) (a number), got \(value.typeName)", at: expression.span)
        }
        if let minimum, x < minimum {
            throw RuntimeError("expected \(what) ≥ \(formatNumber(minimum)), got \(formatNumber(x))", at: expression.span)
        }
        return x
    }

    func positive(_ expression: Expression, _ what: String) throws -> Double {
        let x = try number(expression, what)
        guard x > 0 else { throw RuntimeError("expected \(what) > 0, got \(formatNumber(x))", at: expression.span) }
        return x
    }

    func whole(_ expression: Expression, _ what: String, minimum: Int, maximum: Int = 1_000_000_000) throws -> Int {
        let x = try number(expression, what)
        guard x == x.rounded(), x >= Double(minimum) else {
            throw RuntimeError(
                "expected \(what) (a whole number ≥ \(minimum)), got \(formatNumber(x))", at: expression.span)
        }
        guard x <= Double(maximum) else {
            throw RuntimeError("expected \(what) of at most \(maximum), got \(formatNumber(x))", at: expression.span)
        }
        return Int(x)
    }
}
