import Foundation
import Testing

@testable import NeuriteInterpreter

@Suite struct BuiltinCoverageTests {
    static var allNames: [String] {
        let session = TestSession().session
        return session.builtins.map(\.name) + session.constants.map(\.name)
    }

    /// Every built-in and constant is used in the code (not only the comments) of a `.nn` script.
    @Test func everyBuiltinAppearsInAScript() throws {
        var scripts = ""
        for name in ScriptRunner.scriptNames {
            let text = try String(contentsOf: ScriptRunner.scriptsFolder.appendingPathComponent(name), encoding: .utf8)
            // Code only: what follows '#' on a line is a comment (or an expectation).
            scripts += text.split(separator: "\n").map { $0.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "" }
                .joined(separator: "\n") + "\n"
        }
        let words = Set(scripts.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
        let missing = Self.allNames.filter { !words.contains($0) }
        #expect(missing.isEmpty, "built-ins not used in any script: \(missing)")
    }

    /// Every example shown by `:help NAME` runs without error and shows a value or output.
    @Test(arguments: allNames)
    func helpExampleRuns(_ name: String) {
        let test = TestSession()
        let example: String
        if let builtin = test.session.builtins.first(where: { $0.name == name }) {
            example = builtin.example
        } else {
            example = test.session.constants.first { $0.name == name }?.example ?? "missing \(name)"
        }
        let result = test.run(example)
        #expect(result.outcome == .success, "\(name): \(example) → \(result.errors)")
        #expect(!result.output.isEmpty, "\(name): \(example) shows nothing")
        let help = test.session.meta(":help \(name)")
        #expect(help == .handled(.success))
        #expect(test.sink.output.contains(example) || test.sink.output.contains(name))
    }

    @Test func helpOverviewListsEveryBuiltinByGroup() {
        let test = TestSession()
        #expect(test.session.meta(":help") == .handled(.success))
        let text = test.sink.output
        for group in BuiltinGroup.allCases { #expect(text.contains(group.rawValue + ":")) }
        let words = Set(text.split { $0 == " " || $0 == "\n" }.map(String.init))
        for name in Self.allNames { #expect(words.contains(name), "\(name) missing from :help") }
        #expect(words.contains("linspace") && words.contains("fn") && words.contains("pi"))
    }

    @Test func activationHelpShowsTheNumericsFormula() {
        let test = TestSession()
        _ = test.session.meta(":help relu")
        #expect(test.sink.output.contains("max(0, x)"))
        #expect(test.sink.output.contains("relu'(0) = 0"))
    }
}

@Suite struct BuiltinTableTests {
    @Test func namesAreUnique() {
        let names = TestSession().session.builtins.map(\.name)
        #expect(names.count == Set(names).count)
    }
}

@Suite struct KeywordHelpTests {
    @Test func everyReservedWordHasHelp() {
        let test = TestSession()
        for word in test.session.completions(forPrefix: "") {
            #expect(HelpText.entry(word, session: test.session) != nil, "no help for '\(word)'")
        }
    }

    @Test(arguments: KeywordHelp.all.map(\.example))
    func keywordExamplesRun(_ example: String) {
        let test = TestSession()
        #expect(test.run(example).outcome == .success, "\(example)")
    }

    @Test func helpForKeywordsAndCommands() {
        let test = TestSession()
        #expect(test.session.meta(":help fn") == .handled(.success))
        #expect(test.session.meta(":help train") == .handled(.success))
        #expect(test.sink.output.contains("train  [command]"))
        #expect(test.sink.output.contains("usage: train m on d"))
    }
}
