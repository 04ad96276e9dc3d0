import NeuriteLanguage

/// Gives a command (`plot …`, `train …`) its meaning. Its ``signature`` declares everything the
/// command takes; the registry checks a command against it before ``run(_:)`` is called.
protocol CommandHandler: Sendable {
    var signature: CommandSignature { get }
    func run(_ input: CommandInput) throws -> Value
}

/// What a command handler may use: the evaluator (to evaluate arguments in the right scope).
struct CommandContext {
    let evaluator: Evaluator
    let scope: Scope

    func evaluate(_ expression: Expression) throws -> Value {
        try evaluator.evaluate(expression, in: scope)
    }

    /// Where to draw and report (nil only if the session is gone).
    var output: (any OutputSink)? { evaluator.output }

    /// Terminal width, height and colour of the session.
    var options: SessionOptions { evaluator.sessionOptions }

    /// Ctrl-C: raised while the command runs.
    var interrupt: InterruptFlag { evaluator.interrupt }
}

/// The handlers, keyed by command word: one for every ``CommandWord`` (a test checks it).
final class CommandRegistry {
    private(set) var handlers: [CommandWord: any CommandHandler] = [:]

    init() {}

    /// The registry a session starts with.
    static func standard() -> CommandRegistry {
        let registry = CommandRegistry()
        for handler in CommandSurface.handlers { registry.register(handler) }
        return registry
    }

    func register(_ handler: any CommandHandler) {
        handlers[handler.signature.word] = handler
    }

    /// The declared signatures, by command word.
    var signatures: [CommandWord: CommandSignature] { handlers.mapValues(\.signature) }

    func run(_ command: Command, span: Span, evaluator: Evaluator, scope: Scope) throws -> Value {
        guard let word = CommandWord(rawValue: command.name.name), let handler = handlers[word] else {
            throw RuntimeError(.noHandler(command: command.name.name), at: command.name.span)
        }
        let context = CommandContext(evaluator: evaluator, scope: scope)
        return try handler.run(CommandInput(command, span: span, context: context, signature: handler.signature))
    }
}
