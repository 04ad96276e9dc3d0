import NeuriteEngine
import NeuriteLanguage

/// `evaluate m on d [with loss: mse]`: the model's loss on the data, and for class labels its
/// accuracy and confusion matrix. Gives an `evaluation` value (members `.loss`, `.accuracy`,
/// `.confusion`). The loss defaults to the one the model trained with last.
struct EvaluateCommand: CommandHandler {
    static let loss = Option<Loss?>.word(
        "loss", OptionWords.loss, shown: "the one the model last trained with", "the loss to measure")

    let signature = CommandSignature(
        word: .evaluate,
        usage: ["evaluate m on d", "evaluate m on d with loss: mse"],
        summary: "the model's loss on the data, and for class labels its accuracy and confusion matrix (rows actual, columns predicted)",
        parts: [PartSpec(name: "m", summary: "a model")],
        clauses: [(.on, "the data (on a split, its test part)")],
        options: [Self.loss.spec],
        example: "model tiny { input 2; dense 4, tanh; dense 1, sigmoid }\ntrain tiny on xor(n: 40, seed: 1) with epochs: 2\nevaluate tiny on xor(n: 40, seed: 2)")

    func run(_ input: CommandInput) throws -> Value {
        let context = input.context, span = input.span, command = input.command
        guard input.arguments.count == 1, let argument = input.arguments.first else {
            throw RuntimeError(.evaluateTakesOneModel, at: command.name.span)
        }
        let model = try TrainCommand.model(argument.value, context: context)
        guard let dataExpression = input.on else {
            throw RuntimeError(.evaluateNeedsData, at: command.name.span)
        }
        let data = try TrainCommand.dataset(dataExpression, context: context, split: .test)
        guard data.dataset.count > 0 else {
            throw RuntimeError(
                .nothingToEvaluate(data: data.label), at: dataExpression.span,
                hint: "a split made with test: 0 has an empty test part; evaluate on its .train or .validation")
        }
        try TrainCommand.checkFits(model, data, at: argument.value.span)
        let network = try Self.trainedNetwork(model, at: argument.value.span)
        let loss = try input.value(Self.loss) ?? model.lastLoss
            ?? TrainingSettings.defaultLoss(model: model, data: data.dataset)
        try TrainCommand.checkLoss(loss, model, data, at: argument.value.span)
        let evaluation = try RuntimeError.fromEngine(at: span) { try Trainer.evaluate(network, on: data.dataset, loss: loss) }
        return .evaluation(EvaluationValue(
            evaluation: evaluation, loss: loss, modelLabel: model.label, dataLabel: data.label,
            classNames: data.dataset.classNames))
    }

    /// The model's network as it is now (an untrained model has its initial weights).
    static func trainedNetwork(_ model: ModelValue, at span: Span) throws -> Network {
        try RuntimeError.fromEngine(at: span) { try model.network() }
    }
}

/// `predict m, [x, y]` (one sample → its output vector; for a model of one input and one output,
/// a vector of many numbers is many samples → their outputs), `predict m M` (a matrix, one sample per
/// row → a matrix), `predict m on d` (every sample of a dataset → a matrix), and the call form
/// `predict(m, x)`. Outputs are those of the last layer: probabilities after sigmoid or softmax.
struct PredictCommand: CommandHandler {
    let signature = CommandSignature(
        word: .predict,
        usage: ["predict m, [x, y]", "predict m on d", "predict(m, [x, y])"],
        summary: "the model's outputs (probabilities after sigmoid or softmax): a vector for one sample, a matrix for a matrix or dataset",
        parts: [PartSpec(name: "m", summary: "a model"), PartSpec(name: "x", summary: "a sample, or a matrix of samples (one per row)", optional: true)],
        clauses: [(.on, "a dataset: every sample's outputs")],
        options: [],
        example: "model tiny { input 2; dense 4, tanh; dense 1, sigmoid }\ntrain tiny on xor(n: 40, seed: 1) with epochs: 2\npredict tiny, [0.5, -0.5]")

    func run(_ input: CommandInput) throws -> Value {
        let context = input.context, span = input.span, command = input.command
        let positional = input.arguments
        guard let first = positional.first else {
            throw RuntimeError(.predictNeedsModel, at: command.name.span)
        }
        let model = try TrainCommand.model(first.value, context: context)
        let network = try EvaluateCommand.trainedNetwork(model, at: first.value.span)
        let inputs: Matrix
        let single: Bool
        var samplesVector = false
        if let dataExpression = input.on {
            guard positional.count == 1 else {
                throw RuntimeError(.predictInputsTwice, at: positional[1].value.span)
            }
            let data = try TrainCommand.dataset(dataExpression, context: context, split: .test)
            try TrainCommand.checkFits(model, data, at: first.value.span)
            let dataset = data.dataset
            inputs = Matrix(rows: dataset.count, columns: dataset.featureWidth, elements: dataset.features.values.map(Evaluator.shortest))
            single = false
        } else {
            guard positional.count == 2 else {
                throw RuntimeError(
                    .predictNeedsInputs, at: command.name.span)
            }
            let expression = positional[1].value
            let value = try context.evaluate(expression)
            switch value {
            case .number(let x): inputs = Matrix(rows: 1, columns: 1, elements: [x]); single = true
            case .vector(let v) where model.inputWidth == 1 && v.count != 1:
                // A model of one input: a vector is one sample per element (`predict f, -3..3`).
                inputs = Matrix(rows: v.count, columns: 1, elements: v)
                single = false
                samplesVector = true
            case .vector(let v): inputs = Matrix(rows: 1, columns: v.count, elements: v); single = true
            case .matrix(let m): inputs = m; single = false
            case .dataset:
                throw RuntimeError(.predictDatasetWithOn, at: expression.span)
            default:
                throw RuntimeError(.expectedInputs(typeName: value.typeName), at: expression.span)
            }
            guard inputs.columns == model.inputWidth else {
                throw RuntimeError(
                    .predictInputWidth(model: model.label, inputs: model.inputWidth, given: inputs.columns),
                    at: expression.span)
            }
        }
        let tensor = Tensor(shape: [inputs.rows, inputs.columns])
        for (index, x) in inputs.elements.enumerated() { tensor.storage[index] = Float(x) }
        let result = try RuntimeError.fromEngine(at: span) { try network.predict(tensor) }
        let outputs = result.values.map(Evaluator.shortest)
        if single || (samplesVector && network.outputWidth == 1) { return .vector(outputs) }
        return .matrix(Matrix(rows: inputs.rows, columns: network.outputWidth, elements: outputs))
    }
}
