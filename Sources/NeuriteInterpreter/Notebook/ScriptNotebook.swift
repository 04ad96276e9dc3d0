import NeuriteLanguage

/// Runs a script cell by cell (see ``CellSplitter``) in a session, so each cell's output can be
/// shown under it and a failing cell need not stop the rest.
public enum ScriptNotebook {
    /// What running the cells gave.
    public struct Result {
        public var notebook: Notebook
        /// `.failed` if any cell failed; `.interrupted` if one was interrupted (nothing ran after it).
        public var outcome: RunOutcome
    }

    /// Runs the cells of `text` in `session`, in order. With `keepGoing` every cell runs whatever
    /// failed before it; without, the first failure stops the run (the cells after it are kept,
    /// not run). An interrupt always stops the run.
    public static func run(_ text: String, fileName: String, in session: Session, keepGoing: Bool) -> Result {
        var cells: [Notebook.Cell] = []
        var outcome = RunOutcome.success
        var count = 0
        for cell in CellSplitter.cells(of: text, vocabulary: CommandSurface.vocabulary) {
            if let prose = Notebook.prose(of: cell) { cells.append(prose) }
            guard cell.hasCode else { continue }
            guard outcome == .success || (outcome == .failed && keepGoing) else {
                cells.append(.code(Notebook.CodeCell(source: cell.code, outputs: [], executionCount: nil)))
                continue
            }
            let ran = session.run(cell.code, fileName: fileName, echo: .none, firstLine: cell.codeLine)
            count += 1
            let outputs = session.transcript.last?.outputs ?? []
            cells.append(.code(Notebook.CodeCell(source: cell.code, outputs: outputs, executionCount: count)))
            if ran != .success, outcome != .interrupted { outcome = ran }
        }
        return Result(notebook: Notebook(cells: cells), outcome: outcome)
    }
}
