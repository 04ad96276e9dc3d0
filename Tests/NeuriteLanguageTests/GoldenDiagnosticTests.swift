import Foundation
import Testing
import NeuriteLanguage

/// Rendered diagnostics for a table of bad inputs, compared with `Golden/<name>.txt`.
///
/// Run with `NEURITE_RECORD=1` to (re)write the files; a recording run fails on purpose so that
/// nothing passes silently. Review the files' diffs before committing them.
struct GoldenDiagnosticTests {
    static let cases: [(name: String, source: String)] = [
        ("trailing-operator", "let y = 2 *\n"),
        ("unclosed-paren", "let loss = mean((predict(m, x) - y)^2\nlet z = 1\n"),
        ("unclosed-block", "fn g(x) {\n  let y = x + 1\n  y * 2\n"),
        ("chained-comparison", "if 0 < x < 1 then x else 0"),
        ("command-as-name", "let plot = 3\nfn train(m) = m"),
        ("command-inside-expression", "let r = 1 + train m on d"),
        ("default-with-colon", "fn f(x, a: 1, b = 2) = x + a + b"),
        ("missing-else", "let y = if x > 0 then x\nprint(y)"),
        ("assignment-without-let", "x = 3"),
        ("bad-characters", "let w = 2x + 1 @ 3\nlet s = 'hi'\nlet n = ٤"),
        ("unterminated-string", "print(\"hello\nprint(2)"),
        ("model-body", "model deep(act) {\n  input 2\n  repeat 6 { dense 8, act\n  dense 1 sigmoid\n}"),
        ("several-errors", "let a = (1 +\nlet b = 3 3\nplot f over\nlet c = [1, 2"),
        ("wide-and-tab", "let 名前 = \"ok\" + @\n\tlet\tx = $"),
        ("command-call-form", "let e = mean((predict(m, x) - y)^2)\nlet s = 1 + summary m"),
        ("misspelt-keywords", "lte x = 3\nplto sin over -1..1\nlet y = if x > 0 then 1 esle 0"),
        ("long-file", String(repeating: "let a = 1\n", count: 11) + "let b = a +* 2"),
    ]

    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static func render(_ source: String) -> String {
        let file = SourceFile(name: "test.nn", text: source)
        let result = Parser.parse(file)
        let rendered = DiagnosticFormatter(color: false).format(result.diagnostics, in: file)
        return "-- source --\n\(source)\n-- diagnostics --\n\(rendered)\n"
    }

    @Test(arguments: cases.map(\.name))
    func matchesGolden(name: String) throws {
        let source = try #require(Self.cases.first { $0.name == name }?.source)
        let actual = Self.render(source)
        let url = Self.goldenDirectory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["NEURITE_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(url.path); unset NEURITE_RECORD and review the file")
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(lineDiff(expected: expected, actual: actual))")
    }

    @Test func everyGoldenFileHasACase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.goldenDirectory.path)
            .filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }
        #expect(Set(files) == Set(Self.cases.map(\.name)))
    }
}

/// The lines that differ, marked `-` (expected) and `+` (actual).
func lineDiff(expected: String, actual: String) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var lines: [String] = []
    for index in 0..<max(old.count, new.count) {
        let a = index < old.count ? String(old[index]) : nil
        let b = index < new.count ? String(new[index]) : nil
        if a != b {
            if let a { lines.append("-\(index + 1): \(a)") }
            if let b { lines.append("+\(index + 1): \(b)") }
        }
    }
    return lines.joined(separator: "\n")
}
