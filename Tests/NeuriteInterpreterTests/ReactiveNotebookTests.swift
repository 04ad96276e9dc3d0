import NeuriteLanguage
import Testing

@testable import NeuriteInterpreter

/// A watched script (`neurite --watch`): each update runs exactly the cells whose code changed and
/// those depending on them, reusing every other cell's values, and shows what a fresh run would.
@Suite struct ReactiveNotebookTests {
    static let script = """
        data d = xor(n: 40, seed: 1)
        model m { input 2; dense 4, tanh; dense 1, sigmoid }
        let r = train m on d with epochs: 3, lr: 0.1
        print(r.loss[-1])
        let k = 7
        print(k * 2)
        """

    static func text(_ cell: ReactiveCell) -> String {
        cell.outputs.compactMap { if case .text(let text) = $0 { text } else { nil } }.joined()
    }

    static func ranLines(_ notebook: ReactiveNotebook, _ summary: ReactiveNotebook.Summary) -> [Int] {
        summary.ran.map { notebook.cells[$0].cell.codeLine }
    }

    @Test func theFirstUpdateRunsEverythingAndASecondIdenticalOneNothing() {
        let notebook = ReactiveNotebook(session: TestSession().session, fileName: "w.nn")
        let first = notebook.update(Self.script)
        #expect(first.outcome == .success)
        #expect(Self.ranLines(notebook, first) == [1, 2, 3, 4, 5, 6])
        #expect(Self.text(notebook.cells[5]) == "14\n")
        let second = notebook.update(Self.script + "\n# a comment\n")
        #expect(second.ran.isEmpty)
        #expect(second.kept == 6)
        #expect(Self.text(notebook.cells[5]) == "14\n")
    }

    @Test func aNewLearningRateRunsTheModelTrainingAndItsReaderAndNothingElse() {
        let notebook = ReactiveNotebook(session: TestSession().session, fileName: "w.nn")
        notebook.update(Self.script)
        let edited = Self.script.replacingOccurrences(of: "lr: 0.1", with: "lr: 0.5")
        let summary = notebook.update(edited)
        #expect(Self.ranLines(notebook, summary) == [2, 3, 4])
        #expect(notebook.cells[0].executionCount == 1)
        #expect(notebook.cells[4].executionCount == 5)
        #expect(notebook.cells[2].executionCount == 8)
        // What a fresh run of the edited script shows.
        let fresh = ReactiveNotebook(session: TestSession().session, fileName: "w.nn")
        fresh.update(edited)
        #expect(Self.text(notebook.cells[3]) == Self.text(fresh.cells[3]))
        #expect(Self.text(notebook.cells[3]) != "")
    }

    @Test func aFailingCellMakesItsDependentsStaleAndTheNextSaveRunsThem() {
        let notebook = ReactiveNotebook(session: TestSession().session, fileName: "w.nn")
        notebook.update("let a = 1\nlet b = a / nope\nprint(b)\nprint(a)")
        #expect(notebook.cells[1].state == .ran(.failed))
        #expect(notebook.cells[2].state == .stale(reason: "waits for the cell at line 2, which did not complete"))
        #expect(notebook.cells[3].state == .ran(.success))
        let summary = notebook.update("let a = 1\nlet b = a / 2\nprint(b)\nprint(a)")
        #expect(Self.ranLines(notebook, summary) == [2, 3])
        #expect(Self.text(notebook.cells[2]) == "0.5\n")
    }

    @Test func aTextThatDoesNotParseKeepsTheLastGoodCells() {
        let notebook = ReactiveNotebook(session: TestSession().session, fileName: "w.nn")
        notebook.update("let a = 1\nprint(a)")
        let summary = notebook.update("let a = (1\nprint(a)")
        #expect(summary.outcome == .failed && summary.ran.isEmpty)
        #expect(!notebook.rejection.isEmpty)
        #expect(Self.text(notebook.cells[1]) == "1\n")
        let fixed = notebook.update("let a = 2\nprint(a)")
        #expect(notebook.rejection.isEmpty)
        #expect(fixed.ran.count == 2 && Self.text(notebook.cells[1]) == "2\n")
    }

    @Test func aDeletedCellsNamesAreForgotten() {
        let notebook = ReactiveNotebook(session: TestSession().session, fileName: "w.nn")
        notebook.update("let a = 1\nlet b = 2\nprint(b)")
        let summary = notebook.update("let a = 1\nprint(b)")
        #expect(summary.outcome == .failed)
        #expect(notebook.cells[1].state == .ran(.failed))
        if case .diagnostic(let diagnostic, _)? = notebook.cells[1].outputs.first {
            #expect(diagnostic.id == "unknownName")
        } else {
            Issue.record("expected an unknown-name error, got \(notebook.cells[1].outputs)")
        }
    }

    @Test func duplicatesAndCyclesAreErrorsAtTheirCellsAndTheRestRuns() {
        let notebook = ReactiveNotebook(session: TestSession().session, fileName: "w.nn")
        let summary = notebook.update("let a = 1\nlet a = 2\nprint(a)\nlet x = y\nlet y = x\nprint(5)")
        #expect(summary.outcome == .failed)
        #expect(notebook.cells.map(\.state) == [
            .problem, .problem, .stale(reason: "waits for the cell at line 1, which has an error"), .problem, .problem,
            .ran(.success),
        ])
        guard case .diagnostic(let duplicate, let rendered)? = notebook.cells[1].outputs.first else {
            Issue.record("no diagnostic")
            return
        }
        #expect(duplicate.id == "duplicateDefinition")
        #expect(rendered.hasPrefix("w.nn:2:5: error: 'a' is defined in more than one cell\n2 | let a = 2\n  |     ^"))
        guard case .diagnostic(let cycle, _)? = notebook.cells[3].outputs.first else {
            Issue.record("no diagnostic")
            return
        }
        #expect(cycle.id == "cellCycle")
    }

    @Test func reorderingAReaderAboveATrainingRunsItAgain() {
        let notebook = ReactiveNotebook(session: TestSession().session, fileName: "w.nn")
        let cells = [
            "data d = xor(n: 20, seed: 1)", "model m { input 2; dense 1, sigmoid }",
            "train m on d with epochs: 2", "print(m.layers[0].bias)",
        ]
        notebook.update(cells.joined(separator: "\n"))
        let trained = Self.text(notebook.cells[3])
        let summary = notebook.update([cells[0], cells[1], cells[3], cells[2]].joined(separator: "\n"))
        #expect(Self.ranLines(notebook, summary) == [2, 3, 4])
        #expect(Self.text(notebook.cells[2]) == "[0]\n")
        #expect(trained != "[0]\n")
    }

    @Test func theNotebookHasProseAndCountedCells() {
        let notebook = ReactiveNotebook(session: TestSession().session, fileName: "w.nn")
        notebook.update("#%% One\n# Words.\nprint(1)\n#%% Two\nprint(2)")
        let cells = notebook.notebook.cells
        #expect(cells.count == 4)
        if case .code(let code) = cells[3] { #expect(code.executionCount == 2) } else { Issue.record("not code") }
    }

    @Test func anInterruptStopsTheUpdateAndTheNextOneRunsWhatWasLeft() {
        let test = TestSession()
        let notebook = ReactiveNotebook(session: test.session, fileName: "w.nn")
        notebook.update("let a = 1\nprint(a)")
        test.interrupt.raise()
        let summary = notebook.update("let a = 2\nprint(a)")
        #expect(summary.outcome == .interrupted)
        #expect(notebook.cells.map(\.state) == [.ran(.interrupted), .stale(reason: "not run: interrupted")])
        let next = notebook.update("let a = 2\nprint(a)\n")
        #expect(next.ran == [0, 1] && Self.text(notebook.cells[1]) == "2\n")
    }
}
