import NeuriteLanguage

/// Gives a command (`plot …`, `train …`) its meaning; one handler per ``CommandWord``.
protocol CommandHandler {
    func run(_ command: Command, span: Span, context: CommandContext) throws -> Value
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

/// The handlers, keyed by command word.
final class CommandRegistry {
    private var handlers: [CommandWord: any CommandHandler] = [:]
    /// `:help` entries of the registered commands.
    private(set) var help: [CommandWord: CommandHelp] = [:]

    init() {}

    /// The registry a session starts with: a handler for every ``CommandWord``.
    static func standard() -> CommandRegistry {
        let registry = CommandRegistry()
        registry.registerTrainingCommands()
        registry.registerDrawingCommands()
        return registry
    }

    func register(_ handler: any CommandHandler, for word: CommandWord, help: CommandHelp? = nil) {
        handlers[word] = handler
        if let help { self.help[word] = help }
    }

    func run(_ command: Command, span: Span, evaluator: Evaluator, scope: Scope) throws -> Value {
        guard let word = CommandWord(rawValue: command.name.name), let handler = handlers[word] else {
            throw RuntimeError("'\(command.name.name)' has no handler", at: command.name.span)
        }
        return try handler.run(command, span: span, context: CommandContext(evaluator: evaluator, scope: scope))
    }
}
