/// The diagnostics of a ``CellGraph``'s problems, in one place (lowercase, no final period).
extension CellProblem {
    /// The problem as a diagnostic at the cell it is about: at the definition of a name defined
    /// twice, at the use that closes a cycle. `cells` are the graph's cells, `lines` the file line on
    /// which each cell's code starts (for the notes that point to the other cells).
    public func diagnostic(cells: [CellNames], lines: [Int]) -> Diagnostic {
        func lineList(_ others: [Int]) -> String {
            let shown = others.map { index in lines.indices.contains(index) ? String(lines[index]) : "?" }
            return shown.count == 1 ? "line \(shown[0])" : "lines " + shown.joined(separator: ", ")
        }
        switch self {
        case .duplicateDefinition(let name, let cell, let others):
            return Diagnostic(
                .error, "'\(name)' is defined in more than one cell", at: cells[cell].definitionSpans[name] ?? .at(0),
                hint: "each name is defined by one cell; rename one of them",
                notes: ["also defined by the cell at \(lineList(others))"], id: "duplicateDefinition")
        case .cycle(let cell, let others, let name):
            let span = name.flatMap { cells[cell].useSpans[$0] } ?? cells[cell].definitionSpans.values.min { $0.start < $1.start } ?? .at(0)
            return Diagnostic(
                .error,
                name.map { "cells depend on each other: '\($0)' comes from a cell that needs this one" }
                    ?? "cells depend on each other",
                at: span, hint: "move the definitions into one cell, or break the loop",
                notes: ["it needs the cell at \(lineList(others)), which depends on it"], id: "cellCycle")
        }
    }
}
