import NeuriteLanguage

/// A script run as a reactive notebook (`neurite --watch`): each ``update(_:)`` with the script's
/// new text runs exactly the cells whose code changed and the cells depending on them (see
/// ``CellGraph``), in dependency order, in the same session, so the values of every other cell are
/// reused. A text that does not parse runs nothing and keeps the last good cells and outputs.
public final class ReactiveNotebook {
    /// What an update is doing, for a display to follow.
    public enum Event {
        /// The cells and their states are known; the `pending` ones will run.
        case planned
        /// The cell at this index of ``cells`` starts running.
        case started(Int)
        case finished(Int)
    }

    /// What an update did.
    public struct Summary: Sendable, Equatable {
        /// The cells that ran, in the order they ran (indices into ``cells``).
        public var ran: [Int] = []
        /// How many code cells kept their output.
        public var kept = 0
        /// `.failed` if the text did not parse, a cell failed or cells could not run; `.interrupted`
        /// if Ctrl-C came while a cell ran (nothing ran after it).
        public var outcome = RunOutcome.success
    }

    public let session: Session
    public let fileName: String
    /// The code cells of the last text that parsed, in file order.
    public private(set) var cells: [ReactiveCell] = []
    /// Every cell of that text, prose ones too, in file order (for displays and exports).
    public private(set) var scriptCells: [Cell] = []
    /// The diagnostics of the latest text if it did not parse (the cells are then the previous ones).
    public private(set) var rejection: [ShownOutput] = []
    private var executions = 0

    public init(session: Session, fileName: String) {
        self.session = session
        self.fileName = fileName
        session.tracksDependencies = false
    }

    /// Brings the notebook up to date with `text`, calling `observe` as it goes.
    @discardableResult
    public func update(_ text: String, observe: (Event) -> Void = { _ in }) -> Summary {
        guard let fresh = parse(text) else {
            observe(.planned)
            return Summary(ran: [], kept: cells.count, outcome: .failed)
        }
        rejection = []
        let graph = CellGraph(fresh.cells.map(\.names))
        var next = fresh.cells
        var matched = Set<Int>()
        var changed = Set<Int>()
        for index in next.indices {
            guard let old = cells.indices.first(where: { !matched.contains($0) && cells[$0].key == next[index].key }) else {
                changed.insert(index)
                continue
            }
            matched.insert(old)
            next[index].outputs = cells[old].outputs
            next[index].executionCount = cells[old].executionCount
            next[index].succeeded = cells[old].succeeded
            next[index].predecessorKeys = cells[old].predecessorKeys
        }
        // What the cells that are gone (removed or edited) defined or changed is no longer what it was.
        var lost = Set<String>()
        for old in cells.indices where !matched.contains(old) {
            lost.formUnion(cells[old].names.defines)
            lost.formUnion(cells[old].names.mutates)
        }
        for index in next.indices {
            let names = graph.cells[index]
            let touchesLost = !lost.isDisjoint(with: names.uses) || !lost.isDisjoint(with: names.defines)
            let keys = graph.predecessors[index].map { next[$0].key }.sorted()
            if touchesLost || !next[index].succeeded || keys != next[index].predecessorKeys { changed.insert(index) }
            next[index].predecessorKeys = keys
        }
        let blocked = graph.blocked
        let toRun = graph.mustRun(changed: changed).filter { blocked[$0] == nil }
        for index in next.indices {
            next[index].state = toRun.contains(index) ? .pending : .kept
        }
        for problem in graph.problems {
            let diagnostic = problem.diagnostic(cells: graph.cells, lines: next.map(\.cell.codeLine))
            let file = SourceFile(name: fileName, text: next[problem.cell].cell.code, firstLine: next[problem.cell].cell.codeLine)
            let rendered = LanguageBridge.format(diagnostic, in: file, color: session.options.color)
            if next[problem.cell].state != .problem { next[problem.cell].outputs = [] }
            next[problem.cell].state = .problem
            next[problem.cell].outputs.append(.diagnostic(diagnostic, rendered: rendered))
            next[problem.cell].succeeded = false
        }
        for (index, cause) in blocked where next[index].state != .problem {
            next[index].state = .stale(reason: "waits for the cell at line \(next[cause].cell.codeLine), which has an error")
            next[index].succeeded = false
        }
        // Names of cells gone, of cells about to run and of cells that cannot run are forgotten:
        // no cell sees a value its code no longer makes.
        var forgotten = lost
        for index in next.indices where next[index].state != .kept { forgotten.formUnion(next[index].names.defines) }
        session.forget(forgotten)
        cells = next
        scriptCells = fresh.script
        observe(.planned)

        var summary = Summary(kept: next.indices.filter { next[$0].state == .kept }.count)
        if !blocked.isEmpty { summary.outcome = .failed }
        var failedCells = Set<Int>()
        for index in graph.runOrder(toRun) {
            if summary.outcome == .interrupted {
                cells[index].state = .stale(reason: "not run: interrupted")
                cells[index].succeeded = false
                continue
            }
            if let cause = graph.predecessors[index].sorted().first(where: failedCells.contains) {
                cells[index].state = .stale(reason: "waits for the cell at line \(cells[cause].cell.codeLine), which did not complete")
                cells[index].succeeded = false
                failedCells.insert(index)
                continue
            }
            cells[index].state = .running
            observe(.started(index))
            let cell = cells[index].cell
            let raises = session.interrupt.raiseCount
            var outcome = session.run(cell.code, fileName: fileName, echo: .none, firstLine: cell.codeLine)
            // Ctrl-C during the cell, even one a training handled by stopping early, stops the update:
            // the cell's values are not what a full run makes, so it runs again on the next save.
            if session.interrupt.raiseCount != raises { outcome = .interrupted }
            executions += 1
            cells[index].outputs = session.transcript.last?.outputs ?? []
            cells[index].executionCount = executions
            cells[index].state = .ran(outcome)
            cells[index].succeeded = outcome == .success
            summary.ran.append(index)
            if outcome != .success {
                failedCells.insert(index)
                summary.outcome = outcome == .interrupted ? .interrupted : (summary.outcome == .interrupted ? .interrupted : .failed)
            }
            observe(.finished(index))
        }
        return summary
    }

    /// The cells as a ``Notebook`` (prose cells from titles and opening comments, code cells with
    /// their outputs and execution counts).
    public var notebook: Notebook {
        var result: [Notebook.Cell] = []
        var codeIndex = 0
        for cell in scriptCells {
            if let prose = Notebook.prose(of: cell) { result.append(prose) }
            guard cell.hasCode, codeIndex < cells.count else { continue }
            let reactive = cells[codeIndex]
            codeIndex += 1
            result.append(.code(Notebook.CodeCell(source: cell.code, outputs: reactive.outputs, executionCount: reactive.executionCount)))
        }
        return Notebook(cells: result)
    }

    /// The code cells of `text` with their names, or nil (and ``rejection`` set) if it does not parse.
    private func parse(_ text: String) -> (cells: [ReactiveCell], script: [Cell])? {
        let whole = SourceFile(name: fileName, text: text)
        let parsed = LanguageBridge.parse(whole)
        var errors = parsed.diagnostics.filter { $0.severity == .error }.map { (diagnostic: $0, file: whole) }
        var result: [ReactiveCell] = []
        let script = CellSplitter.cells(of: text, vocabulary: CommandSurface.vocabulary)
        if errors.isEmpty {
            for cell in script where cell.hasCode {
                let file = SourceFile(name: fileName, text: cell.code, firstLine: cell.codeLine)
                let program = LanguageBridge.parse(file)
                // A `#%%` marker inside a bracket cuts a statement in two: each half is an error.
                errors += program.diagnostics.filter { $0.severity == .error }.map { ($0, file) }
                result.append(ReactiveCell(cell: cell, key: cell.codeKey, names: CellNames(program.program), state: .pending))
            }
        }
        guard errors.isEmpty else {
            rejection = errors.prefix(Session.maximumReportedDiagnostics).map { error in
                .diagnostic(error.diagnostic, rendered: LanguageBridge.format(error.diagnostic, in: error.file, color: session.options.color))
            }
            return nil
        }
        return (result, script)
    }
}
