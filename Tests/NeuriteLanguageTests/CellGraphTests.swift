import NeuriteLanguage
import Testing

/// The dependency graph of cells: edges, what must run again after a change, run order, and the
/// problems (a name defined twice, a cycle) reported at the cells involved.
@Suite struct CellGraphTests {
    static func graph(_ cells: [String]) -> CellGraph {
        CellGraph(cells.map(CellNamesTests.names))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var cells: [String]
        /// The cells whose code changed.
        var changed: Set<Int>
        /// What must run again, in run order.
        var runs: [Int]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a change runs its dependents, not what is upstream",
             cells: ["let a = 1", "let b = 2", "let c = a + 1", "print(c)", "print(b)"],
             changed: [0], runs: [0, 2, 3]),
        Case(name: "use before definition: the definition runs first",
             cells: ["print(x + 1)", "let x = 2"], changed: [1], runs: [1, 0]),
        Case(name: "a training whose rate changed runs again from the model's definition",
             cells: ["data d = xor(n: 40, seed: 1)", "model m { input 2; dense 4, tanh; dense 1, sigmoid }",
                     "let r = train m on d with epochs: 5, lr: 0.1", "plot r.loss", "let k = 3"],
             changed: [2], runs: [1, 2, 3]),
        Case(name: "a second training of the same model: the first runs again too, and what reads between",
             cells: ["model m { input 2; dense 1, sigmoid }", "train m on d with epochs: 1",
                     "print(m.layers[0].bias)", "train m on d with epochs: 2", "print(epochs)", "data d = xor()"],
             changed: [3], runs: [0, 1, 2, 3]),
        Case(name: "a reader above the training, changed, brings the chain with it",
             cells: ["model m { input 2; dense 1, sigmoid }", "print(m.layers[0].weights)", "train m on d", "data d = xor()"],
             changed: [1], runs: [0, 1, 2]),
        Case(name: "a reader below every change runs alone",
             cells: ["model m { input 2; dense 1, sigmoid }", "train m on d", "print(m.layers[0].weights)", "data d = xor()"],
             changed: [2], runs: [2]),
        Case(name: "training through an alias changes the aliased model",
             cells: ["model m { input 2; dense 1, sigmoid }", "let a = m", "train a on d", "data d = xor()"],
             changed: [2], runs: [0, 1, 2]),
        Case(name: "a function that trains its argument: its call is a change",
             cells: ["fn fit(net) = train net on d", "model m { input 2; dense 1, sigmoid }", "fit(m)", "data d = xor()", "print(m.layers)"],
             changed: [2], runs: [1, 2, 4]),
        Case(name: "an edited weight is a change in place",
             cells: ["model m { input 2; dense 1, sigmoid }", "m.layers[0].bias[0] = 3", "print(m.layers[0].bias)"],
             changed: [1], runs: [0, 1, 2]),
    ]

    @Test(arguments: cases)
    func mustRun(_ test: Case) {
        let graph = Self.graph(test.cells)
        #expect(graph.problems.isEmpty)
        #expect(graph.runOrder(graph.mustRun(changed: test.changed)) == test.runs)
    }

    @Test func aNameDefinedTwiceIsAProblemAtBothCellsAndBlocksItsUsers() {
        let graph = Self.graph(["let a = 1", "let b = a", "let a = 2", "let c = 5", "print(b)"])
        #expect(graph.problems == [
            .duplicateDefinition(name: "a", cell: 0, others: [2]), .duplicateDefinition(name: "a", cell: 2, others: [0]),
        ])
        #expect(graph.blocked == [0: 0, 1: 0, 2: 2, 4: 0])
        let diagnostic = graph.problems[0].diagnostic(cells: graph.cells, lines: [1, 2, 3, 4, 5])
        #expect(diagnostic.id == "duplicateDefinition")
        #expect(diagnostic.span == Span(start: 4, end: 5))
        #expect(diagnostic.notes == ["also defined by the cell at line 3"])
    }

    @Test func aCycleIsAProblemAtEveryCellOnIt() {
        let graph = Self.graph(["let x = y + 1", "let z = 0", "let y = x * 2", "print(x)"])
        #expect(graph.problems == [
            .cycle(cell: 0, others: [2], name: "y"), .cycle(cell: 2, others: [0], name: "x"),
        ])
        #expect(graph.blocked[3] != nil && graph.blocked[1] == nil)
        let diagnostic = graph.problems[1].diagnostic(cells: graph.cells, lines: [1, 4, 7, 9])
        #expect(diagnostic.id == "cellCycle")
        #expect(diagnostic.span == Span(start: 8, end: 9))
        #expect(diagnostic.notes == ["it needs the cell at line 1, which depends on it"])
    }

    @Test func runOrderKeepsFileOrderWhereItIsFree() {
        let graph = Self.graph(["print(b)", "let a = 1", "let b = a", "print(a)"])
        #expect(graph.runOrder([0, 1, 2, 3]) == [1, 2, 0, 3])
    }

    @Test func upstreamAndDownstream() {
        let graph = Self.graph(["let a = 1", "let b = a", "let c = b", "let d = 4"])
        #expect(graph.upstream(of: [2]) == [0, 1])
        #expect(graph.downstream(of: [0]) == [1, 2])
        #expect(graph.downstream(of: [3]).isEmpty)
    }
}

/// Scripts far longer than any notebook: the graph is built, ordered and checked for cycles without
/// deep recursion or quadratic loops.
@Suite struct CellGraphSizeTests {
    @Test func aChainOfTwentyThousandCells() {
        var names: [CellNames] = []
        for index in 0..<20_000 {
            var cell = CellNames()
            cell.defines = ["v\(index)"]
            if index > 0 { cell.uses = ["v\(index - 1)"] }
            names.append(cell)
        }
        // The last cell also feeds the first: one cycle through every cell.
        var cyclic = names
        cyclic[0].uses = ["v19999"]
        let clock = ContinuousClock()
        let start = clock.now
        let graph = CellGraph(names)
        #expect(graph.problems.isEmpty)
        #expect(graph.runOrder(graph.mustRun(changed: [0])) == Array(0..<20_000))
        #expect(CellGraph(cyclic).problems.count == 20_000)
        #expect(clock.now - start < .seconds(20))
    }
}
