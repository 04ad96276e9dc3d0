import NeuriteEngine
import NeuriteLanguage

/// A closed set of words written bare in the language (`optimizer: adam`, `init: he_normal`):
/// an identifier that is one of the words is read as that word, not looked up as a name.
/// A string with the word's text is accepted too. Anything else is an error with did-you-mean.
struct OptionWord<Choice: Sendable>: Sendable {
    /// What the words choose, for messages: "optimizer", "initializer".
    let what: String
    let choices: [(word: String, value: Choice)]

    var words: [String] { choices.map(\.word) }

    func value(of word: String) -> Choice? {
        choices.first { $0.word == word }?.value
    }

    /// The word written at `expression`, or nil when it is not an identifier or string.
    func writtenWord(_ expression: Expression, evaluator: Evaluator, scope: Scope) throws -> String? {
        if case .identifier(let name) = expression.kind {
            if value(of: name) != nil || scope.lookup(name) == nil { return name }
        }
        if case .string(let text) = try evaluator.evaluate(expression, in: scope) { return text }
        return nil
    }

    /// Reads the word at `expression`; an unknown word is an error naming the choices.
    func read(_ expression: Expression, evaluator: Evaluator, scope: Scope) throws -> Choice {
        guard let word = try writtenWord(expression, evaluator: evaluator, scope: scope) else {
            throw RuntimeError(
                .expectedWordName(what: what, names: words.joined(separator: ", ")), at: expression.span)
        }
        return try resolve(word, at: expression.span)
    }

    /// The choice named `word`, or an error with did-you-mean.
    func resolve(_ word: String, at span: Span) throws -> Choice {
        if let choice = value(of: word) { return choice }
        let hint = Suggestion.nearest(to: word, among: words).map { "did you mean '\($0)'?" }
            ?? "the choices are \(words.joined(separator: ", "))"
        throw RuntimeError(.unknownWord(what: what, word: word), at: span, hint: hint)
    }
}

/// The option words of models and training.
enum OptionWords {
    static let initializer = OptionWord<Initializer>(what: "initializer", choices: [
        ("zeros", .zeros), ("ones", .constant(1)),
        ("glorot_uniform", .glorotUniform), ("glorot_normal", .glorotNormal),
        ("xavier_uniform", .glorotUniform), ("xavier_normal", .glorotNormal),
        ("he_uniform", .heUniform), ("he_normal", .heNormal),
        ("kaiming_uniform", .heUniform), ("kaiming_normal", .heNormal),
        ("lecun_uniform", .lecunUniform), ("lecun_normal", .lecunNormal),
        ("orthogonal", .orthogonal(gain: 1)),
    ])

    static let optimizer = OptionWord<OptimizerKind>(what: "optimizer", choices: [
        ("sgd", .sgd), ("momentum", .momentum(0.9)), ("nesterov", .nesterov(0.9)),
        ("adam", .adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8)),
        ("adamw", .adamW(beta1: 0.9, beta2: 0.999, epsilon: 1e-8)),
        ("rmsprop", .rmsProp(rho: 0.9, epsilon: 1e-8)), ("adagrad", .adagrad(epsilon: 1e-8)),
    ])

    static let loss = OptionWord<Loss>(what: "loss", choices: [
        ("mse", .meanSquaredError), ("mae", .meanAbsoluteError), ("huber", .huber(delta: 1)),
        ("bce", .binaryCrossEntropy), ("ce", .softmaxCrossEntropy),
        ("cross_entropy", .softmaxCrossEntropy),
    ])

    /// The language's word for a loss (`ce`, not the engine's `softmax_ce`).
    static func name(of lossValue: Loss) -> String {
        loss.choices.first { $0.value == lossValue }?.word ?? lossValue.name
    }

    /// Schedules by name; their lengths are filled in from the run (see ``TrainingSettings``).
    enum ScheduleName: String, CaseIterable, Sendable {
        case constant
        /// `step` is a keyword (ranges), hence `step_decay`.
        case stepDecay = "step_decay"
        case exponential, cosine, warmup
    }

    static let schedule = OptionWord<ScheduleName>(
        what: "schedule", choices: ScheduleName.allCases.map { ($0.rawValue, $0) })
}
