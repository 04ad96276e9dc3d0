import NeuriteLanguage

/// The text of `:help` and `:help NAME`, built from the built-ins' own documentation.
enum HelpText {
    static func overview(session: Session) -> String {
        var text = "Built-ins (type :help NAME for details and an example):\n"
        for group in BuiltinGroup.allCases {
            let names: [String]
            if group == .constants {
                names = session.constants.map(\.name)
            } else {
                names = session.builtins.filter { $0.group == group }.map(\.name)
            }
            guard !names.isEmpty else { continue }
            text += "\n" + group.rawValue + ":\n" + wrap(names, width: 76, indent: "  ")
        }
        text += "\nkeywords:\n" + wrap(Keyword.allCases.map(\.rawValue).sorted(), width: 76, indent: "  ")
        text += "\ncommands:\n" + wrap(CommandWord.allCases.map(\.rawValue).sorted(), width: 76, indent: "  ")
        text += "\nderivatives: f' f'' grad(f) work for any one-argument function\n"
        text += "\nREPL commands:\n" + MetaCommand.allCases.map { "  " + $0.summary + "\n" }.joined()
        return text
    }

    static func entry(_ name: String, session: Session) -> String? {
        if let builtin = session.builtins.first(where: { $0.name == name }) {
            var text = "\(builtin.signature)  [\(builtin.group.rawValue)]\n  \(builtin.summary)\n"
            if !builtin.formula.isEmpty {
                text += builtin.formula.split(separator: "\n").map { "  \($0)\n" }.joined()
            }
            text += "  example: \(builtin.example)\n"
            if builtin.isDifferentiable { text += "  derivative: \(name)'(x), any order: \(name)''(x)\n" }
            return text
        }
        if let constant = session.constants.first(where: { $0.name == name }) {
            return "\(constant.name) = \(ValueFormatter.plain.describe(.number(constant.value)))  [constant]\n  \(constant.summary)\n"
        }
        if let word = CommandWord(rawValue: name), let signature = CommandSurface.signature(of: word) {
            return signature.helpText
        }
        if let keyword = KeywordHelp.named(name) { return keyword.text }
        if let layer = LayerWords.named(name) { return layer.helpText }
        if let names = groupMembers(name, session: session) {
            return name + " (type :help NAME for one of them):\n" + wrap(names, width: 76, indent: "  ")
        }
        if let meta = MetaCommand(rawValue: name.hasPrefix(":") ? String(name.dropFirst()) : name) {
            return meta.summary + "\n"
        }
        return optionMentions(of: name, session: session)
    }

    /// `:help epochs`, `:help adam`: the declared options named `name`, or having `name` among their
    /// values, each with the commands (and layer words) that take it; nil when none does.
    private static func optionMentions(of name: String, session: Session) -> String? {
        var lines: [String] = []
        var owners: [String: [String]] = [:]
        let declared = CommandSurface.signatures.map { ($0.word.rawValue, $0.options) }
            + LayerWords.all.map { ($0.word, $0.options) }
        for (word, options) in declared.sorted(by: { $0.0 < $1.0 }) {
            for option in options where option.name == name || option.kind.completions.contains(name) {
                let line = option.helpLine
                if owners[line] == nil { lines.append(line) }
                owners[line, default: []].append(word)
            }
        }
        guard !lines.isEmpty else { return nil }
        return "'\(name)' is named in these command options (type :help COMMAND for the rest):\n"
            + lines.map { "  \(owners[$0, default: []].joined(separator: ", ")):  \($0)\n" }.joined()
    }

    /// The names listed under one heading of the overview (`activations`, `commands`, …), if `name` is one.
    private static func groupMembers(_ name: String, session: Session) -> [String]? {
        switch name {
        case "keywords": return Keyword.allCases.map(\.rawValue).sorted()
        case "commands": return CommandWord.allCases.map(\.rawValue).sorted()
        case BuiltinGroup.constants.rawValue: return session.constants.map(\.name)
        default:
            guard let group = BuiltinGroup(rawValue: name) else { return nil }
            return session.builtins.filter { $0.group == group }.map(\.name)
        }
    }

    static func documentedNames(session: Session) -> [String] {
        session.builtins.map(\.name) + session.constants.map(\.name) + MetaCommand.allCases.map(\.rawValue)
            + LanguageBridge.keywords + LayerWords.all.map(\.word)
            + BuiltinGroup.allCases.map(\.rawValue) + ["keywords", "commands"]
    }

    private static func wrap(_ words: [String], width: Int, indent: String) -> String {
        var lines: [String] = []
        var line = indent
        for word in words {
            if line.count + word.count + 1 > width, line != indent {
                lines.append(line)
                line = indent
            }
            line += (line == indent ? "" : " ") + word
        }
        if line != indent { lines.append(line) }
        return lines.map { $0 + "\n" }.joined()
    }
}
