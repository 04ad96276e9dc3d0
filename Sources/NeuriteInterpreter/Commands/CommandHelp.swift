import NeuriteLanguage

/// `:help WORD` for a command: its forms, what it does, its options, and an example that a test runs.
struct CommandHelp {
    /// The forms, e.g. `train m on d with …`, `train a, b on d with …`.
    let usage: [String]
    let summary: String
    /// Option lines (`epochs: N  number of passes (100)`), empty when it takes none.
    let options: [String]
    /// Neurite source that shows it at work; a test runs it in a fresh session.
    let example: String

    func text(for word: String) -> String {
        var text = "\(word)  [command]\n  \(summary)\n"
        text += usage.map { "  usage: \($0)\n" }.joined()
        if !options.isEmpty { text += "  options:\n" + options.map { "    \($0)\n" }.joined() }
        text += "  example:\n" + example.split(separator: "\n").map { "    \($0)\n" }.joined()
        return text
    }
}

extension CommandRegistry {
    /// `train`, `evaluate`, `predict`, `summary`.
    func registerTrainingCommands() {
        register(TrainCommand(), for: .train, help: CommandHelp(
            usage: ["train m on d with epochs: 100, lr: 0.03", "train a, b, c on d with …  (same data, same seed)"],
            summary: "trains models in place and gives a run (one model) or runs (several): loss and accuracy per epoch, probes, why it stopped",
            options: [
                "epochs: N            passes over the data (100)",
                "lr: X                learning rate (0.03 for sgd/momentum/nesterov, 0.001 for adam/adamw/rmsprop, 0.01 for adagrad)",
                "batch: N             minibatch size (32)",
                "optimizer: NAME      sgd momentum nesterov adam adamw rmsprop adagrad (sgd)",
                "loss: NAME           mse mae huber bce ce (sigmoid output → bce, softmax → ce, else mse)",
                "seed: N              initial weights, shuffling and validation split (0)",
                "schedule: NAME       constant step_decay exponential cosine warmup (constant); decay:, decay_every:, warmup: tune them",
                "clip: X              rescale gradients whose global norm exceeds X",
                "clip_value: X        clamp every gradient component to [-X, X]",
                "weight_decay: X      L2 on weights (decoupled for adamw)",
                "validation: F        hold out a fraction F for validation (0); on a split with a validation part, that part is used",
                "early_stop: N        stop after N epochs without improvement",
                "probe_every: N       record per-layer probes every N epochs (1; 0 = off)",
            ],
            example: "model tiny { input 2; dense 4, tanh; dense 1, sigmoid }\ntrain tiny on xor(n: 40, seed: 1) with epochs: 2"))
        register(EvaluateCommand(), for: .evaluate, help: CommandHelp(
            usage: ["evaluate m on d", "evaluate m on d with loss: mse"],
            summary: "the model's loss on the data, and for class labels its accuracy and confusion matrix (rows actual, columns predicted)",
            options: ["loss: NAME   the loss to measure (the one the model last trained with)"],
            example: "model tiny { input 2; dense 4, tanh; dense 1, sigmoid }\ntrain tiny on xor(n: 40, seed: 1) with epochs: 2\nevaluate tiny on xor(n: 40, seed: 2)"))
        register(PredictCommand(), for: .predict, help: CommandHelp(
            usage: ["predict m, [x, y]", "predict m on d", "predict(m, [x, y])"],
            summary: "the model's outputs (probabilities after sigmoid or softmax): a vector for one sample, a matrix for a matrix or dataset",
            options: [],
            example: "model tiny { input 2; dense 4, tanh; dense 1, sigmoid }\ntrain tiny on xor(n: 40, seed: 1) with epochs: 2\npredict tiny, [0.5, -0.5]"))
        register(SummaryCommand(), for: .summary, help: CommandHelp(
            usage: ["summary m", "summary d", "summary run"],
            summary: "a model's layers (output size, parameters, activation, initializers) with totals; a dataset's features and classes; a run's results",
            options: [],
            example: "model deep { input 2; repeat 3 { dense 8, relu }; dense 1, sigmoid }\nsummary deep"))
    }
}
