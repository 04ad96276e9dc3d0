import Testing
@testable import LineEditor

/// A stand-in language: an entry is complete when its parentheses balance; "bad" fails;
/// ":history" and ":quit" are meta-commands.
private final class ParenEvaluator: ReplEvaluator {
    var evaluated: [ReplEntry] = []
    /// The order of events: "read" for each ``willReadEntry()``, the text for each evaluation.
    var events: [String] = []
    func willReadEntry() { events.append("read") }
    func isComplete(_ input: String) -> Bool {
        input.filter { $0 == "(" }.count <= input.filter { $0 == ")" }.count
    }
    func evaluate(_ entry: ReplEntry) -> ReplAction {
        evaluated.append(entry)
        events.append(entry.text)
        switch entry.text {
        case ":history": return .showHistory
        case ":quit": return .quit
        default: return .proceed(failed: entry.text.contains("bad"))
        }
    }
}

/// Replays a fixed list of inputs and records which prompts were shown.
private final class ScriptedReader: LineReader {
    var inputs: [LineInput]
    var prompts: [PromptKind] = []
    var historyEntries: [String] = []
    init(_ inputs: [LineInput]) { self.inputs = inputs }
    func readLine(_ prompt: PromptKind) -> LineInput {
        prompts.append(prompt)
        return inputs.isEmpty ? .endOfInput : inputs.removeFirst()
    }
    func recordHistory(_ entry: String) { historyEntries.append(entry) }
}

@Suite struct ReplLoopTests {
    @Test func multiLineEntryUsesContinuationPromptAndIsOneHistoryEntry() {
        let reader = ScriptedReader([.line("f(1,"), .line("  2)"), .line("g()")])
        let evaluator = ParenEvaluator()
        let summary = ReplLoop(reader: reader, evaluator: evaluator, printOutput: { _ in }).run()
        #expect(evaluator.evaluated == [
            ReplEntry(text: "f(1,\n  2)", firstLine: 1), ReplEntry(text: "g()", firstLine: 3),
        ])
        #expect(reader.prompts == [.primary, .continuation, .primary, .primary])
        #expect(reader.historyEntries == ["f(1,\n  2)", "g()"])
        #expect(summary == ReplSummary(entries: 2, failures: 0, quit: false))
    }

    @Test func interruptDropsTheUnfinishedEntry() {
        let reader = ScriptedReader([.line("f(1,"), .interrupted, .line("g()")])
        let evaluator = ParenEvaluator()
        _ = ReplLoop(reader: reader, evaluator: evaluator, printOutput: { _ in }).run()
        #expect(evaluator.evaluated.map(\.text) == ["g()"])
        #expect(reader.prompts == [.primary, .continuation, .primary, .primary])
    }

    @Test func failuresAreCountedAndLaterLinesStillRun() {
        let plain = PlainLineReader(lines: ["a()", "", "bad()", "c()"])
        let evaluator = ParenEvaluator()
        let summary = ReplLoop(reader: plain, evaluator: evaluator, printOutput: { _ in }).run()
        #expect(evaluator.evaluated.map(\.firstLine) == [1, 3, 4])
        #expect(summary.failures == 1)
        #expect(summary.entries == 3)
    }

    @Test func unfinishedInputAtEndIsStillSubmitted() {
        let evaluator = ParenEvaluator()
        _ = ReplLoop(reader: PlainLineReader(lines: ["ok()", "f(1,"]), evaluator: evaluator,
                     printOutput: { _ in }).run()
        #expect(evaluator.evaluated.last == ReplEntry(text: "f(1,", firstLine: 2))
    }

    @Test func quitStopsReadingAndHistoryIsPrinted() {
        var printed = ""
        let reader = ScriptedReader([.line("a()"), .line(":history"), .line(":quit"), .line("never()")])
        let evaluator = ParenEvaluator()
        let summary = ReplLoop(reader: reader, evaluator: evaluator, printOutput: { printed += $0 }).run()
        #expect(summary.quit)
        #expect(evaluator.evaluated.map(\.text) == ["a()", ":history", ":quit"])
        #expect(printed == "1  a()\n2  :history\n")
    }
}

@Suite struct HistoryListingTests {
    @Test func numbersEntriesAndIndentsContinuationLines() {
        let entries = (1...10).map { "e\($0)" } + ["fn f(x) =\n  x + 1"]
        let text = HistoryListing.format(entries)
        #expect(text.hasPrefix(" 1  e1\n 2  e2\n"))
        #expect(text.hasSuffix("10  e10\n11  fn f(x) =\n      x + 1\n"))
    }

    /// The evaluator hears of each new entry before its first line is read, not before
    /// continuation lines, and again after an interrupted entry (the REPL clears Ctrl-C there).
    @Test func willReadEntryComesBeforeEachNewEntryOnly() {
        let reader = ScriptedReader([.line("f(1,"), .line("2)"), .interrupted, .line("g()")])
        let evaluator = ParenEvaluator()
        _ = ReplLoop(reader: reader, evaluator: evaluator, printOutput: { _ in }).run()
        #expect(evaluator.events == ["read", "f(1,\n2)", "read", "read", "g()", "read"])
    }
}
