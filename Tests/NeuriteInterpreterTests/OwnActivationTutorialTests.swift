import Foundation
import Testing

/// The tutorial `Scripts/tutorials/own-activation.nn`, run once end to end (about 25 s in a debug
/// build, 1.5 s in a release one), and its walk-through `Docs/tutorials/own-activation.md`: every
/// figure a claim relies on is checked on the numbers the script produced, and every output block
/// of the page must be text the script printed.
@Suite struct OwnActivationTutorialTests {
    static let name = "own-activation"

    /// Rows of the sigmoid (`sig`) and tanh (`tan`) histories: one every 10 epochs, 0 to 200.
    static let rows = 0...20

    /// Expressions read after the script has run (names bound by the script).
    static let probes: [String] = {
        var probes = ["squareplus(0)", "squareplus'(0)", "squareplus''(0)"]
        probes += ["max([abs(squareplus'(x) - slope(x)) for x in grid])", "max([abs(squareplus''(x) - curvature(x)) for x in grid])"]
        probes += ["max([squareplus(x) - relu(x) for x in grid])"]
        for k in 0...5 { probes += ["runs[\(k)].final_loss", "runs[\(k)].accuracy[-1]"] }
        probes += ["min(runs[5].loss)"]
        for k in 0...4 { probes += ["mean(losses[\(k)])"] }
        for row in rows {
            for column in 0...9 { probes += ["sig[\(row)][\(column)]", "tan[\(row)][\(column)]"] }
        }
        for p in 0...2 {
            for column in 0...5 { probes += ["plateaus[\(p)][\(column)]"] }
        }
        return probes
    }()

    static let tutorial = TutorialScript(name: name, probes: probes)
    static var run: TutorialScript.Outcome { tutorial.outcome() }

    @Test func runsWithoutErrors() {
        #expect(Self.run.succeeded)
        #expect(Self.run.errors.isEmpty, "\(Self.run.errors)")
    }

    /// Section 1: the derivatives by automatic differentiation equal the hand-worked ones.
    @Test func derivativesMatchTheClosedForms() {
        let r = Self.run
        #expect(r.number("squareplus(0)") == 1)
        #expect(r.number("squareplus'(0)") == 0.5)
        #expect(r.number("squareplus''(0)") == 0.25)
        #expect(r.number("max([abs(squareplus'(x) - slope(x)) for x in grid])") < 1e-12)
        #expect(r.number("max([abs(squareplus''(x) - curvature(x)) for x in grid])") < 1e-12)
        #expect(r.number("max([squareplus(x) - relu(x) for x in grid])") == 1)
        #expect(r.lines.contains("largest gap to relu on -5..5: 1   at x = 5: 0.1926"))
    }

    /// Sections 3 and 4: squareplus learns the circle like the built-in rectifiers and tanh; the
    /// deep sigmoid network does not; over seeds 1–3 relu has the lowest mean final loss and
    /// squareplus's lies within the built-ins' spread.
    @Test func squareplusTrainsLikeTheBuiltIns() {
        let r = Self.run
        for k in 0...4 {
            #expect(r.number("runs[\(k)].accuracy[-1]") > 0.97)
            #expect(r.number("runs[\(k)].final_loss") < 0.06)
        }
        #expect(r.number("runs[5].final_loss") > 0.69)
        #expect(r.number("min(runs[5].loss)") > 0.69, "the sigmoid network never does better than ln 2")
        let means = (0...4).map { r.number("mean(losses[\($0)])") }
        #expect(means.allSatisfy { $0 < 0.06 }, "\(means)")
        #expect(means.min() == means[1], "relu has the lowest mean final loss: \(means)")
        let builtIns = means[1...]
        #expect(means[0] >= builtIns.min()! && means[0] <= builtIns.max()!, "squareplus within the built-ins' spread: \(means)")
    }

    /// Section 5, sigmoid, seed 1: the top hidden layer's mean output falls from about 0.5 to
    /// below 0.06 while the lower layers stay at 0.5 or above and the accuracy stays near chance
    /// (0.1) up to epoch 100, with no output below 0.03; then it rises again and the accuracy with it.
    @Test func sigmoidTopLayerSaturatesNearZeroThenRecovers() {
        let r = Self.run
        let top = Self.rows.map { r.number("sig[\($0)][5]") }
        let accuracy = Self.rows.map { r.number("sig[\($0)][1]") }
        #expect(abs(top[0] - 0.5) < 0.02)
        let low = top.indices.min { top[$0] < top[$1] } ?? 0
        #expect(top[low] < 0.06, "\(top)")
        #expect(low >= 5 && low <= 12, "lowest at row \(low): \(top)")
        for row in 0...low {
            #expect((2...4).allSatisfy { r.number("sig[\(row)][\($0)]") >= 0.49 && r.number("sig[\(row)][\($0)]") <= 0.7 }, "row \(row)")
        }
        #expect(r.number("sig[\(low)][4]") > 0.6, "layer 3 sits well above 0.5 on the plateau")
        #expect(accuracy[0...10].allSatisfy { $0 >= 0.05 && $0 <= 0.16 }, "\(accuracy)")
        for row in 0...low {
            #expect(r.number("sig[\(row)][9]") == 0, "no top-layer output below 0.03 during the plateau (row \(row))")
        }
        #expect(top[20] > 0.2 && accuracy[20] > 0.5, "top \(top[20]), accuracy \(accuracy[20])")
    }

    /// Section 5, tanh, seed 1: no drift of the top layer's mean (within ±0.03), fast learning,
    /// layer 1 the most saturated layer (beyond ±0.97) at epoch 10 and at epoch 200, every layer
    /// 45–74% saturated by epoch 20, and the fourth layer more saturated than the second and third
    /// at epoch 10.
    @Test func tanhTopLayerDoesNotCollapse() {
        let r = Self.run
        for row in Self.rows {
            #expect(abs(r.number("tan[\(row)][5]")) < 0.03, "row \(row)")
        }
        #expect(r.number("tan[1][1]") > 0.85)
        for row in [1, 20] {
            let saturated = (6...9).map { r.number("tan[\(row)][\($0)]") }
            #expect(saturated.max() == saturated[0], "row \(row): \(saturated)")
        }
        let at20 = (6...9).map { r.number("tan[2][\($0)]") }
        #expect(at20.allSatisfy { $0 >= 0.445 && $0 <= 0.745 }, "\(at20)")
        #expect(r.number("tan[1][9]") > r.number("tan[1][7]") && r.number("tan[1][9]") > r.number("tan[1][8]"))
        #expect(r.number("tan[20][1]") > r.number("sig[20][1]"))
    }

    /// Section 6: for seeds 1–3, the top layer's mean falls below 0.06 with the held-out accuracy
    /// at chance (at most 0.16) until then, only rises above 0.1 again after epoch 100, and every
    /// one has risen by epoch 200, still short of the tanh network's accuracy.
    @Test func plateauAcrossSeeds() {
        let r = Self.run
        for p in 0...2 {
            #expect(r.number("plateaus[\(p)][0]") == Double(p + 1))
            #expect(r.number("plateaus[\(p)][1]") < 0.06)
            #expect(r.number("plateaus[\(p)][3]") <= 0.16)
            let escape = r.number("plateaus[\(p)][4]")
            #expect(escape > 100 && escape <= 200, "seed \(p + 1): \(escape)")
            #expect(r.number("plateaus[\(p)][5]") < r.number("tan[20][1]"))
        }
    }

    @Test func walkThroughQuotesTheScript() throws {
        let blocks = try Self.tutorial.checkWalkThroughQuotesTheScript()
        #expect(blocks.text >= 6 && blocks.code >= 6)
    }
}
