import Foundation
import NeuriteInterpreter
import Testing

/// Docs that cannot lie: every ```` ```nn ```` or ```` ```neurite ```` block of every page under
/// `Docs/` and of `README.md` runs, and prints what the page shows after it.
///
/// Each page gets one session (80 × 24, no colour); its examples run in page order, so a block can
/// use what an earlier one defined. The conventions (`nn repl`, `<!-- not run: REASON -->`, `<!-- expect error -->`,
/// `<!-- numbers within X -->`) are documented in `Docs/language.md` and read by
/// ``MarkdownExamples``. `NEURITE_RECORD=1` rewrites the `text` blocks from the real output and
/// fails the run, so a re-recording is always reviewed.
///
/// Pages checked more closely elsewhere keep their own suites: the generated reference tables
/// (`ReferenceDocsTests`, `BuiltinReferenceTests`), the REPL transcript and the rendered diagnostic
/// of `Docs/language.md` (`LanguageDocTests`), and the tutorial's claims (`TutorialTests`).
@Suite struct DocsCodeBlocksTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Paths (from the repository) of `README.md` and every Markdown page under `Docs/`, but for the
    /// notebooks made from the tutorial scripts (`Docs/tutorials/notebooks/`): those are generated
    /// whole from a run of the script, and `TutorialNotebookTests` compares them with a fresh run.
    static let pages: [String] = ["README.md"]
        + files(under: "Docs", ending: ".md").filter { !$0.hasPrefix(generatedNotebooks) }
    static let generatedNotebooks = "Docs/tutorials/notebooks/"

    /// Paths (from the repository) of the files under `folder` whose names end in `suffix`, sorted.
    static func files(under folder: String, ending suffix: String) -> [String] {
        let root = repository.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(suffix) }.map { folder + "/" + $0 }.sorted()
    }

    static var recording: Bool { ProcessInfo.processInfo.environment["NEURITE_RECORD"] == "1" }

    // MARK: - The pages

    @Test(arguments: pages)
    func examplesRunAndPrintWhatThePageShows(_ page: String) throws {
        let url = Self.repository.appendingPathComponent(page)
        let text = try String(contentsOf: url, encoding: .utf8)
        let examples: [MarkdownExamples.Example]
        let excerpts: String?
        do {
            examples = try MarkdownExamples.parse(text)
            excerpts = try MarkdownExamples.excerptsOf(text)
        } catch {
            Issue.record("\(page): \(error)")
            return
        }
        if let excerpts {
            // A tutorial's own suite checks its output blocks against the one run its claims are
            // checked on (`TutorialScript.checkWalkThroughQuotesTheScript`); running the script
            // again here would only repeat that (a minute in a debug build). Re-recording runs it.
            if Self.recording || !excerpts.hasPrefix("Scripts/tutorials/") {
                try checkExcerpts(page: page, text: text, examples: examples, script: excerpts)
            } else {
                try checkExcerptCode(page: page, examples: examples, script: excerpts)
            }
            return
        }
        let sink = CapturingSink()
        let session = Session(
            options: SessionOptions(color: false, terminalWidth: 80, terminalHeight: 24), output: sink,
            interrupt: InterruptFlag())
        var rewrites: [(lines: Range<Int>, text: String)] = []
        for example in examples where example.notRun == nil {
            sink.clear()
            let outcome = session.run(
                example.source, fileName: example.mode == .repl ? "<repl>" : page,
                echo: example.mode == .repl ? .everyExpression : .none)
            let failed = outcome != .success || sink.diagnostics.contains { $0.severity == .error }
            if example.expectsError {
                #expect(failed, "\(page):\(example.line): the error example runs without an error")
            } else {
                #expect(!failed, "\(page):\(example.line): the example fails:\n\(sink.errors)")
            }
            guard let output = example.output else { continue }
            let actual = Self.transcript(sink.events)
            guard !MarkdownExamples.matches(actual, output) else { continue }
            if Self.recording {
                rewrites.append((output.lines, actual))
            } else {
                Issue.record(
                    "\(page):\(example.line): the example does not print its text block (\(Self.firstDifference(output.text, actual))); it printed:\n\(actual)"
                )
            }
        }
        try rewrite(page: page, text: text, rewrites)
    }

    /// A walk-through of a script: the script runs once, as `neurite SCRIPT` runs it; the examples'
    /// lines must be lines of the script and their output blocks runs of lines it printed.
    func checkExcerpts(page: String, text: String, examples: [MarkdownExamples.Example], script: String) throws {
        let scriptText = try String(contentsOf: Self.repository.appendingPathComponent(script), encoding: .utf8)
        let sink = CapturingSink()
        let session = Session(
            options: SessionOptions(color: false, terminalWidth: 80, terminalHeight: 24), output: sink,
            interrupt: InterruptFlag())
        let outcome = session.run(scriptText, fileName: script, echo: .none)
        #expect(outcome == .success && sink.errors.isEmpty, "\(script), which \(page) quotes, fails:\n\(sink.errors)")
        let printed = Self.transcript(sink.events).components(separatedBy: "\n")
        let scriptLines = Set(scriptText.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        #expect(!examples.isEmpty, "\(page) quotes \(script) but has no examples")
        var rewrites: [(lines: Range<Int>, text: String)] = []
        for example in examples where example.notRun == nil {
            for line in example.source.split(separator: "\n") {
                let code = line.trimmingCharacters(in: .whitespaces)
                #expect(scriptLines.contains(code), "\(page):\(example.line): not a line of \(script): \(code)")
            }
            guard let output = example.output else { continue }
            let block = output.text.components(separatedBy: "\n")
            guard MarkdownExamples.position(of: block, in: printed, tolerance: output.tolerance) == nil else { continue }
            // Re-recording takes as many lines as the block has, from the printed line equal to its first.
            if Self.recording, let start = printed.firstIndex(of: block[0]), start + block.count <= printed.count {
                rewrites.append((output.lines, printed[start..<(start + block.count)].joined(separator: "\n")))
            } else {
                Issue.record("\(page):\(example.line): its output block is not a run of lines \(script) prints:\n\(output.text)")
            }
        }
        try rewrite(page: page, text: text, rewrites)
    }

    /// The examples' lines are lines of the script (without running it).
    func checkExcerptCode(page: String, examples: [MarkdownExamples.Example], script: String) throws {
        let scriptText = try String(contentsOf: Self.repository.appendingPathComponent(script), encoding: .utf8)
        let scriptLines = Set(scriptText.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        #expect(!examples.isEmpty, "\(page) quotes \(script) but has no examples")
        for example in examples where example.notRun == nil {
            for line in example.source.split(separator: "\n") {
                let code = line.trimmingCharacters(in: .whitespaces)
                #expect(scriptLines.contains(code), "\(page):\(example.line): not a line of \(script): \(code)")
            }
        }
    }

    /// Writes `rewrites` into the page and fails the run (re-recording).
    func rewrite(page: String, text: String, _ rewrites: [(lines: Range<Int>, text: String)]) throws {
        guard !rewrites.isEmpty else { return }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for rewrite in rewrites.reversed() {
            lines.replaceSubrange(rewrite.lines, with: rewrite.text.isEmpty ? [] : rewrite.text.components(separatedBy: "\n"))
        }
        try lines.joined(separator: "\n").write(to: Self.repository.appendingPathComponent(page), atomically: true, encoding: .utf8)
        Issue.record("re-recorded \(rewrites.count) output blocks of \(page); review the diff and run again without NEURITE_RECORD")
    }

    /// What a terminal would show: output and diagnostics in the order written, without the final line break.
    static func transcript(_ events: [CapturingSink.Event]) -> String {
        var text = events.map { event in
            switch event {
            case .output(let text), .error(let text): text
            }
        }.joined()
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// The first line where the shown text and the actual output part.
    static func firstDifference(_ shown: String, _ actual: String) -> String {
        let a = shown.components(separatedBy: "\n"), b = actual.components(separatedBy: "\n")
        for i in 0..<max(a.count, b.count) {
            let left = i < a.count ? a[i] : "(nothing)", right = i < b.count ? b[i] : "(nothing)"
            if left != right { return "line \(i + 1) shows '\(left)', printed '\(right)'" }
        }
        return "they differ beyond the tolerance"
    }

    /// The convention is used: examples are found on the pages that carry them.
    @Test func pagesCarryExamples() throws {
        var counts: [String: Int] = [:]
        for page in Self.pages {
            let text = try String(contentsOf: Self.repository.appendingPathComponent(page), encoding: .utf8)
            counts[page] = (try? MarkdownExamples.parse(text))?.filter { $0.notRun == nil }.count ?? 0
        }
        #expect(counts["Docs/language-plots.md", default: 0] >= 15)
        #expect(counts["Docs/language-training.md", default: 0] >= 8)
        #expect(counts["Docs/tutorials/why-relu.md", default: 0] >= 15)
    }

    // MARK: - The notation

    struct NotationCase: Sendable, CustomTestStringConvertible {
        var page: String
        var expected: [MarkdownExamples.Example]
        var testDescription: String { page.replacingOccurrences(of: "\n", with: "⏎") }
    }

    typealias Example = MarkdownExamples.Example
    typealias Output = MarkdownExamples.Output

    static let notation: [NotationCase] = [
        NotationCase(page: "```nn\nprint(1)\n```", expected: [Example(line: 1, mode: .script, source: "print(1)")]),
        NotationCase(
            page: "text\n```neurite repl\n1 + 1\n```\n\n```text\n2\n```",
            expected: [
                Example(line: 2, mode: .repl, source: "1 + 1", output: Output(lines: 6..<7, text: "2"))
            ]),
        // Other languages, and untagged blocks, are not examples.
        NotationCase(page: "```\nprint(1)\n```\n```swift\nlet x = 1\n```\n```text\n1\n```", expected: []),
        // Prose between the block and a text block: that text block is not its output.
        NotationCase(
            page: "```nn\nprint(1)\n```\nSo:\n```text\n1\n```", expected: [Example(line: 1, mode: .script, source: "print(1)")]),
        NotationCase(
            page: "<!-- not run: needs pets.csv -->\n```nn\ncsv(\"pets.csv\")\n```",
            expected: [Example(line: 2, mode: .script, source: "csv(\"pets.csv\")", notRun: "needs pets.csv")]),
        NotationCase(
            page: "```nn\nprint(0.1)\n```\n<!-- numbers within 0.01 -->\n```text\n0.1\n```",
            expected: [
                Example(
                    line: 1, mode: .script, source: "print(0.1)",
                    output: Output(lines: 5..<6, text: "0.1", tolerance: .absolute(0.01)))
            ]),
        NotationCase(
            page: "```nn\nprint(3)\n```\n\n<!-- numbers within 5% -->\n\n```text\n3\n```\n```nn\n```",
            expected: [
                Example(
                    line: 1, mode: .script, source: "print(3)", output: Output(lines: 7..<8, text: "3", tolerance: .relative(0.05))),
                Example(line: 10, mode: .script, source: ""),
            ]),
        NotationCase(
            page: "<!-- expect error -->\n```nn repl\n1 +\n```\n```text\nerror\n```",
            expected: [
                Example(
                    line: 2, mode: .repl, source: "1 +", expectsError: true, output: Output(lines: 5..<6, text: "error"))
            ]),
        // Another tool's comment before a block is not a marker.
        NotationCase(
            page: "<!-- generated: layers -->\n```nn\nprint(1)\n```", expected: [Example(line: 2, mode: .script, source: "print(1)")]),
    ]

    @Test(arguments: notation)
    func notationIsRead(_ notation: NotationCase) throws {
        #expect(try MarkdownExamples.parse(notation.page) == notation.expected)
    }

    static let excerptMarkers: [(page: String, script: String?)] = [
        ("# Title\n<!-- examples: excerpts of Scripts/tutorials/first-network.nn -->\n```neurite\n1\n```", "Scripts/tutorials/first-network.nn"),
        ("<!-- generated: layers -->\n```nn\n1\n```", nil),
        ("no marker at all", nil),
    ]

    @Test(arguments: excerptMarkers)
    func excerptMarkerIsRead(_ page: String, _ script: String?) throws {
        #expect(try MarkdownExamples.excerptsOf(page) == script)
    }

    @Test(arguments: ["<!-- examples: excerpt of x.nn -->", "<!-- examples: excerpts of -->", "<!-- examples -->"])
    func malformedExcerptMarkersAreProblems(_ page: String) {
        #expect(throws: MarkdownExamples.Problem.self) { try MarkdownExamples.excerptsOf(page) }
    }

    /// A block is found in the printed lines exactly, or within its tolerance, as a run of whole lines.
    @Test func excerptsAreRunsOfPrintedLines() {
        let printed = ["a", "loss 0.25", "b", "c"]
        #expect(MarkdownExamples.position(of: ["loss 0.25", "b"], in: printed, tolerance: nil) == 1)
        #expect(MarkdownExamples.position(of: ["loss 0.26", "b"], in: printed, tolerance: nil) == nil)
        #expect(MarkdownExamples.position(of: ["loss 0.26", "b"], in: printed, tolerance: .absolute(0.02)) == 1)
        #expect(MarkdownExamples.position(of: ["b", "a"], in: printed, tolerance: nil) == nil)
        #expect(MarkdownExamples.position(of: ["los"], in: printed, tolerance: nil) == nil)  // whole lines only
        #expect(MarkdownExamples.position(of: ["c", "d"], in: printed, tolerance: nil) == nil)
    }

    static let malformed: [(page: String, line: Int)] = [
        ("<!-- not run -->\n```nn\n1\n```", 1),  // no reason
        ("<!-- not run:   -->\n```nn\n1\n```", 1),
        ("<!-- not-run: files -->\n```nn\n1\n```", 1),  // a near miss is not silently ignored
        ("<!-- skip -->\n```nn\n1\n```", 1),
        ("<!-- expect an error -->\n```nn\n1\n```", 1),
        ("```nn script\n1\n```", 1),  // an unknown word after the language
        ("```nn\n1\n```\n<!-- numbers within a bit -->\n```text\n1\n```", 4),
        ("```nn\n1\n```\n<!-- numbers within -2% -->\n```text\n1\n```", 4),
        ("```nn\n1\n```\n<!-- numbers roughly 2% -->\n```text\n1\n```", 4),
        ("```nn\n1\n```\n<!-- numbers within 2% -->\nprose\n```text\n1\n```", 5),  // not right before a text block
        ("```nn\n1\n", 1),  // never closed
    ]

    @Test(arguments: malformed)
    func malformedMarkersAreProblems(_ page: String, _ line: Int) {
        #expect(throws: MarkdownExamples.Problem.self) { try MarkdownExamples.parse(page) }
        do {
            _ = try MarkdownExamples.parse(page)
        } catch {
            #expect(error.line == line, "\(error)")
        }
    }

    static let tolerances: [(shown: String, actual: String, tolerance: MarkdownExamples.Tolerance, matches: Bool)] = [
        ("loss 0.0438 after 30 epochs", "loss 0.0441 after 30 epochs", .absolute(0.001), true),
        ("loss 0.0438 after 30 epochs", "loss 0.0458 after 30 epochs", .absolute(0.001), false),
        ("loss 0.0438 after 30 epochs", "loss 0.0438 after 31 epochs", .absolute(0.001), false),  // every number
        ("loss 0.0438 after 30 epochs", "loss 0.0438 after 31 epochs", .absolute(1), true),
        ("took 2.0 s", "took 2.08 s", .relative(0.05), true),
        ("took 2.0 s", "took 2.2 s", .relative(0.05), false),
        ("1.5e-3 of 10", "1.52e-3 of 10", .relative(0.05), true),
        ("loss 0.0438", "cost 0.0438", .relative(0.5), false),  // the words still match exactly
        ("[1, 2]", "[1, 2, 3]", .relative(0.5), false),  // so does the count of numbers
        ("-0.5", "0.5", .relative(0.5), false),  // and the signs
        ("layer2: 0.25", "layer2: 0.26", .absolute(0.05), true),  // a digit in a name is text
        ("layer2: 0.25", "layer3: 0.25", .absolute(5), false),
    ]

    @Test(arguments: tolerances)
    func toleranceAppliesToNumbersOnly(_ shown: String, _ actual: String, _ tolerance: MarkdownExamples.Tolerance, _ matches: Bool) {
        let output = MarkdownExamples.Output(lines: 0..<1, text: shown, tolerance: tolerance)
        #expect(MarkdownExamples.matches(actual, output) == matches)
        // Without a tolerance only identical text matches.
        #expect(MarkdownExamples.matches(actual, MarkdownExamples.Output(lines: 0..<1, text: shown)) == (actual == shown))
    }

    @Test func conventionsAreDocumented() throws {
        let language = try String(contentsOf: Self.repository.appendingPathComponent("Docs/language.md"), encoding: .utf8)
        for marker in [
            "```nn repl", "<!-- not run: ", "<!-- expect error -->", "<!-- numbers within ", "<!-- examples: excerpts of ",
            "NEURITE_RECORD=1",
        ] {
            #expect(language.contains(marker), "Docs/language.md does not explain \(marker)")
        }
    }

    // MARK: - The scripts

    /// Scripts a specialised suite runs (requiring success) and checks further.
    static let scriptsCheckedElsewhere: [String: String] = Dictionary(
        uniqueKeysWithValues: ExampleScriptsTests.examples.map { ("Scripts/examples/\($0.script)", "ExampleScriptsTests") }
            + [(TutorialTests.scriptRelativePath, "TutorialTests")])

    static let scripts = files(under: "Scripts", ending: ".nn")

    /// Every `.nn` under `Scripts/` (examples, tutorials) runs without an error: here, or in the
    /// suite that checks it more closely.
    @Test func everyScriptRunsWithoutErrors() {
        #expect(Self.scripts.count >= Self.scriptsCheckedElsewhere.count)
        for script in Self.scriptsCheckedElsewhere.keys {
            #expect(Self.scripts.contains(script), "\(script), checked by \(Self.scriptsCheckedElsewhere[script] ?? ""), is missing")
        }
        for script in Self.scripts where Self.scriptsCheckedElsewhere[script] == nil {
            let sink = CapturingSink()
            let session = Session(options: SessionOptions(), output: sink, interrupt: InterruptFlag())
            let outcome = session.runFile(path: Self.repository.appendingPathComponent(script).path, echo: .none)
            let failed = outcome != .success || sink.diagnostics.contains { $0.severity == .error }
            #expect(!failed, "\(script) fails:\n\(sink.errors)")
        }
    }
}
