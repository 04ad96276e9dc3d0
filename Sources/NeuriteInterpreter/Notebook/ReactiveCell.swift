import NeuriteLanguage

/// One cell of a watched script (``ReactiveNotebook``): its code, what it does with names, and
/// what it showed when it last ran.
public struct ReactiveCell: Sendable {
    /// Where the cell stands in the latest update.
    public enum State: Sendable, Equatable {
        /// Unchanged and not depending on anything that changed: its output is from an earlier run.
        case kept
        /// It will run in this update.
        case pending
        case running
        /// It ran in this update.
        case ran(RunOutcome)
        /// It could not run: something it depends on failed, was interrupted or has a problem.
        case stale(reason: String)
        /// It defines a name another cell defines too, or is on a cycle: its outputs are the diagnostic.
        case problem
    }

    /// The cell as the script has it (title, prose, code, line).
    public var cell: Cell
    /// Its identity across edits (``Cell/codeKey``).
    public var key: String
    /// What it defines, uses and changes.
    public var names: CellNames
    public var state: State
    /// What it showed when it last ran (kept while it is stale); a problem's diagnostic.
    public var outputs: [ShownOutput] = []
    /// Its place in the order cells ran, counted over the whole watch (nil: it never ran).
    public var executionCount: Int?
    /// True when its latest run succeeded.
    var succeeded = false
    /// The keys of the cells it depended on when it last ran: if they change (a cell moved), it runs again.
    var predecessorKeys: [String] = []
}
