import NeuriteLanguage

// TEMPORARY: stands in for the language module's parser, formatter and suggestions until the
// `language` branch is merged; then these forward to `Parser`, `DiagnosticFormatter`,
// `Suggestion` and the keyword set.

/// The result of parsing one entry.
struct ParsedSource {
    var program: Program
    var diagnostics: [Diagnostic]
    var isIncomplete: Bool
}

enum LanguageBridge {
    static func parse(_ file: SourceFile) -> ParsedSource {
        ParsedSource(
            program: Program(statements: []),
            diagnostics: [Diagnostic(.error, "the parser is not available yet", at: .at(0))],
            isIncomplete: false)
    }

    static func isComplete(_ input: String) -> Bool { true }

    static func format(_ diagnostic: Diagnostic, in file: SourceFile, color: Bool) -> String {
        let location = file.location(of: diagnostic.span.start)
        var text = "\(file.name):\(location.line):\(location.column): \(diagnostic.severity.rawValue): \(diagnostic.message)\n"
        let line = file.lineText(location.line - 1)
        let gutter = String(location.line)
        text += "\(gutter) | \(line)\n"
        let width = max(1, file.text(of: diagnostic.span).count)
        text += String(repeating: " ", count: gutter.count) + " | "
            + String(repeating: " ", count: location.column - 1) + "^"
            + String(repeating: "~", count: width - 1)
        if let hint = diagnostic.hint { text += " " + hint }
        text += "\n"
        for note in diagnostic.notes { text += "note: \(note)\n" }
        return text
    }

    static let keywords: [String] = [
        "let", "fn", "data", "model", "if", "then", "else", "for", "in", "step", "and", "or", "not",
        "true", "false", "repeat", "on", "over", "with",
    ] + CommandWord.allCases.map(\.rawValue)
}

/// "Did you mean": the candidate closest by edit distance, if close enough.
enum NameSuggestion {
    static func nearest(to name: String, among candidates: [String]) -> String? {
        let limit = max(1, name.count / 3)
        var best: (String, Int)?
        for candidate in Set(candidates) where candidate != name {
            let distance = editDistance(Array(name), Array(candidate))
            if distance <= limit, distance < (best?.1 ?? Int.max)
                || (distance == best?.1 && candidate < (best?.0 ?? ""))
            {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(
                    previous[j] + 1, current[j - 1] + 1,
                    previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
