import NeuriteLanguage
import Testing

/// What a cell defines, uses and changes in place, read from its parsed code (the analysis behind
/// `neurite --watch`).
@Suite struct CellNamesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var code: String
        var defines: [String]
        var uses: Set<String>
        var mutates: Set<String> = []
        var testDescription: String { code }
    }

    static let cases: [Case] = [
        Case(code: "let a = 1", defines: ["a"], uses: []),
        Case(code: "let b = a + sin(c)", defines: ["b"], uses: ["a", "sin", "c"]),
        Case(code: "data d = circle(n: k, seed: 3)", defines: ["d"], uses: ["circle", "k"]),
        Case(code: "let a = 1; let b = a * 2", defines: ["a", "b"], uses: []),
        Case(code: "print(x)\nlet x = 2", defines: ["x"], uses: ["print"]),
        Case(code: "fn f(x, a = k) = x * a + g(x)", defines: ["f"], uses: ["k", "g"]),
        Case(code: "fn fact(n) = if n <= 1 then 1 else n * fact(n - 1)", defines: ["fact"], uses: []),
        Case(code: "fn f(x) { let y = x * w; y + 1 }", defines: ["f"], uses: ["w"]),
        Case(code: "let v = [x * s for x in 1..n if x > t]", defines: ["v"], uses: ["s", "n", "t"]),
        Case(code: "let h = fn(x) = x + bias", defines: ["h"], uses: ["bias"]),
        Case(code: "let y = { let t = 3; t + u }", defines: ["y"], uses: ["u"]),
        Case(code: "f'(x) + g''(y)", defines: [], uses: ["f", "x", "g", "y"]),
        Case(code: "let r = run.loss[0]", defines: ["r"], uses: ["run"]),
        Case(
            code: "model net { input 2; dense width, act, init: he_normal; dense 1, sigmoid }",
            defines: ["net"], uses: ["width", "act", "he_normal", "sigmoid"]),
        Case(
            code: "model deep(act, depth = d0) { input 2; repeat depth { dense 8, act }; dense 1, sigmoid }",
            defines: ["deep"], uses: ["d0", "sigmoid"]),
        Case(code: "let r = train m on d with epochs: n, lr: rate", defines: ["r"], uses: ["m", "d", "n", "rate"], mutates: ["m"]),
        Case(code: "train deep(relu), shallow on ring with epochs: 5", defines: [], uses: ["deep", "relu", "shallow", "ring"], mutates: ["shallow"]),
        Case(code: "train runs[0].model on d", defines: [], uses: ["runs", "d"], mutates: ["runs"]),
        Case(code: "load \"w.safetensors\" into m", defines: [], uses: ["m"], mutates: ["m"]),
        Case(code: "let back = load \"w.safetensors\"", defines: ["back"], uses: []),
        Case(code: "m.layers[0].bias[1] = b", defines: [], uses: ["m", "b"], mutates: ["m"]),
        Case(code: "boundary m on d", defines: [], uses: ["m", "d"]),
        Case(code: "save m to path", defines: [], uses: ["m", "path"]),
        Case(code: "model m { input 2; dense 1, sigmoid }\ntrain m on d", defines: ["m"], uses: ["sigmoid", "d"]),
        Case(code: "let c = { let t = copy(m); train t on d; t }", defines: ["c"], uses: ["copy", "m", "d"]),
        // A function's own changes happen when it is called, not where it is defined.
        Case(code: "fn fit(net, e) = train net on d with epochs: e", defines: ["fit"], uses: ["d"]),
        Case(code: "let rs = map(models, fn(x) = (train x on d))", defines: ["rs"], uses: ["map", "models", "d"], mutates: ["models"]),
    ]

    @Test(arguments: cases)
    func names(_ test: Case) {
        let names = Self.names(test.code)
        #expect(names.defines == test.defines)
        #expect(names.uses == test.uses)
        #expect(names.mutates == test.mutates)
    }

    @Test func definitionAndUseSpansPointAtTheNames() {
        let code = "let total = base + base"
        let names = Self.names(code)
        #expect(names.definitionSpans["total"] == Span(start: 4, end: 9))
        #expect(names.useSpans["base"] == Span(start: 12, end: 16))
    }

    @Test func functionEffectsSayWhatACallChanges() {
        let names = Self.names("fn fit(net) = train net on d\nfn go() = train shared on d\nfn pure(x) = x")
        #expect(names.functionEffects["fit"] == FunctionEffect(changesArguments: true, changedNames: []))
        #expect(names.functionEffects["go"] == FunctionEffect(changesArguments: false, changedNames: ["shared"]))
        #expect(names.functionEffects["pure"] == nil)
        #expect(names.mutates.isEmpty)
    }

    @Test func aliasesNameTheValueTheyShare() {
        let names = Self.names("let a = m; let l = m.layers[0]; let c = copy(m)")
        #expect(names.aliases == ["a": "m", "l": "m"])
    }

    static func names(_ code: String) -> CellNames {
        let parsed = Parser.parse(SourceFile(name: "t.nn", text: code))
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        return CellNames(parsed.program)
    }
}

/// A cell's identity across edits: its tokens, not its spacing or comments.
@Suite struct CellKeyTests {
    static func key(_ code: String) -> String { Cell(title: nil, prose: nil, code: code, codeLine: 1).codeKey }

    @Test(arguments: [
        ("let a = 1", "let  a=1   # one"),
        ("let a = 1\nlet b = 2", "let a = 1\n\n# gap\nlet b = 2\n"),
        ("let a = 1; let b = 2", "let a = 1\nlet b = 2"),
        ("train m on d with lr: 0.1", "train m on d with lr: 0.10"),
    ])
    func sameProgramSameKey(_ first: String, _ second: String) {
        #expect(Self.key(first) == Self.key(second))
    }

    @Test(arguments: [
        ("let a = 1", "let a = 2"),
        ("train m on d with lr: 0.1", "train m on d with lr: 0.3"),
        ("print(\"a b\")", "print(\"a  b\")"),
        ("let ab = 1", "let a = b1"),
    ])
    func differentProgramDifferentKey(_ first: String, _ second: String) {
        #expect(Self.key(first) != Self.key(second))
    }
}
