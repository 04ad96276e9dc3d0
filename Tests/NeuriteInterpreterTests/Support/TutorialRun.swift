import Foundation
import NeuriteInterpreter
import Testing

/// One run of a tutorial script as the README's command runs it (only `print` and drawing
/// commands write), 80 columns, no colour, and the values of some expressions evaluated after it
/// in the same session: what a tutorial's test checks its claims and its walk-through against.
struct TutorialRun: Sendable {
    var succeeded: Bool
    var output: String
    var errors: String
    var values: [String: String]

    /// Runs `Scripts/tutorials/NAME.nn`, then evaluates each of `probes` (and `setup` before them).
    init(script name: String, setup: [String] = [], probes: [String]) {
        let path = TutorialRun.scriptPath(name)
        let test = TestSession(width: 80)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            self.init(succeeded: false, output: "", errors: "cannot read \(path)", values: [:])
            return
        }
        let ran = test.session.run(text, fileName: path, echo: .none)
        let output = test.sink.output, errors = test.sink.errors
        for line in setup { test.run(line) }
        var values: [String: String] = [:]
        for probe in probes { values[probe] = test.value(probe) }
        self.init(succeeded: ran == .success, output: output, errors: errors, values: values)
    }

    init(succeeded: Bool, output: String, errors: String, values: [String: String]) {
        self.succeeded = succeeded
        self.output = output
        self.errors = errors
        self.values = values
    }

    static func scriptPath(_ name: String) -> String {
        TutorialTests.repository.appendingPathComponent("Scripts/tutorials/\(name).nn").path
    }

    static func documentPath(_ name: String) -> String {
        TutorialTests.repository.appendingPathComponent("Docs/tutorials/\(name).md").path
    }

    /// A value that must be a number.
    func number(_ expression: String) -> Double {
        guard let text = values[expression], let x = Double(text) else {
            Issue.record("'\(expression)' is not a number: \(values[expression] ?? "not evaluated")")
            return .nan
        }
        return x
    }

    /// Whether `line` is one of the lines printed.
    func printed(_ line: String) -> Bool {
        output.split(separator: "\n", omittingEmptySubsequences: false).contains { $0 == line }
    }

    /// Every ```text block of the walk-through `document` is a run of lines this run printed, and
    /// every line of its ```neurite blocks is a line of the script `script` (as `TutorialTests`
    /// checks the why-relu page).
    func checkWalkThrough(document documentPath: String, script scriptPath: String, minimumBlocks: Int) throws {
        let document = try String(contentsOfFile: documentPath, encoding: .utf8)
        let script = try String(contentsOfFile: scriptPath, encoding: .utf8)
        let scriptLines = Set(script.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        let textBlocks = TutorialTests.fencedBlocks(in: document, language: "text")
        let codeBlocks = TutorialTests.fencedBlocks(in: document, language: "neurite")
        #expect(textBlocks.count >= minimumBlocks)
        #expect(codeBlocks.count >= minimumBlocks)
        let outputLines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let wrapped = "\n" + output
        for block in textBlocks {
            let isPrinted = wrapped.contains("\n" + block + "\n")
            #expect(isPrinted, "not in the script's output:\n\(block)\n\(TutorialTests.firstDifference(block, outputLines))")
        }
        for block in codeBlocks {
            for line in block.split(separator: "\n") {
                let code = line.trimmingCharacters(in: .whitespaces)
                #expect(scriptLines.contains(code), "not a line of the script: \(code)")
            }
        }
    }
}
