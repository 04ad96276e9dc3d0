import Foundation
import NeuriteLanguage

/// The REPL's `:` commands.
enum MetaCommand: String, CaseIterable {
    case help, vars, reset, load, time, history, quit

    /// One line for `:help`.
    var summary: String {
        switch self {
        case .help: return ":help [NAME]   list the built-ins, or document one"
        case .vars: return ":vars          show what you have defined"
        case .reset: return ":reset         forget everything you have defined"
        case .load: return ":load FILE     run a script file in this session"
        case .time: return ":time EXPR     evaluate EXPR and show how long it took"
        case .history: return ":history       show the input history"
        case .quit: return ":quit          leave (also Ctrl-D)"
        }
    }
}

extension Session {
    /// Handles a line starting with `:`; anything else is ``MetaResult/notMeta``. Errors name
    /// `origin` (`<repl>: error: unknown command ':x'`).
    public func meta(_ line: String, origin: String = "<repl>") -> MetaResult {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix(":") else { return .notMeta }
        let body = trimmed.dropFirst()
        let word = String(body.prefix { !$0.isWhitespace })
        let argument = body.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
        guard let command = MetaCommand(rawValue: word) ?? (word == "q" || word == "exit" ? .quit : nil)
        else {
            let hint = Suggestion.nearest(to: word, among: MetaCommand.allCases.map(\.rawValue))
                .map { "did you mean ':\($0)'?" } ?? "type :help for the list"
            report(.unknownMetaCommand(word: word), hint: hint, origin: origin)
            return .handled(.failed)
        }
        switch command {
        case .help:
            let text = argument.isEmpty ? HelpText.overview(session: self) : HelpText.entry(argument, session: self)
            guard let text else {
                let hint = Suggestion.nearest(to: argument, among: HelpText.documentedNames(session: self))
                    .map { "did you mean '\($0)'?" }
                report(.noHelp(name: argument), hint: hint, origin: origin)
                return .handled(.failed)
            }
            output.write(text)
            return .handled(.success)
        case .vars:
            output.write(variablesListing())
            return .handled(.success)
        case .reset:
            reset()
            output.write("everything you defined is forgotten\n")
            return .handled(.success)
        case .load:
            guard !argument.isEmpty else {
                report(.loadNeedsFile, origin: origin)
                return .handled(.failed)
            }
            return .handled(runFile(path: Session.loadPath(argument), echo: .none, origin: origin))
        case .time:
            guard !argument.isEmpty else {
                report(.timeNeedsExpression, origin: origin)
                return .handled(.failed)
            }
            let clock = ContinuousClock()
            let start = clock.now
            let outcome = run(argument, fileName: origin, echo: .lastExpression)
            let elapsed = clock.now - start
            output.write("time: \(Session.describe(elapsed))\n")
            return .handled(outcome)
        case .history: return .showHistory
        case .quit: return .quit
        }
    }

    /// The path `:load` was given, as a shell would read it: surrounding quotes removed, a leading
    /// `~/` (or a lone `~`) replaced by the home directory.
    static func loadPath(_ argument: String) -> String {
        var path = argument
        if path.count >= 2, let quote = path.first, quote == "\"" || quote == "'", path.last == quote {
            path = String(path.dropFirst().dropLast())
        }
        if path == "~" || path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
            path = home + path.dropFirst()
        }
        return path
    }

    /// `x = 3` per user binding, in definition order.
    func variablesListing() -> String {
        let formatter = ValueFormatter.plain
        let names = evaluator.globals.order
        guard !names.isEmpty else { return "nothing defined yet\n" }
        return names.compactMap { name in
            evaluator.globals.lookup(name).map { value in
                let text = formatter.describe(value)
                // A table starts on the line after its name, so its header lines up with its rows.
                return "\(name) =" + (text.contains("\n") ? "\n" : " ") + text + "\n"
            }
        }.joined()
    }

    static func describe(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        if seconds < 1e-3 { return String(format: "%.1f µs", seconds * 1e6) }
        if seconds < 1 { return String(format: "%.2f ms", seconds * 1e3) }
        return String(format: "%.3f s", seconds)
    }

    /// What Tab offers for `word`, the end of `text` (the text before the cursor): option names after
    /// `with` and option values after `name: ` where the declarations say what they are, else names.
    public func completions(for word: String, before text: String) -> [String] {
        if let options = OptionCompletion.candidates(before: text, word: word), !options.isEmpty {
            return options.filter { $0.hasPrefix(word) }.sorted()
        }
        return completions(forPrefix: word)
    }

    /// Names starting with `prefix`: keywords, built-ins, constants and user names (and `:`
    /// commands when the prefix starts with a colon); sorted, without duplicates.
    public func completions(forPrefix prefix: String) -> [String] {
        if prefix.hasPrefix(":") {
            return MetaCommand.allCases.map { ":" + $0.rawValue }.filter { $0.hasPrefix(prefix) }.sorted()
        }
        let names = Set(LanguageBridge.keywords + evaluator.globals.visibleNames)
        return names.filter { $0.hasPrefix(prefix) }.sorted()
    }
}
