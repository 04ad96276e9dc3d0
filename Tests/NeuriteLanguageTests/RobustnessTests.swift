import Testing
import NeuriteLanguage

/// A small deterministic generator (SplitMix64), so failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Garbage, fragments and truncations must always produce a result: no trap, no hang.
struct RobustnessTests {
    static let fragments = [
        "let", "fn", "data", "model", "if", "then", "else", "for", "in", "step", "true", "not", "and",
        "or", "on", "over", "with", "repeat", "plot", "train", "x", "f", "relu", "1", "0.5", "1e-7",
        "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "..", "'", "+", "-", "*", "/", "%", "^",
        "=", "==", "!=", "<", ">=", "\"s\"", "\"", "\\", "#c", "\n", " ", "\t", "@", "٤", "λ", "名",
        "!", ".5", "2x", "\r\n",
    ]

    static let samples = [
        "let runs = train deep(sigmoid), deep(relu) on ring with epochs: 100, lr: 0.03",
        "model deep(act) { input 2; repeat 6 { dense 8, act }; dense 1, sigmoid }",
        "fn g(x) {\n  let y = x + 1\n  y * 2\n}\n[x for x in 1..10 if x % 2 == 0]",
        "plot relu, relu', swish over -5..5 step 0.1\nif x > 0 then x else \"neg\\n\"",
    ]

    @Test func randomFragmentsAlwaysParse() {
        var random = SplitMix64(state: 42)
        for _ in 0..<3000 {
            let count = Int.random(in: 0...30, using: &random)
            let text = (0..<count).map { _ in Self.fragments.randomElement(using: &random) ?? "" }
                .joined(separator: Bool.random(using: &random) ? " " : "")
            let result = Parser.parse(SourceFile(name: "fuzz", text: text))
            for diagnostic in result.diagnostics {
                let inside = diagnostic.span.start >= 0 && diagnostic.span.end <= text.utf8.count
                #expect(inside, "\(text.debugDescription)")
            }
            _ = DiagnosticFormatter(color: true).format(result.diagnostics, in: SourceFile(name: "fuzz", text: text))
            _ = inputIsComplete(text)
        }
    }

    @Test func randomBytesAlwaysParse() {
        var random = SplitMix64(state: 7)
        for _ in 0..<2000 {
            let count = Int.random(in: 0...40, using: &random)
            let scalars = (0..<count).map { _ -> Character in
                let value = Bool.random(using: &random)
                    ? UInt32.random(in: 0x20...0x7E, using: &random) : UInt32.random(in: 0...0x3000, using: &random)
                return Character(Unicode.Scalar(value) ?? "?")
            }
            let text = String(scalars)
            let file = SourceFile(name: "fuzz", text: text)
            let result = Parser.parse(file)
            let rendered = DiagnosticFormatter(color: false).format(result.diagnostics, in: file)
            // Every diagnostic points into the text and is rendered with its place; parsing is repeatable.
            let length = text.utf8.count
            for diagnostic in result.diagnostics {
                #expect(diagnostic.span.start >= 0 && diagnostic.span.start <= diagnostic.span.end && diagnostic.span.end <= length,
                        "\(text.debugDescription): \(diagnostic.message)")
                #expect(!diagnostic.message.isEmpty)
            }
            #expect(rendered.components(separatedBy: ": error: ").count - 1 == result.diagnostics.filter { $0.severity == .error }.count,
                    "\(text.debugDescription)")
            #expect(Parser.parse(file).diagnostics == result.diagnostics)
            // Without errors, input with anything but separators and comments has statements.
            if result.diagnostics.isEmpty, !text.allSatisfy({ $0.isWhitespace || $0 == ";" }), !text.contains("#") {
                #expect(!result.program.statements.isEmpty, "\(text.debugDescription)")
            }
        }
    }

    @Test func everyPrefixOfValidCodeParses() {
        for sample in Self.samples {
            var prefix = ""
            for character in sample {
                prefix.append(character)
                let result = Parser.parse(SourceFile(name: "prefix", text: prefix))
                // A prefix is either fine or an error; an incomplete one must say so through errors.
                #expect(!result.isIncomplete || !result.diagnostics.isEmpty)
            }
            #expect(Parser.parse(SourceFile(name: "whole", text: sample)).diagnostics.isEmpty, "\(sample)")
        }
    }

    @Test func longInputsParseInLinearTime() {
        let lines = String(repeating: "let x = f(1, 2) + [3, 4][0] * 5\n", count: 5000)
        #expect(Parser.parse(SourceFile(name: "long", text: lines)).program.statements.count == 5000)
        let newlinesInParens = "(" + String(repeating: "\n", count: 50000) + "1)"
        #expect(Parser.parse(SourceFile(name: "nl", text: newlinesInParens)).diagnostics.isEmpty)
        let unclosed = String(repeating: "(", count: 50000)
        #expect(!Parser.parse(SourceFile(name: "open", text: unclosed)).diagnostics.isEmpty)
    }
}
