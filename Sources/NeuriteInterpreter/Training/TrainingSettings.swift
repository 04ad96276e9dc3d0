import Foundation
import NeuriteEngine
import NeuriteLanguage
import NeuriteNumerics

/// The options of `train … with …`, each declared once: name, kind, allowed range, default and doc.
/// `:help train`, the reference in `Docs/`, parse-time checks and Tab completion come from here.
enum TrainOptions {
    static let epochs = Option.integer(
        "epochs", NumberBounds(minimum: 0, maximum: 1_000_000_000), default: 100, "passes over the data",
        otherNames: ["num_epochs", "n_epochs", "max_epochs", "epoch"])
    static let lr = Option.number(
        "lr", .nonNegative,
        shown: "0.03 for sgd/momentum/nesterov, 0.001 for adam/adamw/rmsprop, 0.01 for adagrad", "learning rate",
        otherNames: ["learning_rate", "learningrate", "eta", "alpha"])
    static let batch = Option.integer(
        "batch", NumberBounds(minimum: 1, maximum: 1_000_000_000), default: 32, "minibatch size (the samples are reshuffled every epoch)",
        otherNames: ["batch_size", "batchsize", "minibatch"])
    static let optimizer = Option<OptimizerKind?>.word(
        "optimizer", OptionWords.optimizer, shown: "sgd", "how the weights are updated (momentum 0.9; Adam β 0.9, 0.999)")
    static let loss = Option<Loss?>.word(
        "loss", OptionWords.loss, shown: "from the model: sigmoid output → bce, softmax output (or several outputs on class labels) → ce, else mse",
        "what is minimised")
    static let seed = Option.integer(
        "seed", NumberBounds(minimum: 0, maximum: 9_007_199_254_740_991), default: 0,
        "initial weights (first training), minibatch order, validation split", otherNames: ["random_state", "random_seed"])
    static let schedule = Option.word(
        "schedule", default: OptionWords.ScheduleName.constant,
        "learning-rate schedule; decay:, decay_every:, warmup: tune it")
    static let decay = Option.number(
        "decay", .positive, shown: "0.5 for step_decay, 0.1 for exponential", "the schedule's decay factor")
    static let decayEvery = Option.integer(
        "decay_every", NumberBounds(minimum: 1, maximum: 1_000_000_000), shown: "a quarter of the run",
        "epochs between step_decay's steps")
    static let warmup = Option.integer(
        "warmup", NumberBounds(minimum: 0, maximum: 1_000_000_000), shown: "5% of the run",
        "epochs of linear warm-up before the cosine")
    static let clip = Option.number(
        "clip", .positive, shown: nil, "rescale gradients whose global norm exceeds X",
        otherNames: ["clipnorm", "clip_norm", "max_norm", "clip_grad_norm"])
    static let clipValue = Option.number(
        "clip_value", .positive, shown: nil, "clamp every gradient component to [-X, X]",
        otherNames: ["clipvalue"])
    static let weightDecay = Option.number(
        "weight_decay", .nonNegative, default: 0, shown: "0", "L2 on weights (not biases); decoupled for adamw",
        otherNames: ["wd"])
    static let validation = Option.number(
        "validation", .fraction, default: 0, shown: "0",
        "hold out a fraction (seeded) and report validation loss and accuracy (a split's own validation part is used instead)",
        otherNames: ["validation_split", "val_split", "validation_fraction"])
    static let earlyStop = Option.integer(
        "early_stop", NumberBounds(minimum: 0, maximum: 1_000_000_000), shown: nil,
        "stop after N epochs without improvement (validation loss if any, else training loss)", otherNames: ["patience", "early_stopping"])
    static let momentum = Option.number(
        "momentum", NumberBounds(minimum: 0, maximum: 1, maximumExcluded: true), shown: "0.9",
        "momentum μ of optimizer: momentum or nesterov (velocity v ← μv + g)", otherNames: ["mu", "beta"])
    static let betas = Option<[Double]?>.custom(
        OptionSpec(
            name: "betas", kind: .vector, defaultText: "[0.9, 0.999]",
            summary: "Adam's and AdamW's decay rates β₁, β₂ of the moment estimates, each in [0, 1)",
            otherNames: ["beta1", "beta2", "beta_1", "beta_2"]),
        default: nil,
        read: { expression, reader in
            let value = try reader.evaluate(expression)
            guard case .vector(let pair) = value, pair.count == 2, pair.allSatisfy({ $0.isFinite && $0 >= 0 && $0 < 1 }) else {
                throw RuntimeError(.optionNeedsPair(option: "betas", typeName: value.typeName), at: expression.span)
            }
            return pair
        })
    static let eps = Option.number(
        "eps", .positive, shown: "1e-8", "ε added to the denominator of adam, adamw, rmsprop and adagrad",
        otherNames: ["epsilon"])
    static let l1 = Option.number(
        "l1", .nonNegative, default: 0, shown: "0",
        "L1 penalty α‖W‖₁ on weights, added to the loss (the Playground's L1): pushes weights to exactly 0")
    static let l2 = Option.number(
        "l2", .nonNegative, default: 0, shown: "0",
        "L2 penalty (β/2)‖W‖² on weights, added to the loss for every optimizer (weight_decay is AdamW's decoupled form)",
        otherNames: ["l2_regularization", "ridge"])
    static let probeEvery = Option.integer(
        "probe_every", NumberBounds(minimum: 0, maximum: 1_000_000_000), default: 1,
        "record per-layer probes (gradient and weight norms, activation statistics) every N epochs; 0 turns them off")

    static let live = Option.flag(
        "live", shown: "auto",
        "a live view while training, on a terminal: loss curves, each model's decision regions, gradient flow and dead or saturated units (auto: after half a second, with colour); false: progress lines only")
    static let workers = Option.integer(
        "workers", NumberBounds(minimum: 1, maximum: 256), default: defaultWorkers, shown: "cores",
        "models trained at once, one per core (each exactly as it would train alone)")

    /// One worker per core.
    static var defaultWorkers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// The options a sweep may vary (a list there trains one point per value).
    static let sweepable: [OptionSpec] = [
        epochs.spec, lr.spec, batch.spec, optimizer.spec, loss.spec, seed.spec, schedule.spec, decay.spec,
        decayEvery.spec, warmup.spec, momentum.spec, betas.spec, eps.spec, clip.spec, clipValue.spec,
        weightDecay.spec, l1.spec, l2.spec, validation.spec, earlyStop.spec, probeEvery.spec,
    ]

    static let all: [OptionSpec] = sweepable + [live.spec, workers.spec]
}

/// The options of one `train … with …`, read through their declarations in ``TrainOptions``.
struct TrainingSettings {
    var epochs: Int
    var batch: Int
    var optimizer: OptimizerKind
    var learningRate: Double?
    var loss: Loss?
    var seed: UInt64
    var schedule: OptionWords.ScheduleName
    var decay: Double?
    var decayEvery: Int?
    var warmup: Int?
    var clipNorm: Double?
    var clipValue: Double?
    var weightDecay: Double
    var l1: Double
    var l2: Double
    var validation: Double
    /// Where `validation:` was written (for errors that need the data's size).
    var validationSpan: Span?
    var patience: Int?
    var probeEvery: Int

    /// Reads the options; each bad value is an error at its place.
    init(_ input: CommandInput) throws {
        epochs = try input.value(TrainOptions.epochs)
        learningRate = try input.value(TrainOptions.lr)
        batch = try input.value(TrainOptions.batch)
        optimizer = try input.value(TrainOptions.optimizer) ?? .sgd
        loss = try input.value(TrainOptions.loss)
        seed = UInt64(try input.value(TrainOptions.seed))
        schedule = try input.value(TrainOptions.schedule)
        decay = try input.value(TrainOptions.decay)
        decayEvery = try input.value(TrainOptions.decayEvery)
        warmup = try input.value(TrainOptions.warmup)
        clipNorm = try input.value(TrainOptions.clip)
        clipValue = try input.value(TrainOptions.clipValue)
        weightDecay = try input.value(TrainOptions.weightDecay)
        l1 = try input.value(TrainOptions.l1)
        l2 = try input.value(TrainOptions.l2)
        optimizer = try Self.tuned(optimizer, input)
        validation = try input.value(TrainOptions.validation)
        validationSpan = input.isGiven(TrainOptions.validation) ? input.span(of: TrainOptions.validation) : nil
        patience = try input.value(TrainOptions.earlyStop)
        probeEvery = try input.value(TrainOptions.probeEvery)
        // A tuning option of another schedule would be silently ignored: say which schedule it tunes.
        let tunes: [(option: OptionSpec, isGiven: Bool, span: Span, schedules: [OptionWords.ScheduleName])] = [
            (TrainOptions.decay.spec, input.isGiven(TrainOptions.decay), input.span(of: TrainOptions.decay), [.stepDecay, .exponential]),
            (TrainOptions.decayEvery.spec, input.isGiven(TrainOptions.decayEvery), input.span(of: TrainOptions.decayEvery), [.stepDecay]),
            (TrainOptions.warmup.spec, input.isGiven(TrainOptions.warmup), input.span(of: TrainOptions.warmup), [.warmup]),
        ]
        for tune in tunes where tune.isGiven && !tune.schedules.contains(schedule) {
            let names = tune.schedules.map { "schedule: \($0.rawValue)" }.joined(separator: " or ")
            throw RuntimeError(
                .scheduleMismatch(option: tune.option.name, tunes: names, schedule: schedule.rawValue), at: tune.span,
                hint: "add \(tune.schedules.count == 1 ? names : "e.g. schedule: " + tune.schedules[0].rawValue), or drop '\(tune.option.name)'")
        }
    }

    /// The optimizer with `momentum:`, `betas:` and `eps:` in place; each is an error with an
    /// optimizer it does not tune (it would be silently ignored).
    private static func tuned(_ kind: OptimizerKind, _ input: CommandInput) throws -> OptimizerKind {
        let momentum = try input.value(TrainOptions.momentum)
        let betas = try input.value(TrainOptions.betas)
        let eps = try input.value(TrainOptions.eps)
        func refuse(_ option: OptionSpec, _ span: Span, tunes: String) -> RuntimeError {
            RuntimeError(.optionTunesOtherOptimizer(option: option.name, tunes: tunes), at: span,
                         hint: "add optimizer: \(tunes.split(separator: " ").first ?? ""), or drop '\(option.name)'")
        }
        if momentum != nil, !kind.isMomentumKind {
            throw refuse(TrainOptions.momentum.spec, input.span(of: TrainOptions.momentum), tunes: "momentum or nesterov")
        }
        if betas != nil, !kind.isAdamKind {
            throw refuse(TrainOptions.betas.spec, input.span(of: TrainOptions.betas), tunes: "adam or adamw")
        }
        if eps != nil, kind.isMomentumKind || kind == .sgd {
            throw refuse(TrainOptions.eps.spec, input.span(of: TrainOptions.eps), tunes: "adam, adamw, rmsprop or adagrad")
        }
        switch kind {
        case .sgd: return .sgd
        case .momentum(let mu): return .momentum(momentum ?? mu)
        case .nesterov(let mu): return .nesterov(momentum ?? mu)
        case let .adam(b1, b2, e): return .adam(beta1: betas?[0] ?? b1, beta2: betas?[1] ?? b2, epsilon: eps ?? e)
        case let .adamW(b1, b2, e): return .adamW(beta1: betas?[0] ?? b1, beta2: betas?[1] ?? b2, epsilon: eps ?? e)
        case let .rmsProp(rho, e): return .rmsProp(rho: rho, epsilon: eps ?? e)
        case .adagrad(let e): return .adagrad(epsilon: eps ?? e)
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
                .validationHoldsNothing(fraction: formatNumber(validation), samples: sampleCount, data: dataLabel),
                at: span, hint: "use a fraction of at least \(formatNumber(0.5 / Double(sampleCount))), e.g. 0.2")
        }
        if held >= sampleCount {
            throw RuntimeError(
                .validationLeavesNothing(fraction: formatNumber(validation), samples: sampleCount, data: dataLabel),
                at: span, hint: "use a smaller fraction, e.g. 0.2")
        }
    }

    /// The engine's options for a run over `sampleCount` samples.
    func engineOptions(loss: Loss, sampleCount: Int) -> TrainingOptions {
        let trainCount = max(1, sampleCount - Int((Double(sampleCount) * validation).rounded()))
        let stepsPerEpoch = (trainCount + min(batch, trainCount) - 1) / min(batch, trainCount)
        let totalSteps = max(1, stepsPerEpoch * epochs)
        var optimizerOptions = OptimizerOptions(
            kind: optimizer, learningRate: effectiveLearningRate, weightDecay: weightDecay, clipNorm: clipNorm,
            clipValue: clipValue, schedule: engineSchedule(stepsPerEpoch: stepsPerEpoch, totalSteps: totalSteps))
        optimizerOptions.l1 = l1
        optimizerOptions.l2 = l2
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

extension OptimizerKind {
    var isMomentumKind: Bool {
        switch self {
        case .momentum, .nesterov: return true
        default: return false
        }
    }

    var isAdamKind: Bool {
        switch self {
        case .adam, .adamW: return true
        default: return false
        }
    }
}
