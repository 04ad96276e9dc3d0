import Testing

@testable import NeuriteInterpreter

/// Every registered command has `:help` with usage and an example, and the example runs.
@Suite struct CommandHelpTests {
    static var documented: [String] {
        CommandRegistry.standard().help.keys.map(\.rawValue).sorted()
    }

    @Test func trainingCommandsAreDocumented() {
        for word in ["train", "evaluate", "predict", "summary"] {
            #expect(Self.documented.contains(word), "\(word) has no help")
        }
    }

    @Test(arguments: documented)
    func exampleRunsAndHelpShowsIt(_ word: String) throws {
        let test = TestSession()
        let help = try #require(CommandRegistry.standard().help.first { $0.key.rawValue == word }?.value)
        let result = test.run(help.example)
        #expect(result.outcome == .success, "\(word): \(result.errors)")
        #expect(!result.output.isEmpty, "\(word): the example shows nothing")
        test.sink.clear()
        #expect(test.session.meta(":help \(word)") == .handled(.success))
        #expect(test.sink.output.hasPrefix("\(word)  [command]"))
        #expect(test.sink.output.contains("usage: "))
        #expect(test.sink.output.contains(help.example.split(separator: "\n").last.map(String.init) ?? "?"))
    }

    @Test func overviewListsAvailableCommands() {
        let test = TestSession()
        _ = test.session.meta(":help")
        let text = test.sink.output
        #expect(text.contains("\ncommands:\n"))
        // The list wraps over several lines; it ends at the next blank line.
        let block = text.components(separatedBy: "\ncommands:\n").last ?? ""
        let commandsLine = block.components(separatedBy: "\n\n").first ?? ""
        for word in ["train", "evaluate", "predict", "summary"] { #expect(commandsLine.contains(word)) }
    }
}
