import Foundation
import NeuriteLanguage

/// The REPL's `:` commands, each declared once: what it takes after its name and what it does.
/// `:help`, the reference in `Docs/` and Tab completion of `:` words come from here.
enum MetaCommand: String, CaseIterable {
    case help, vars, deps, rerun, reset, load, save, notebook, time, history, quit

    /// What a `:` command takes after its name.
    enum Argument: Equatable {
        case none
        /// An optional name (`:help relu`).
        case optionalName
        /// A file path (`:load tutorial.nn`).
        case file
        /// Neurite source (`:time sum(1..1000)`).
        case expression
        /// A name the session defined (`:deps r`).
        case name

        var placeholder: String {
            switch self {
            case .none: return ""
            case .optionalName: return "[NAME]"
            case .file: return "FILE"
            case .expression: return "EXPR"
            case .name: return "NAME"
            }
        }
    }

    var argument: Argument {
        switch self {
        case .help: return .optionalName
        case .load, .save, .notebook: return .file
        case .time: return .expression
        case .deps: return .name
        case .vars, .rerun, .reset, .history, .quit: return .none
        }
    }

    var doc: String {
        switch self {
        case .help: return "list the built-ins, or document one"
        case .vars: return "show what you have defined"
        case .deps: return "show what NAME was computed from, and what was computed from it"
        case .rerun: return "recompute the values a redefinition left stale"
        case .reset: return "forget everything you have defined"
        case .load: return "run a script file in this session"
        case .save: return "write what ran so far as a script that redoes it"
        case .notebook: return "write the session so far as a notebook (.md or .ipynb)"
        case .time: return "evaluate EXPR and show how long it took"
        case .history: return "show the input history"
        case .quit: return "leave (also Ctrl-D)"
        }
    }

    /// One line for `:help`: `:load FILE     run a script file in this session`.
    var summary: String {
        let head = ":\(rawValue)" + (argument == .none ? "" : " " + argument.placeholder)
        return head.padding(toLength: max(head.count + 1, 15), withPad: " ", startingAt: 0) + doc
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
        case .deps:
            guard !argument.isEmpty else {
                report(.depsNeedsName, origin: origin)
                return .handled(.failed)
            }
            guard dependencies.definitions[argument] != nil else {
                let hint = Suggestion.nearest(to: argument, among: Array(dependencies.definitions.keys))
                    .map { "did you mean '\($0)'?" }
                report(.depsUnknownName(name: argument), hint: hint, origin: origin)
                return .handled(.failed)
            }
            output.write(dependencyListing(of: argument))
            return .handled(.success)
        case .rerun:
            return .handled(rerunStale())
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
        case .save:
            guard !argument.isEmpty else {
                report(.sessionFileNeeded(command: "save", example: "session.nn"), origin: origin)
                return .handled(.failed)
            }
            return .handled(saveScript(to: Session.loadPath(argument), origin: origin))
        case .notebook:
            guard !argument.isEmpty else {
                report(.sessionFileNeeded(command: "notebook", example: "session.ipynb"), origin: origin)
                return .handled(.failed)
            }
            return .handled(saveNotebook(to: Session.loadPath(argument), origin: origin))
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
        let formatter = ValueFormatter.fitting(width: options.terminalWidth)
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
