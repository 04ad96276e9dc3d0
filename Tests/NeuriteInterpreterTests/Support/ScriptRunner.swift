import Foundation
import NeuriteInterpreter

/// Runs a `.nn` test script and compares what it writes with its `# expect` comments.
///
/// Rules (after Crafting Interpreters' test runner):
/// - The script is fed to one session entry by entry, as the REPL would: lines are gathered until
///   the parser says the entry is complete, then run with `echo: .everyExpression` (so a bare
///   expression shows its value and definitions are quiet). Line numbers are those of the file.
/// - Every line of output must match the next `# expect: TEXT` comment, in file order.
/// - Every error must match the next `# expect error: MESSAGE` comment (the message after
///   `error: ` on the diagnostic's first line); `# expect error at LINE:COLUMN: MESSAGE` also checks
///   the position. After an error the script goes on with the next entry.
/// - Output and errors are one sequence: they must appear in the order the comments give.
/// - `# expect-golden: NAME` on an entry's line: all the output of that entry (a plot) must equal
///   the file `Scripts/Golden/NAME.txt`. With `NEURITE_RECORD=1` the file is written from the
///   actual output instead, and the test fails (so a re-recording is always reviewed).
struct ScriptRunner {
    enum Expectation: Equatable, CustomStringConvertible {
        case output(String)
        case error(message: String, position: String?)
        /// The whole output of one entry, compared with a golden file.
        case golden(name: String, text: String)

        var description: String {
            switch self {
            case .output(let text): return "output '\(text)'"
            case .error(let message, let position):
                return "error '\(message)'" + (position.map { " at \($0)" } ?? "")
            case .golden(let name, let text):
                return "golden '\(name)'" + (text.isEmpty ? "" : ":\n" + text)
            }
        }
    }

    struct Failure: CustomStringConvertible {
        var description: String
    }

    /// Expectations in file order, each with its line number.
    static func expectations(in text: String) -> [(line: Int, expectation: Expectation)] {
        var result: [(Int, Expectation)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let range = line.range(of: "# expect") else { continue }
            let rest = line[range.upperBound...]
            if rest.hasPrefix("-golden: ") {
                let name = rest.dropFirst("-golden: ".count).trimmingCharacters(in: .whitespaces)
                result.append((index + 1, .golden(name: name, text: "")))
            } else if rest.hasPrefix(": ") {
                result.append((index + 1, .output(String(rest.dropFirst(2)))))
            } else if rest.hasPrefix(" error at ") {
                let body = rest.dropFirst(" error at ".count)
                guard let colon = body.range(of: ": ") else { continue }
                result.append(
                    (index + 1, .error(message: String(body[colon.upperBound...]), position: String(body[..<colon.lowerBound]))))
            } else if rest.hasPrefix(" error: ") {
                result.append((index + 1, .error(message: String(rest.dropFirst(" error: ".count)), position: nil)))
            }
        }
        return result
    }

    /// What the session actually wrote, as expectations (output lines; the first line of each error).
    static func actualEvents(_ events: some Sequence<CapturingSink.Event>, golden: String? = nil) -> [Expectation] {
        var result: [Expectation] = []
        if let golden {
            let text = events.compactMap { if case .output(let text) = $0 { text } else { nil } }.joined()
            result.append(.golden(name: golden, text: text))
        }
        for event in events {
            if golden != nil, case .output = event { continue }
            switch event {
            case .output(let text):
                var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                if lines.last == "" { lines.removeLast() }
                result += lines.map(Expectation.output)
            case .error(let text):
                guard let first = text.split(separator: "\n").first else { continue }
                guard let marker = first.range(of: ": error: ") else {
                    result.append(.error(message: String(first), position: nil))
                    continue
                }
                let location = first[..<marker.lowerBound].split(separator: ":")
                let position = location.suffix(2).joined(separator: ":")
                result.append(.error(message: String(first[marker.upperBound...]), position: position))
            }
        }
        return result
    }

    /// Runs the script; returns the mismatches (empty when it passes).
    static func run(path: String) throws -> [Failure] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let name = URL(fileURLWithPath: path).lastPathComponent
        let sink = CapturingSink()
        var actual: [Expectation] = []
        let session = Session(options: SessionOptions(), output: sink, interrupt: InterruptFlag())
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < lines.count {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") {
                index += 1
                continue
            }
            let start = index
            var entry = lines[index]
            index += 1
            while !session.isComplete(entry), index < lines.count {
                entry += "\n" + lines[index]
                index += 1
            }
            let padded = String(repeating: "\n", count: start) + entry
            let before = sink.events.count
            _ = session.run(padded, fileName: name, echo: .everyExpression)
            actual += actualEvents(sink.events[before...], golden: goldenName(in: entry))
        }
        let expected = expectations(in: text)
        var failures: [Failure] = []
        for (offset, item) in expected.enumerated() {
            guard offset < actual.count else {
                failures.append(Failure(description: "\(name):\(item.line): expected \(item.expectation), got nothing more"))
                break
            }
            if case .golden(let goldenName, _) = item.expectation, case .golden(goldenName, let text) = actual[offset] {
                if let failure = compareGolden(goldenName, text, script: name, line: item.line) { failures.append(failure) }
                continue
            }
            if !matches(item.expectation, actual[offset]) {
                failures.append(Failure(description: "\(name):\(item.line): expected \(item.expectation), got \(actual[offset])"))
                break
            }
        }
        if actual.count > expected.count {
            failures.append(
                Failure(description: "\(name): unexpected \(actual[expected.count]) (and \(actual.count - expected.count - 1) more)"))
        }
        return failures
    }

    /// The `# expect-golden:` name on any line of `entry`.
    static func goldenName(in entry: String) -> String? {
        for line in entry.split(separator: "\n") {
            guard let range = line.range(of: "# expect-golden: ") else { continue }
            return line[range.upperBound...].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// Compares `text` with `Golden/NAME.txt`; records it instead under `NEURITE_RECORD=1` (failing).
    static func compareGolden(_ name: String, _ text: String, script: String, line: Int) -> Failure? {
        let url = scriptsFolder.appendingPathComponent("Golden").appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["NEURITE_RECORD"] == "1" {
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(text.utf8).write(to: url)
            return Failure(description: "\(script):\(line): recorded golden '\(name)' (NEURITE_RECORD=1 always fails)")
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return Failure(description: "\(script):\(line): no golden file \(url.path); run with NEURITE_RECORD=1 to create it")
        }
        guard expected != text else { return nil }
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        return Failure(
            description: "\(script):\(line): output differs from golden '\(name)' at its line \(first + 1):\n"
                + "expected: \(first < a.count ? String(a[first]) : "<end>")\n"
                + "actual:   \(first < b.count ? String(b[first]) : "<end>")\n--- actual output ---\n\(text)")
    }

    private static func matches(_ expected: Expectation, _ actual: Expectation) -> Bool {
        switch (expected, actual) {
        case (.output(let a), .output(let b)): return a == b
        case (.error(let a, let position), .error(let b, let actualPosition)):
            return a == b && (position == nil || position == actualPosition)
        default: return false
        }
    }

    /// The folder of `.nn` scripts next to this file.
    static var scriptsFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scripts")
    }

    static var scriptNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: scriptsFolder.path)) ?? [])
            .filter { $0.hasSuffix(".nn") }.sorted()
    }
}
