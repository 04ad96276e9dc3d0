import Testing
@testable import NeuriteLanguage

struct DiagnosticFormatterTests {
    let plain = DiagnosticFormatter(color: false)

    /// A diagnostic over the first occurrence of `needle` in `text`.
    func diagnostic(_ message: String, over needle: String, in file: SourceFile, hint: String? = nil,
                    notes: [String] = []) -> Diagnostic {
        let bytes = Array(needle.utf8)
        var start = 0
        while start + bytes.count <= file.utf8.count, Array(file.utf8[start..<start + bytes.count]) != bytes {
            start += 1
        }
        return Diagnostic(.error, message, at: Span(start: start, end: start + bytes.count), hint: hint, notes: notes)
    }

    @Test func rendersTheDocumentedShape() {
        let file = SourceFile(name: "tutorial.nn", text: "let a = 1\n\nlayer dense(4, rleu)\n")
        let d = diagnostic("unknown activation 'rleu'", over: "rleu", in: file, hint: "did you mean 'relu'?")
        #expect(plain.format(d, in: file) == """
            tutorial.nn:3:16: error: unknown activation 'rleu'
            3 | layer dense(4, rleu)
              |                ^~~~ did you mean 'relu'?
            """)
    }

    @Test func gutterFollowsTheLineNumberWidth() {
        let text = String(repeating: "x\n", count: 11) + "oops"
        let file = SourceFile(name: "f", text: text)
        let d = diagnostic("bad", over: "oops", in: file, notes: ["'x' is defined at 1:1", "help: try y"])
        #expect(plain.format(d, in: file) == """
            f:12:1: error: bad
            12 | oops
               | ^~~~
               = note: 'x' is defined at 1:1
               = help: try y
            """)
    }

    @Test func tabsAreCopiedIntoTheMarkerLine() {
        let file = SourceFile(name: "f", text: "\tlet\tx = @")
        let d = diagnostic("unexpected character '@'", over: "@", in: file)
        #expect(
            plain.format(d, in: file)
                == "f:1:10: error: unexpected character '@'\n1 | \tlet\tx = @\n  | \t   \t    ^")
    }

    @Test func wideCharactersTakeTwoCellsButOneColumn() {
        let file = SourceFile(name: "f", text: "let 名前 = é + @")
        let d = diagnostic("unexpected character '@'", over: "@", in: file)
        #expect(plain.format(d, in: file) == """
            f:1:14: error: unexpected character '@'
            1 | let 名前 = é + @
              |                ^
            """)
    }

    /// Control characters in the source (binary junk, an escape sequence, a lone carriage return)
    /// are shown as visible symbols, one cell each, so they cannot drive the terminal and the caret
    /// stays under the character it marks.
    @Test func controlCharactersAreShownAsVisibleSymbols() {
        let file = SourceFile(name: "f", text: "x\u{1B}[31m\r\u{7F}\u{85}@")
        let d = diagnostic("unexpected character '@'", over: "@", in: file)
        #expect(plain.format(d, in: file) == """
            f:1:10: error: unexpected character '@'
            1 | x\u{241B}[31m\u{240D}\u{2421}\u{FFFD}@
              |          ^
            """)
        let escape = diagnostic("unexpected character U+1B", over: "\u{1B}", in: file)
        #expect(plain.format(escape, in: file).hasSuffix("\n  |  ^"))
    }

    /// A very long line is shown as a window around the span, so a 100,000-character line with
    /// many errors does not print the whole line for each one.
    @Test func longLinesAreShownAsAWindowAroundTheSpan() {
        let limit = DiagnosticFormatter.maximumLineLength
        let text = String(repeating: "a+", count: 5000) + "@" + String(repeating: "+b", count: 5000)
        let file = SourceFile(name: "f", text: text)
        let lines = plain.format(diagnostic("unexpected character '@'", over: "@", in: file), in: file)
            .split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "f:1:10001: error: unexpected character '@'")
        let shown = lines[1].dropFirst(4), marker = lines[2].dropFirst(4)
        #expect(shown.count == limit)
        #expect(shown.hasPrefix("…") && shown.hasSuffix("…"))
        let caret = marker.count - 1
        #expect(marker.hasSuffix("^") && Array(shown)[caret] == "@")
        // At the start of the line nothing is elided before the span; a long span is cut.
        let atStart = plain.format(Diagnostic(.error, "all", at: Span(start: 0, end: file.utf8.count)), in: file)
            .split(separator: "\n")
        #expect(atStart[1] == "1 | " + text.prefix(limit) + "…")
        #expect(atStart[2] == "  | ^" + String(repeating: "~", count: limit - 1))
        // Short lines are untouched.
        let short = SourceFile(name: "f", text: String(repeating: "x", count: limit - 1) + "@")
        #expect(plain.format(diagnostic("bad", over: "@", in: short), in: short).contains(short.text))
    }

    /// An entry of piped input keeps the line numbers of the whole input.
    @Test func linesAreNumberedFromTheFilesFirstLine() {
        let file = SourceFile(name: "<stdin>", text: "let a = 1\nlet b = @", firstLine: 98)
        let d = diagnostic("unexpected character '@'", over: "@", in: file)
        #expect(plain.format(d, in: file) == """
            <stdin>:99:9: error: unexpected character '@'
            99 | let b = @
               |         ^
            """)
        #expect(file.location(of: 0) == SourceLocation(line: 98, column: 1))
    }

    @Test func multiLineSpansAreMarkedToTheEndOfTheFirstLine() {
        let file = SourceFile(name: "f", text: "let x = (1 +\n 2")
        let d = Diagnostic(.error, "spans lines", at: Span(start: 8, end: 15))
        #expect(plain.format(d, in: file) == "f:1:9: error: spans lines\n1 | let x = (1 +\n  |         ^~~~")
    }

    @Test func emptySpanAtEndPointsPastTheLastCharacter() {
        let file = SourceFile(name: "<repl>", text: "1 +")
        let d = Diagnostic(.error, "expected expression after '+'", at: .at(3))
        #expect(plain.format(d, in: file) == "<repl>:1:4: error: expected expression after '+'\n1 | 1 +\n  |    ^")
    }

    @Test func emptyLinesAndOutOfRangeSpansDoNotTrap() {
        let file = SourceFile(name: "f", text: "a\n\n")
        let onEmptyLine = Diagnostic(.warning, "empty", at: .at(2))
        #expect(plain.format(onEmptyLine, in: file) == "f:2:1: warning: empty\n2 |\n  | ^")
        let beyond = Diagnostic(.error, "far", at: Span(start: 99, end: 120))
        #expect(plain.format(beyond, in: file) == "f:3:1: error: far\n3 |\n  | ^")
        let empty = SourceFile(name: "e", text: "")
        #expect(plain.format(Diagnostic(.note, "nothing", at: .at(0)), in: empty) == "e:1:1: note: nothing\n1 |\n  | ^")
    }

    @Test func colourOnlyDecorates() {
        let file = SourceFile(name: "f", text: "x @")
        let d = diagnostic("unexpected character '@'", over: "@", in: file, hint: "remove it")
        let coloured = DiagnosticFormatter(color: true).format(d, in: file)
        #expect(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[34m"))
        #expect(stripEscapes(coloured) == plain.format(d, in: file))
    }

    /// Diagnostics about no place in a source: one line from an origin, the hint after "; ", notes below.
    @Test(arguments: [
        (Diagnostic(.error, "unknown option '--hepl'", hint: "did you mean '--help'?"), "neurite",
         "neurite: error: unknown option '--hepl'; did you mean '--help'?"),
        (Diagnostic(.error, "':time' needs an expression"), "<repl>", "<repl>: error: ':time' needs an expression"),
        (Diagnostic(.warning, "cannot save history", notes: ["the disk is full", "help: free some space"]), "neurite",
         "neurite: warning: cannot save history\n  = note: the disk is full\n  = help: free some space"),
        (Diagnostic(.error, "the line is longer than 64 MiB; reading stopped"), "<stdin>:12",
         "<stdin>:12: error: the line is longer than 64 MiB; reading stopped"),
    ])
    func unlocatedDiagnosticsTakeOneLine(diagnostic: Diagnostic, origin: String, expected: String) {
        #expect(plain.format(diagnostic, origin: origin) == expected)
        let coloured = DiagnosticFormatter(color: true).format(diagnostic, origin: origin)
        #expect(coloured != expected)
        #expect(stripEscapes(coloured) == expected)
    }

    @Test func anIDIsCarriedButNotShown() {
        let file = SourceFile(name: "f", text: "x")
        let withID = Diagnostic(.error, "unknown name 'x'", at: Span(start: 0, end: 1), id: "unknownName")
        let without = Diagnostic(.error, "unknown name 'x'", at: Span(start: 0, end: 1))
        #expect(withID.id == "unknownName" && without.id == nil)
        #expect(plain.format(withID, in: file) == plain.format(without, in: file))
        #expect(Diagnostic(.error, "x", id: "y").id == "y")
    }

    @Test func severalDiagnosticsAreJoinedByNewlines() {
        let file = SourceFile(name: "f", text: "1 @ 2 $")
        let result = Parser.parse(file)
        #expect(plain.format(result.diagnostics, in: file) == """
            f:1:3: error: unexpected character '@'
            1 | 1 @ 2 $
              |   ^
            f:1:7: error: unexpected character '$'
            1 | 1 @ 2 $
              |       ^
            """)
    }
}

/// Removes ANSI SGR sequences (`ESC [ … m`).
func stripEscapes(_ text: String) -> String {
    var result = ""
    var inEscape = false
    for character in text {
        if character == "\u{1B}" {
            inEscape = true
        } else if inEscape {
            if character == "m" { inEscape = false }
        } else {
            result.append(character)
        }
    }
    return result
}
