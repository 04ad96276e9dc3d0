/// The dependency graph of a script's cells (``CellNames`` per cell, in file order): which cell
/// must run before which, which cells must run again after some changed, and the problems that
/// stop cells from running (a name defined in two cells, cells that depend on each other).
///
/// - A cell that uses a name depends on the cell that defines it, wherever that is in the file (a
///   use before the definition in file order is allowed: the defining cell runs first).
/// - A value changed in place (`train m …`) is a chain: the cell defining `m`, then the cells that
///   change it in file order. A cell reading `m` comes after the changes written above it and
///   before those written below it, so it sees what a run of the whole file would show it.
/// - When one cell of such a chain must run again, the whole chain runs again from the definition
///   (training an already trained model further is not what a fresh run shows).
public struct CellGraph: Sendable {
    /// The cells' names, with calls of functions that change their arguments resolved (the
    /// changes added to ``CellNames/mutates``) and changes through aliases followed.
    public let cells: [CellNames]
    /// `predecessors[i]`: the cells that must run before cell `i`.
    public private(set) var predecessors: [Set<Int>]
    public private(set) var successors: [Set<Int>]
    /// For each name changed in place: its definition and the cells that change it, in run order.
    public private(set) var chains: [String: [Int]] = [:]
    /// Problems that keep cells from running, in cell order.
    public private(set) var problems: [CellProblem] = []

    public init(_ names: [CellNames]) {
        let cells = Self.resolved(names)
        self.cells = cells
        predecessors = Array(repeating: [], count: cells.count)
        successors = Array(repeating: [], count: cells.count)
        var definers: [String: [Int]] = [:]
        for (index, cell) in cells.enumerated() {
            for name in cell.defines { definers[name, default: []].append(index) }
        }
        for (name, cellsDefining) in definers.sorted(by: { $0.key < $1.key }) where cellsDefining.count > 1 {
            for cell in cellsDefining {
                problems.append(.duplicateDefinition(name: name, cell: cell, others: cellsDefining.filter { $0 != cell }))
            }
        }
        var changers: [String: [Int]] = [:]
        for (index, cell) in cells.enumerated() {
            for name in cell.mutates { changers[name, default: []].append(index) }
        }
        for (index, cell) in cells.enumerated() {
            for name in cell.uses where changers[name] == nil {
                guard let definer = definers[name], definer.count == 1 else { continue }
                addEdge(from: definer[0], to: index)
            }
        }
        for (name, changing) in changers {
            let definer = definers[name].flatMap { $0.count == 1 ? $0[0] : nil }
            let chain = (definer.map { [$0] } ?? []) + changing
            chains[name] = chain
            for (before, after) in zip(chain, chain.dropFirst()) { addEdge(from: before, to: after) }
            for (index, cell) in cells.enumerated() where cell.uses.contains(name) && !chain.contains(index) {
                // After the last link written above it (else the definition), before the next change below it.
                if let previous = chain.last(where: { $0 < index }) ?? chain.first { addEdge(from: previous, to: index) }
                if let next = changing.first(where: { $0 > index }) { addEdge(from: index, to: next) }
            }
        }
        for component in Self.cycles(successors) {
            let members = Set(component)
            for cell in component {
                // The cells of the cycle this one takes names from (its predecessors on the cycle).
                let others = predecessors[cell].filter(members.contains).sorted()
                let name = cells[cell].uses.sorted().first { name in
                    others.contains { cells[$0].defines.contains(name) || cells[$0].mutates.contains(name) }
                }
                problems.append(.cycle(cell: cell, others: others, name: name))
            }
        }
        problems.sort { $0.cell < $1.cell }
    }

    private mutating func addEdge(from before: Int, to after: Int) {
        guard before != after else { return }
        predecessors[after].insert(before)
        successors[before].insert(after)
    }

    /// The cells that cannot run: those with a problem, and every cell depending on one (directly or
    /// not), or using a name defined twice. Each maps to the cell with the problem it waits for.
    public var blocked: [Int: Int] {
        var blocked: [Int: Int] = [:]
        var definers: [String: Int] = [:]
        for problem in problems {
            blocked[problem.cell] = problem.cell
            if case .duplicateDefinition(let name, let cell, _) = problem, definers[name] == nil { definers[name] = cell }
        }
        for (index, cell) in cells.enumerated() where blocked[index] == nil {
            if let name = cell.uses.sorted().first(where: { definers[$0] != nil }), let cause = definers[name] {
                blocked[index] = cause
            }
        }
        // Everything downstream waits for the same cause (one pass from every blocked cell).
        var queue = blocked.keys.sorted()
        var head = 0
        while head < queue.count {
            let cell = queue[head]
            head += 1
            for next in successors[cell].sorted() where blocked[next] == nil {
                blocked[next] = blocked[cell]
                queue.append(next)
            }
        }
        return blocked
    }

    /// Every cell depending on one of `cells`, directly or not (not `cells` themselves, unless a
    /// cycle leads back to them).
    public func downstream(of cells: Set<Int>) -> Set<Int> {
        var found: Set<Int> = []
        var pending = Array(cells)
        while let cell = pending.popLast() {
            for next in successors[cell] where found.insert(next).inserted { pending.append(next) }
        }
        return found
    }

    /// Every cell some cell of `cells` depends on, directly or not.
    public func upstream(of cells: Set<Int>) -> Set<Int> {
        var found: Set<Int> = []
        var pending = Array(cells)
        while let cell = pending.popLast() {
            for previous in predecessors[cell] where found.insert(previous).inserted { pending.append(previous) }
        }
        return found
    }

    /// The cells that must run again when `changed` cells changed: those, everything depending on
    /// them, and whole chains of a value changed in place as soon as one of their links runs again.
    public func mustRun(changed: Set<Int>) -> Set<Int> {
        var dirty = changed
        var pending = Array(changed)
        let chainsOfCell = Dictionary(grouping: chains.values.flatMap { chain in chain.map { ($0, chain) } }, by: \.0)
        while let cell = pending.popLast() {
            var next = successors[cell]
            for (_, chain) in chainsOfCell[cell] ?? [] { next.formUnion(chain) }
            for other in next where dirty.insert(other).inserted { pending.append(other) }
        }
        return dirty
    }

    /// `cells` in an order where every cell comes after the cells it depends on, in file order where
    /// the dependencies leave it free (Kahn's algorithm, the lowest ready index first). Cells on a
    /// cycle come last, in file order.
    public func runOrder(_ cells: Set<Int>) -> [Int] {
        var waiting: [Int: Int] = [:]  // cell → predecessors among `cells` not yet ordered
        for cell in cells { waiting[cell] = predecessors[cell].intersection(cells).count }
        var ready = MinimumHeap(cells.filter { waiting[$0] == 0 })
        var order: [Int] = []
        while let cell = ready.pop() {
            order.append(cell)
            for next in successors[cell] where cells.contains(next) {
                guard let count = waiting[next] else { continue }
                waiting[next] = count - 1
                if count == 1 { ready.push(next) }
            }
        }
        if order.count < cells.count {
            let ordered = Set(order)
            order += cells.filter { !ordered.contains($0) }.sorted()
        }
        return order
    }

    /// The strongly connected components of more than one cell (Tarjan's algorithm, with an explicit
    /// stack so that a long chain of cells cannot overflow the call stack).
    private static func cycles(_ successors: [Set<Int>]) -> [[Int]] {
        var counter = 0
        var indices = [Int?](repeating: nil, count: successors.count)
        var lowLinks = [Int](repeating: 0, count: successors.count)
        var stack: [Int] = []
        var onStack = [Bool](repeating: false, count: successors.count)
        var components: [[Int]] = []
        func visit(_ cell: Int) {
            indices[cell] = counter
            lowLinks[cell] = counter
            counter += 1
            stack.append(cell)
            onStack[cell] = true
        }
        for root in successors.indices where indices[root] == nil {
            visit(root)
            var work: [(cell: Int, next: [Int], position: Int)] = [(root, successors[root].sorted(), 0)]
            while let top = work.last {
                if top.position < top.next.count {
                    work[work.count - 1].position += 1
                    let next = top.next[top.position]
                    if let nextIndex = indices[next] {
                        if onStack[next] { lowLinks[top.cell] = min(lowLinks[top.cell], nextIndex) }
                    } else {
                        visit(next)
                        work.append((next, successors[next].sorted(), 0))
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last { lowLinks[parent.cell] = min(lowLinks[parent.cell], lowLinks[top.cell]) }
                guard lowLinks[top.cell] == indices[top.cell] else { continue }
                var component: [Int] = []
                while let member = stack.popLast() {
                    onStack[member] = false
                    component.append(member)
                    if member == top.cell { break }
                }
                if component.count > 1 { components.append(component.sorted()) }
            }
        }
        return components.sorted { $0[0] < $1[0] }
    }

    /// Adds to each cell's changes those made by calling functions (defined in any cell) that change
    /// their arguments or names outside them, then those of names bound to the changed values.
    static func resolved(_ cells: [CellNames]) -> [CellNames] {
        var effects: [String: FunctionEffect] = [:]
        var aliases: [String: String] = [:]
        for cell in cells {
            effects.merge(cell.functionEffects) { first, _ in first }
            aliases.merge(cell.aliases) { first, _ in first }
        }
        return cells.map { cell in
            var cell = cell
            for call in cell.calls {
                guard let effect = effects[call.callee] else { continue }
                cell.mutates.formUnion(effect.changedNames)
                if effect.changesArguments { cell.mutates.formUnion(call.argumentRoots) }
            }
            var pending = Array(cell.mutates)
            while let name = pending.popLast() {
                if let target = aliases[name], cell.mutates.insert(target).inserted { pending.append(target) }
            }
            cell.mutates.subtract(cell.defines)
            cell.uses.formUnion(cell.mutates)
            return cell
        }
    }
}

/// Why cells of a graph cannot run.
public enum CellProblem: Equatable, Sendable {
    /// `name` is defined by `cell` and by the `others` too.
    case duplicateDefinition(name: String, cell: Int, others: [Int])
    /// `cell` is on a cycle; the `others` are the cells of the cycle it takes names from, `name` one of them.
    case cycle(cell: Int, others: [Int], name: String?)

    public var cell: Int {
        switch self {
        case .duplicateDefinition(_, let cell, _), .cycle(let cell, _, _): return cell
        }
    }
}

/// A binary min-heap of cell indices (the ready cells of ``CellGraph/runOrder(_:)``).
struct MinimumHeap {
    private var items: [Int] = []

    init(_ values: some Sequence<Int>) { values.forEach { push($0) } }

    mutating func push(_ value: Int) {
        items.append(value)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Int? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        guard !items.isEmpty else { return first }
        items[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < items.count, items[left] < items[smallest] { smallest = left }
            if right < items.count, items[right] < items[smallest] { smallest = right }
            guard smallest != parent else { return first }
            items.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
