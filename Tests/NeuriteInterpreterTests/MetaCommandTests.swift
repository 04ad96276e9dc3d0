import Foundation
import Testing

@testable import NeuriteInterpreter

@Suite struct MetaCommandTests {
    @Test func notMetaAndPassThrough() {
        let session = TestSession().session
        #expect(session.meta("1 + 1") == .notMeta)
        #expect(session.meta(":history") == .showHistory)
        #expect(session.meta(":quit") == .quit)
        #expect(session.meta("  :q") == .quit)
    }

    @Test func unknownCommandSuggests() {
        let test = TestSession()
        #expect(test.session.meta(":hepl") == .handled(.failed))
        #expect(test.sink.errors.contains("unknown command ':hepl'; did you mean ':help'?"))
    }

    @Test func helpForAnUnknownNameSuggests() {
        let test = TestSession()
        #expect(test.session.meta(":help sigmoud") == .handled(.failed))
        #expect(test.sink.errors.contains("did you mean 'sigmoid'?"))
    }

    /// A layer word (`dense`) has its own entry, from its declaration.
    @Test(arguments: ["input", "dense", "dropout", "activation"])
    func helpForALayerWordShowsItsDeclaration(word: String) {
        let test = TestSession()
        #expect(test.session.meta(":help \(word)") == .handled(.success))
        #expect(test.sink.output.hasPrefix("\(word)  [layer, inside model { … }]\n"))
        #expect(test.sink.output.contains("  usage: \(word) "))
    }

    /// Each heading of the `:help` overview can be asked for, and lists its members.
    @Test(arguments: [("activations", "relu"), ("datasets", "circle"), ("commands", "train"),
                      ("constants", "pi"), ("keywords", "let")])
    func helpForAnOverviewHeadingListsItsMembers(heading: String, member: String) {
        let test = TestSession()
        #expect(test.session.meta(":help \(heading)") == .handled(.success))
        #expect(test.sink.output.hasPrefix("\(heading) (type :help NAME for one of them):\n"))
        #expect(test.sink.output.split(whereSeparator: { $0 == " " || $0 == "\n" }).contains(Substring(member)))
    }

    /// An option (`epochs`) or an option's value (`adam`) is found in the commands' option lists.
    @Test(arguments: [("epochs", "export, train:  epochs: N"), ("adam", "export, train:  optimizer: NAME"),
                      ("mse", "export, train:  loss: NAME"), ("bins", "show:  bins: N")])
    func helpForAnOptionShowsTheLinesThatNameIt(name: String, line: String) {
        let test = TestSession()
        #expect(test.session.meta(":help \(name)") == .handled(.success))
        #expect(test.sink.output.hasPrefix("'\(name)' is named in these command options"))
        #expect(test.sink.output.contains("\n  \(line)"), "\(test.sink.output)")
    }

    /// The file `:load` suggests when given none exists in the package, so the example can be followed.
    @Test func loadWithoutAFileSuggestsOneThatExists() throws {
        let test = TestSession()
        #expect(test.session.meta(":load") == .handled(.failed))
        let suggested = try #require(test.sink.errors.split(separator: ":load ").last)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(suggested).path), "\(suggested)")
    }

    @Test func varsListsUserDefinitionsInOrder() {
        let test = TestSession()
        test.run("let b = [1, 2]\nfn sq(x) = x * x\nlet a = 3")
        test.sink.clear()
        #expect(test.session.meta(":vars") == .handled(.success))
        #expect(test.sink.output == "b = [1, 2]\nsq = <fn sq(x)>\na = 3\n")
    }

    @Test func resetForgets() {
        let test = TestSession()
        test.run("let a = 1")
        #expect(test.session.meta(":reset") == .handled(.success))
        test.sink.clear()
        _ = test.session.meta(":vars")
        #expect(test.sink.output == "nothing defined yet\n")
    }

    @Test func timeShowsValueAndDuration() {
        let test = TestSession()
        #expect(test.session.meta(":time sum(1..1000)") == .handled(.success))
        let lines = test.sink.output.split(separator: "\n")
        #expect(lines.first == "500500")
        #expect(lines.last?.hasPrefix("time: ") == true)
        #expect(test.session.meta(":time nope") == .handled(.failed))
    }

    @Test func loadRunsAFile() throws {
        let test = TestSession()
        let path = NSTemporaryDirectory() + "neurite-load-\(UUID().uuidString).nn"
        try "fn triple(x) = 3 * x\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(test.session.meta(":load \(path)") == .handled(.success))
        #expect(test.value("triple(2)") == "6")
        #expect(test.session.meta(":load") == .handled(.failed))
    }

    /// `:load` takes a path as a shell user would type it: quoted (spaces allowed) or starting with `~/`.
    @Test func loadAcceptsQuotedPathsAndTheHomeDirectory() throws {
        let home = try #require(ProcessInfo.processInfo.environment["HOME"])
        let name = "neurite load \(UUID().uuidString).nn"
        try "let loaded = 7\n".write(toFile: home + "/" + name, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: home + "/" + name) }
        for form in ["\"~/\(name)\"", "'\(home)/\(name)'", "\"\(home)/\(name)\""] {
            let test = TestSession()
            #expect(test.session.meta(":load \(form)") == .handled(.success), "\(form)")
            #expect(test.value("loaded") == "7", "\(form)")
        }
        let unquoted = "neurite-load-\(UUID().uuidString).nn"
        try "let loaded = 8\n".write(toFile: home + "/" + unquoted, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: home + "/" + unquoted) }
        let test = TestSession()
        #expect(test.session.meta(":load ~/\(unquoted)") == .handled(.success))
        #expect(test.value("loaded") == "8")
    }
}

/// The `:` commands' declarations: each one's line is in `:help`, and one that needs an argument
/// refuses to run without it.
@Suite struct MetaCommandDeclarationTests {
    @Test(arguments: MetaCommand.allCases)
    func declarationIsWhatHelpShowsAndWhatRuns(_ command: MetaCommand) {
        let test = TestSession()
        _ = test.session.meta(":help")
        #expect(test.sink.output.contains("  " + command.summary + "\n"))
        #expect(command.summary.hasPrefix(":\(command.rawValue)"))
        if command.argument == .file || command.argument == .expression {
            test.sink.clear()
            #expect(test.session.meta(":\(command.rawValue)") == .handled(.failed))
            #expect(test.sink.errors.contains("needs"), "\(test.sink.errors)")
        }
    }
}
