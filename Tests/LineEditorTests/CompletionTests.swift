import Testing
@testable import LineEditor

@Suite struct CompletionActionTests {
    @Test(arguments: [
        (CompletionResult(word: "sigm", candidates: ["sigmoid"]), CompletionAction.insert("oid")),
        (CompletionResult(word: "si", candidates: ["sigmoid", "sin", "sinh"]), .list(["sigmoid", "sin", "sinh"])),
        (CompletionResult(word: "s", candidates: ["sinh", "sin"]), .insert("in")),
        (CompletionResult(word: "sin", candidates: ["sin", "sinh"]), .list(["sin", "sinh"])),
        (CompletionResult(word: "zz", candidates: ["sin", "cos"]), .none),
        (CompletionResult(word: "sin", candidates: ["sin"]), .none),
        (CompletionResult(word: "", candidates: ["b", "a", "a"]), .list(["a", "b"])),
        (CompletionResult(word: "hé", candidates: ["héllo", "tanh"]), .insert("llo")),
    ])
    func decides(result: CompletionResult, expected: CompletionAction) {
        #expect(CompletionAction.decide(result) == expected)
    }

    @Test(arguments: [
        ("x = sigm", "sigm"), ("sq(x_1", "x_1"), ("", ""), ("a + ", ""), ("f(héll", "héll"), ("3.5", "5"),
    ])
    func trailingIdentifierIsTheWordBeforeTheCursor(text: String, word: String) {
        #expect(trailingIdentifier(of: text) == word)
    }
}

@Suite struct ColumnListTests {
    @Test func fillsColumnsTopToBottomWithinWidth() {
        let text = ColumnList.format(["a", "bb", "ccc", "d", "e"], width: 12)
        // column width 5 ("ccc" + 2): (12 + 2) / 5 = 2 columns, 3 rows.
        #expect(text == "a    d\nbb   e\nccc\n")
    }

    @Test func narrowTerminalGivesOneColumn() {
        #expect(ColumnList.format(["sigmoid", "sin"], width: 5) == "sigmoid\nsin\n")
    }

    @Test func rowsNeverExceedWidth() {
        let words = (1...40).map { String(repeating: "w", count: $0 % 9 + 1) }
        for width in [10, 33, 80, 100] {
            for line in ColumnList.format(words, width: width).split(separator: "\n") {
                #expect(line.count <= max(width, 10))
            }
        }
    }

    @Test func emptyListPrintsNothing() {
        #expect(ColumnList.format([], width: 80) == "")
    }
}
