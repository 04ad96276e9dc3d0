import NeuriteLanguage
import Testing

@testable import NeuriteInterpreter

/// The declared command surface: every command word has a signature whose `:help` shows it and whose
/// example runs; every declared option's default is valid and an out-of-range value is refused with
/// a message that names the allowed range.
@Suite struct CommandSurfaceTests {
    static let words = CommandWord.allCases.map(\.rawValue)

    /// Every option of every command and layer word, as `owner option`.
    static let options: [(owner: String, spec: OptionSpec)] =
        CommandSurface.signatures.flatMap { signature in signature.options.map { (signature.word.rawValue, $0) } }
        + LayerWords.all.flatMap { layer in layer.options.map { (layer.word, $0) } }

    static var optionCases: [String] { options.map { "\($0.owner) \($0.spec.name)" } }

    static func option(_ label: String) throws -> OptionSpec {
        try #require(options.first { "\($0.owner) \($0.spec.name)" == label }?.spec)
    }

    @Test func everyCommandWordHasOneHandler() {
        let handled = CommandSurface.handlers.map(\.signature.word)
        #expect(Set(handled) == Set(CommandWord.allCases))
        #expect(handled.count == CommandWord.allCases.count)
    }

    @Test(arguments: words)
    func exampleRunsAndHelpShowsIt(_ word: String) throws {
        let test = TestSession()
        let commandWord = try #require(CommandWord(rawValue: word))
        let signature = try #require(CommandSurface.signature(of: commandWord))
        let result = test.run(signature.example)
        #expect(result.outcome == .success, "\(word): \(result.errors)")
        #expect(!result.output.isEmpty, "\(word): the example shows nothing")
        test.sink.clear()
        #expect(test.session.meta(":help \(word)") == .handled(.success))
        let help = test.sink.output
        #expect(help.hasPrefix("\(word)  [command]"))
        #expect(help.contains("usage: "))
        #expect(help.contains(signature.example.split(separator: "\n").last.map(String.init) ?? "?"))
        for option in signature.options { #expect(help.contains(option.helpLine), "\(word): \(option.name)") }
        for clause in signature.clauses { #expect(help.contains("\(clause.word.rawValue) …"), "\(word): \(clause.word)") }
    }

    @Test(arguments: LayerWords.all.map(\.word))
    func layerWordsHaveHelp(_ word: String) throws {
        let test = TestSession()
        #expect(test.session.meta(":help \(word)") == .handled(.success))
        let layer = try #require(LayerWords.named(word))
        #expect(test.sink.output.contains("usage: \(layer.usage)"))
        for option in layer.options { #expect(test.sink.output.contains(option.helpLine)) }
        #expect(test.run("model probe { \(word == "input" ? "" : "input 2; ")\(layer.example); dense 1 }").errors == "")
    }

    /// A numeric default (as shown) is a valid value of the option.
    @Test(arguments: optionCases)
    func defaultIsValid(_ label: String) throws {
        let spec = try Self.option(label)
        guard let shown = spec.defaultText, let number = Double(shown) else { return }
        switch spec.kind {
        case .integer(let bounds), .number(let bounds):
            #expect(bounds.contains(number), "\(label): default \(shown) outside \(bounds.text)")
        default: break
        }
        try Self.check("\(shown)", against: spec)
    }

    /// Values just outside the declared range are refused, and the message names the range.
    @Test(arguments: optionCases)
    func outOfRangeNamesTheRange(_ label: String) throws {
        let spec = try Self.option(label)
        let bounds: NumberBounds
        switch spec.kind {
        case .integer(let b), .number(let b): bounds = b
        case .word(let words):
            let error = try #require(throws: RuntimeError.self) { try Self.check("\"\(words[0])x\"", against: spec) }
            #expect(error.message.contains("has no value"), "\(label): \(error.message)")
            return
        case .flag:
            let error = try #require(throws: RuntimeError.self) { try Self.check("1", against: spec) }
            #expect(error.message == "'\(spec.name)' must be true or false, got number")
            return
        default: return
        }
        var outside: [Double] = []
        if let minimum = bounds.minimum { outside.append(bounds.minimumExcluded ? minimum : minimum - 1) }
        if let maximum = bounds.maximum { outside.append(bounds.maximumExcluded ? maximum : maximum + 1) }
        for value in outside + [.nan] {
            let error = try #require(throws: RuntimeError.self) { try Self.check(Self.formatDouble(value), against: spec) }
            #expect(error.message.contains(spec.kind.requirement), "\(label): \(error.message)")
            #expect(error.message.hasPrefix("'\(spec.name)' must be"), "\(label): \(error.message)")
        }
        if case .integer = spec.kind, bounds.contains(1.5) || bounds.contains(2.5) {
            let value = bounds.contains(1.5) ? "1.5" : "2.5"
            #expect(throws: RuntimeError.self) { try Self.check(value, against: spec) }
        }
    }

    @Test func optionHelpFindsOptionsAndTheirWords() {
        let test = TestSession()
        #expect(test.session.meta(":help epochs") == .handled(.success))
        #expect(test.sink.output.contains("train:  epochs: N"))
        test.sink.clear()
        #expect(test.session.meta(":help adam") == .handled(.success))
        #expect(test.sink.output.contains("optimizer: NAME"))
    }

    private static func formatDouble(_ x: Double) -> String {
        x.isNaN ? "nan" : x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    }

    /// Reads `source` as the value of `spec` in a fresh session.
    private static func check(_ source: String, against spec: OptionSpec) throws {
        let test = TestSession()
        let parsed = Parser.parse(SourceFile(name: "<test>", text: source))
        guard case .expression(let expression)? = parsed.program.statements.first?.kind else {
            Issue.record("'\(source)' did not parse")
            return
        }
        let evaluator = test.session.evaluator
        try ValueReader(evaluator: evaluator, scope: evaluator.globals).check(expression, against: spec)
    }
}
