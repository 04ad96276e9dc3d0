import NeuriteLanguage

/// A notebook: prose and code cells, each code cell with what it showed when it ran. Made from a
/// script run cell by cell (``ScriptNotebook``) or from a REPL session's transcript, and written
/// as Markdown (``MarkdownNotebook``) or as a Jupyter notebook (``JupyterNotebook``).
public struct Notebook: Sendable {
    public enum Cell: Sendable {
        /// Markdown text (a `#%%` title as a heading, a cell's opening comments as paragraphs).
        case prose(String)
        case code(CodeCell)
    }

    public struct CodeCell: Sendable {
        public var source: String
        /// What it showed; empty when it did not run.
        public var outputs: [ShownOutput]
        /// Its place in the order cells ran (from 1); nil when it did not run.
        public var executionCount: Int?
    }

    public var cells: [Cell]

    public init(cells: [Cell]) {
        self.cells = cells
    }

    /// The prose cell for a script cell's title and opening comments, if it has either.
    static func prose(of cell: NeuriteLanguage.Cell) -> Cell? {
        let parts = [cell.title.map { "## " + $0 }, cell.prose].compactMap { $0 }
        return parts.isEmpty ? nil : .prose(parts.joined(separator: "\n\n"))
    }
}

extension Notebook {
    /// The session's runs as a notebook, without running anything again: one code cell per run
    /// (its opening comments as prose), and a note where `:reset` forgot what came before.
    public init(transcript: [TranscriptEntry]) {
        var cells: [Cell] = []
        var generation = transcript.first?.generation ?? 0
        for (index, entry) in transcript.enumerated() {
            if entry.generation != generation {
                cells.append(.prose("*`:reset` — everything defined above was forgotten here.*"))
                generation = entry.generation
            }
            let cell = CellSplitter.cell(of: entry.source)
            if let prose = Notebook.prose(of: cell) { cells.append(prose) }
            if cell.hasCode {
                cells.append(.code(CodeCell(source: cell.code, outputs: entry.outputs, executionCount: index + 1)))
            }
        }
        self.init(cells: cells)
    }
}
