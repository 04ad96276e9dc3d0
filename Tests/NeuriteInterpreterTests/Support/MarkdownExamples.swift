import Foundation

/// The runnable examples of a Markdown page, read by the conventions of `Docs/language.md`
/// ("Examples in these pages"):
///
/// - A fenced block whose info string is `nn` or `neurite` is an example. `nn repl` (or
///   `neurite repl`) shows every expression's value, as at the `nn>` prompt; otherwise the block
///   runs as a script runs (only `print`, drawing commands and warnings write).
/// - A ```` ```text ```` block that follows it (nothing but blank lines and a tolerance marker in
///   between) is its output, compared exactly.
/// - `<!-- not run: REASON -->` on the last non-blank line before the opening fence keeps the block
///   from running; the reason is required. `<!-- expect error -->` there runs it and requires an
///   error (a deliberate error example; its output block shows the diagnostic).
/// - `<!-- numbers within X -->` (an absolute tolerance) or `<!-- numbers within X% -->` (relative)
///   on the last non-blank line before the ```` ```text ```` fence: the text outside numbers must
///   still match exactly, and each number within that tolerance of the one printed.
///
/// - `<!-- examples: excerpts of PATH -->` anywhere on the page (a tutorial walk-through): its
///   blocks are not run one by one. The script at PATH runs once instead; every line of every
///   example must be a line of the script, and every output block a run of lines it printed.
///
/// Anything else that looks like a marker there, or an unknown word after the language, is a
/// ``Problem``, so a misspelt marker cannot silently change what is checked.
struct MarkdownExamples {
    enum Mode: Equatable, Sendable {
        /// As `neurite FILE.nn` runs a script.
        case script
        /// As the REPL: every expression statement's value is shown.
        case repl
    }

    enum Tolerance: Equatable, Sendable {
        case absolute(Double)
        /// A fraction (the marker's percentage / 100) of the larger magnitude.
        case relative(Double)

        func accepts(_ shown: Double, _ actual: Double) -> Bool {
            if shown == actual { return true }
            switch self {
            case .absolute(let limit): return abs(shown - actual) <= limit
            case .relative(let fraction): return abs(shown - actual) <= fraction * max(abs(shown), abs(actual))
            }
        }
    }

    /// The `text` block after an example.
    struct Output: Equatable, Sendable {
        /// The page's line indices (from 0) of the block's contents, between its fences.
        var lines: Range<Int>
        var text: String
        var tolerance: Tolerance?
    }

    struct Example: Equatable, Sendable {
        /// The line number (from 1) of the opening fence.
        var line: Int
        var mode: Mode
        var source: String
        /// Why the block is not run (nil: it runs).
        var notRun: String?
        /// Whether the block must end in an error (`<!-- expect error -->`).
        var expectsError = false
        var output: Output?
    }

    struct Problem: Error, Equatable, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "line \(line): \(message)" }
    }

    static let languages: Set<String> = ["nn", "neurite"]

    /// Every example of `page`, in order, or the first problem with its markers.
    static func parse(_ page: String) throws(Problem) -> [Example] {
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var examples: [Example] = []
        var index = 0
        while index < lines.count {
            guard lines[index].hasPrefix("```") else {
                index += 1
                continue
            }
            let open = index
            let info = lines[open].dropFirst(3).split(separator: " ").map(String.init)
            guard let close = lines[(open + 1)...].firstIndex(where: { $0.hasPrefix("```") }) else {
                throw Problem(line: open + 1, message: "the block is never closed")
            }
            index = close + 1
            guard let language = info.first, languages.contains(language) else { continue }
            let mode: Mode
            switch info.dropFirst().joined(separator: " ") {
            case "": mode = .script
            case "repl": mode = .repl
            case let other: throw Problem(line: open + 1, message: "unknown word '\(other)' after '\(language)'; only 'repl' is known")
            }
            let marker = try marker(lines, before: open)
            var example = Example(
                line: open + 1, mode: mode, source: lines[(open + 1)..<close].joined(separator: "\n"),
                notRun: marker.notRun, expectsError: marker.expectsError)
            // The output block: the next non-blank line is ```text, or a tolerance marker and then ```text.
            var next = close + 1
            while next < lines.count, lines[next].trimmingCharacters(in: .whitespaces).isEmpty { next += 1 }
            var tolerance: Tolerance?
            if next < lines.count, let parsed = try toleranceMarker(lines[next], line: next + 1) {
                tolerance = parsed
                next += 1
                while next < lines.count, lines[next].trimmingCharacters(in: .whitespaces).isEmpty { next += 1 }
                guard next < lines.count, lines[next] == "```text" else {
                    throw Problem(line: next + 1, message: "a tolerance marker must stand right before a ```text block")
                }
            }
            if next < lines.count, lines[next] == "```text" {
                guard let end = lines[(next + 1)...].firstIndex(where: { $0.hasPrefix("```") }) else {
                    throw Problem(line: next + 1, message: "the block is never closed")
                }
                example.output = Output(
                    lines: (next + 1)..<end, text: lines[(next + 1)..<end].joined(separator: "\n"), tolerance: tolerance)
                index = end + 1
            }
            examples.append(example)
        }
        return examples
    }

    /// The script named by the page's `<!-- examples: excerpts of PATH -->` marker, if it has one.
    static func excerptsOf(_ page: String) throws(Problem) -> String? {
        for (index, line) in page.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->") else { continue }
            let body = trimmed.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespaces)
            guard body.hasPrefix("examples") else { continue }
            let prefix = "examples: excerpts of "
            let path = body.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            guard body.hasPrefix(prefix), path.hasSuffix(".nn"), !path.contains(" ") else {
                throw Problem(line: index + 1, message: "write the marker as '<!-- examples: excerpts of Scripts/tutorials/NAME.nn -->'")
            }
            return path
        }
        return nil
    }

    /// Where `block` (its lines) stands in `output` (its lines): the first run of lines it matches,
    /// exactly or within `tolerance`.
    static func position(of block: [String], in output: [String], tolerance: Tolerance?) -> Int? {
        guard !block.isEmpty, block.count <= output.count else { return nil }
        let text = block.joined(separator: "\n")
        let shown = Output(lines: 0..<block.count, text: text, tolerance: tolerance)
        return (0...(output.count - block.count)).first { start in
            matches(output[start..<(start + block.count)].joined(separator: "\n"), shown)
        }
    }

    /// The marker on the last non-blank line before `fence`: `<!-- not run: REASON -->` or
    /// `<!-- expect error -->`.
    private static func marker(_ lines: [String], before fence: Int) throws(Problem) -> (notRun: String?, expectsError: Bool) {
        var index = fence - 1
        while index >= 0, lines[index].trimmingCharacters(in: .whitespaces).isEmpty { index -= 1 }
        guard index >= 0 else { return (nil, false) }
        let line = lines[index].trimmingCharacters(in: .whitespaces)
        guard line.hasPrefix("<!--"), line.hasSuffix("-->") else { return (nil, false) }
        let body = line.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespaces)
        if body == "expect error" { return (nil, true) }
        guard body.hasPrefix("not run") else {
            // Comments of other tools (generated tables) are not markers; a near miss is.
            let words = body.lowercased().replacingOccurrences(of: "-", with: " ")
            if words.hasPrefix("not run") || words.hasPrefix("skip") || words.hasPrefix("expect") {
                throw Problem(line: index + 1, message: "write the marker as '<!-- not run: REASON -->' or '<!-- expect error -->'")
            }
            return (nil, false)
        }
        let reason = body.dropFirst("not run".count).drop { $0 == ":" || $0 == " " }
        guard body.dropFirst("not run".count).hasPrefix(":"), !reason.isEmpty else {
            throw Problem(line: index + 1, message: "a block that is not run must say why: '<!-- not run: REASON -->'")
        }
        return (String(reason), false)
    }

    /// A `<!-- numbers within … -->` marker, nil for any other line.
    private static func toleranceMarker(_ text: String, line: Int) throws(Problem) -> Tolerance? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->") else { return nil }
        let body = trimmed.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespaces)
        guard body.hasPrefix("numbers") else { return nil }
        let prefix = "numbers within "
        guard body.hasPrefix(prefix) else {
            throw Problem(line: line, message: "write the marker as '<!-- numbers within 0.01 -->' or '<!-- numbers within 2% -->'")
        }
        var amount = body.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        let percent = amount.hasSuffix("%")
        if percent { amount.removeLast() }
        guard let value = Double(amount), value.isFinite, value > 0 else {
            throw Problem(line: line, message: "a tolerance must be a positive number, got '\(amount)'")
        }
        return percent ? .relative(value / 100) : .absolute(value)
    }

    /// Whether `actual` output is what `output` shows: exactly, or with its tolerance on the numbers.
    static func matches(_ actual: String, _ output: Output) -> Bool {
        guard let tolerance = output.tolerance else { return actual == output.text }
        let (shownText, shownNumbers) = NumberedText.split(output.text)
        let (actualText, actualNumbers) = NumberedText.split(actual)
        return shownText == actualText && shownNumbers.count == actualNumbers.count
            && zip(shownNumbers, actualNumbers).allSatisfy { tolerance.accepts($0, $1) }
    }
}
