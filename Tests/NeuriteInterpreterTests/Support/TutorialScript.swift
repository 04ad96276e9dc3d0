import Foundation
import NeuriteInterpreter
import Synchronization
import Testing

/// A tutorial script (`Scripts/tutorials/NAME.nn`) and its walk-through (`Docs/tutorials/NAME.md`),
/// run as the README's command runs it (a script: only `print` and drawing commands write),
/// 80 columns, no colour, with its seed line set to the seed asked for. After the script, some
/// expressions (`probes`) are evaluated in the same session, so a test reads the very numbers the
/// script printed. Each seed runs once and is cached (under a lock, so never twice at a time).
final class TutorialScript: Sendable {
    /// What the script printed and the values of the probes evaluated after it.
    struct Outcome: Sendable {
        var seed: Int
        var succeeded: Bool
        var output: String
        var errors: String
        var values: [String: String]

        /// A probe whose value must be a number (a boolean is 1 or 0).
        func number(_ expression: String) -> Double {
            switch values[expression] {
            case "true": return 1
            case "false": return 0
            case let text?:
                if let x = Double(text) { return x }
            case nil: break
            }
            Issue.record("seed \(seed): '\(expression)' is not a number: \(values[expression] ?? "not evaluated")")
            return .nan
        }

        /// A probe whose value must be a short vector of numbers (at most 9, so not elided).
        func numbers(_ expression: String) -> [Double] {
            guard let text = values[expression], text.hasPrefix("["), text.hasSuffix("]"), !text.contains("…") else {
                Issue.record("seed \(seed): '\(expression)' is not a short vector: \(values[expression] ?? "not evaluated")")
                return []
            }
            let items = text.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let numbers = items.compactMap(Double.init)
            if numbers.count != items.count { Issue.record("seed \(seed): '\(expression)' has a non-number: \(text)") }
            return numbers
        }

        /// The output's lines, for checks of whole printed lines.
        var lines: Set<String> { Set(output.split(separator: "\n").map(String.init)) }
    }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let scriptPath: String
    let documentPath: String
    /// The script's line that sets the seed, up to the value: `let seed = `.
    let seedLine = "let seed = 1 "
    let substitutions: [(String, String)]
    let setup: [String]
    let probes: [String]
    private let outcomes = Mutex<[Int: Outcome]>([:])

    /// `name` names both files; each of `substitutions` replaces text of the script before it
    /// runs (a relative path made absolute, so the test does not depend on the working folder);
    /// `setup` lines run after the script (helper definitions for the probes), then every probe
    /// is evaluated.
    init(name: String, substitutions: [(String, String)] = [], setup: [String] = [], probes: [String]) {
        scriptPath = Self.repository.appendingPathComponent("Scripts/tutorials/\(name).nn").path
        documentPath = Self.repository.appendingPathComponent("Docs/tutorials/\(name).md").path
        self.substitutions = substitutions
        self.setup = setup
        self.probes = probes
    }

    /// The seeds whose claims are checked: 1, or `all` of them when `NEURITE_TUTORIAL_SEEDS=all`.
    static func seeds(all: ClosedRange<Int>) -> [Int] {
        ProcessInfo.processInfo.environment["NEURITE_TUTORIAL_SEEDS"] == "all" ? Array(all) : [1]
    }

    /// The script's outcome with `seed`.
    func outcome(seed: Int = 1) -> Outcome {
        outcomes.withLock { cache in
            if let known = cache[seed] { return known }
            let result = run(seed: seed)
            cache[seed] = result
            return result
        }
    }

    private func run(seed: Int) -> Outcome {
        let test = TestSession(width: 80)
        // A script without a seed line runs only as it is (seed 1).
        guard let script = try? String(contentsOfFile: scriptPath, encoding: .utf8), seed == 1 || script.contains(seedLine) else {
            return Outcome(seed: seed, succeeded: false, output: "", errors: "cannot read \(scriptPath) or its seed line", values: [:])
        }
        var text = script.replacingOccurrences(of: seedLine, with: "let seed = \(seed) ")
        for (old, new) in substitutions { text = text.replacingOccurrences(of: old, with: new) }
        let ran = test.session.run(text, fileName: scriptPath, echo: .none)
        let output = test.sink.output, errors = test.sink.errors
        for line in setup { test.run(line) }
        var values: [String: String] = [:]
        for probe in probes { values[probe] = test.value(probe) }
        return Outcome(seed: seed, succeeded: ran == .success, output: output, errors: errors, values: values)
    }

    /// Every ```text block of the walk-through is a run of whole lines the script printed (with
    /// seed 1), and every line of its ```neurite blocks is a line of the script. Returns the
    /// number of each kind of block, for a floor on how much is checked.
    func checkWalkThroughQuotesTheScript() throws -> (text: Int, code: Int) {
        let document = try String(contentsOfFile: documentPath, encoding: .utf8)
        let script = try String(contentsOfFile: scriptPath, encoding: .utf8)
        let scriptLines = Set(script.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        let printed = outcome().output
        let output = "\n" + printed
        let outputLines = printed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let textBlocks = Self.fencedBlocks(in: document, language: "text")
        let codeBlocks = Self.fencedBlocks(in: document, language: "neurite")
        for block in textBlocks {
            let found = output.contains("\n" + block + "\n")
            #expect(found, "not in the script's output:\n\(block)\n\(Self.firstDifference(block, outputLines))")
        }
        for block in codeBlocks {
            for line in block.split(separator: "\n") {
                let code = line.trimmingCharacters(in: .whitespaces)
                let inScript = scriptLines.contains(code)
                #expect(inScript, "not a line of the script: \(code)")
            }
        }
        return (textBlocks.count, codeBlocks.count)
    }

    /// Where a pasted block first departs from the output, found from the output line equal to
    /// its first line (or a note that even its first line is not printed).
    static func firstDifference(_ block: String, _ output: [String]) -> String {
        let lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, let start = output.firstIndex(of: first) else {
            return "its first line is not printed at all"
        }
        for (offset, line) in lines.enumerated() {
            let actual = start + offset < output.count ? output[start + offset] : "(end of output)"
            if actual != line { return "line \(offset + 1) of the block:\n  pasted: \(line)\n  printed: \(actual)" }
        }
        return "it matches a run of lines that is not followed by a line break"
    }

    /// The contents of the fenced blocks opened with ```language, without the fences.
    static func fencedBlocks(in document: String, language: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in document.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```" + language {
                current = []
            } else if current != nil, line == "```" {
                blocks.append((current ?? []).joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }
}
