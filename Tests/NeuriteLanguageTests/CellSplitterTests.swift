import NeuriteLanguage
import Testing

/// How scripts split into notebook cells: by `#%%` markers, else one cell per top-level statement;
/// a cell's opening comments are its prose, its code keeps its line in the file.
@Suite struct CellSplitterTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var script: String
        var cells: [Cell]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "markers with titles; the text before the first marker is a cell",
            script: "let a = 1\n#%% First\nprint(a)\n\n#%%   Second part  \n# Some prose.\n#   indented\nprint(2)\n",
            cells: [
                Cell(title: nil, prose: nil, code: "let a = 1", codeLine: 1),
                Cell(title: "First", prose: nil, code: "print(a)", codeLine: 3),
                Cell(title: "Second part", prose: "Some prose.\n  indented", code: "print(2)", codeLine: 8),
            ]),
        Case(
            name: "a marker without title, a cell of prose only, a blank cell dropped",
            script: "#%%\n# Only words.\n#%%\n\n#%%\nx\n",
            cells: [
                Cell(title: nil, prose: "Only words.", code: "", codeLine: 3),
                Cell(title: nil, prose: nil, code: "x", codeLine: 6),
            ]),
        Case(
            name: "comments inside code stay code; blank lines around it are trimmed",
            script: "#%% T\n\nlet a = 1\n# about b\nlet b = 2\n\n\n",
            cells: [Cell(title: "T", prose: nil, code: "let a = 1\n# about b\nlet b = 2", codeLine: 3)]),
        Case(
            name: "without markers: one cell per statement with the comments above it",
            script: "# The first.\nlet a = 1\n\n# The second,\n# in two lines.\nfn f(x) {\n  x + a\n}\nprint(f(1))\n# trailing\n",
            cells: [
                Cell(title: nil, prose: "The first.", code: "let a = 1", codeLine: 2),
                Cell(title: nil, prose: "The second,\nin two lines.", code: "fn f(x) {\n  x + a\n}", codeLine: 6),
                Cell(title: nil, prose: nil, code: "print(f(1))\n# trailing", codeLine: 9),
            ]),
        Case(
            name: "statements sharing a line share a cell",
            script: "let a = 1; let b = 2\nprint(a + b)\n",
            cells: [
                Cell(title: nil, prose: nil, code: "let a = 1; let b = 2", codeLine: 1),
                Cell(title: nil, prose: nil, code: "print(a + b)", codeLine: 2),
            ]),
        Case(
            name: "a script that does not parse splits where the parser recovers",
            script: "let a = \nprint(1)\n",
            cells: [Cell(title: nil, prose: nil, code: "let a = \nprint(1)", codeLine: 1)]),
        Case(name: "an empty script has no cells", script: "\n\n", cells: []),
        Case(
            name: "CRLF line ends",
            script: "#%% A\r\nprint(1)\r\n",
            cells: [Cell(title: "A", prose: nil, code: "print(1)", codeLine: 2)]),
    ]

    @Test(arguments: cases)
    func splits(_ example: Case) {
        #expect(CellSplitter.cells(of: example.script) == example.cells)
    }

    /// Whatever the split, the code of the cells, put back at their lines, is the script's code.
    @Test func cellsKeepTheirLines() {
        let script = "# intro\nlet a = 1\n\nfn g(x) = x * 2\n\n# then\nprint(g(a))\n"
        let lines = script.split(separator: "\n", omittingEmptySubsequences: false)
        for cell in CellSplitter.cells(of: script) where cell.hasCode {
            let first = cell.code.split(separator: "\n", omittingEmptySubsequences: false)[0]
            #expect(lines[cell.codeLine - 1] == first)
        }
    }

    @Test func aWholeEntryIsOneCell() {
        #expect(CellSplitter.cell(of: "# why\nlet a = 1\nlet b = 2\n")
            == Cell(title: nil, prose: "why", code: "let a = 1\nlet b = 2", codeLine: 2))
    }
}
