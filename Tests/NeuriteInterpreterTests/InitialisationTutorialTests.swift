import Foundation
import Testing

/// The tutorial `Scripts/tutorials/initialisation.nn`, run once end to end (about 30 s in a debug
/// build, 3 s in a release one), and its walk-through `Docs/tutorials/initialisation.md`: every
/// figure a claim relies on is checked on the numbers the script produced, and every output block
/// of the page must be text the script printed.
@Suite struct InitialisationTutorialTests {
    static let name = "initialisation"

    /// Expressions read after the script has run (names bound by the script).
    static let probes: [String] = {
        var probes = ["naive_rms[8]", "glorot_rms[8]", "min(he_rms)", "max(he_rms)", "trials"]
        probes += ["factor(naive_rms)", "factor(glorot_rms)", "factor(he_rms)", "factors[0]", "factors[1]", "factors[2]"]
        for k in 0...2 { probes += ["min(span(\(k)))", "max(span(\(k)))"] }
        probes += ["runs[0].final_loss", "runs[0].accuracy[-1]", "runs[1].final_loss", "runs[1].accuracy[-1]"]
        probes += ["min(runs[0].loss)", "max(runs[0].loss)"]
        for k in [0, 9, 19] { probes += ["first_g[\(k)] / first_h[\(k)]", "last_g[\(k)]"] }
        for s in 0...4 {
            probes += ["deep_glorot[\(s)][1]", "deep_glorot[\(s)][2]", "deep_glorot[\(s)][4]", "deep_he[\(s)][2]", "mid_glorot[\(s)][2]"]
        }
        for row in 0...8 { probes += ["born_dead[\(row)][0]", "born_dead[\(row)][1]", "born_dead[\(row)][2]"] }
        return probes
    }()

    static let tutorial = TutorialScript(name: name, probes: probes)
    static var run: TutorialScript.Outcome { tutorial.outcome() }

    @Test func runsWithoutErrors() {
        #expect(Self.run.succeeded)
        #expect(Self.run.errors.isEmpty, "\(Self.run.errors)")
    }

    /// Section 1: the mean square is multiplied by fan_in × Var(w) / 2 per 16 → 16 ReLU layer.
    @Test func predictedFactors() {
        #expect(Self.run.lines.contains("mean square × per 16 → 16 layer:  naive 8   glorot 0.5   he 1"))
        #expect(Self.run.lines.contains("root mean square × per layer:     naive 2.828   glorot 0.707   he 1"))
    }

    /// Section 2: the signal grows by about √8 per layer with normal(0, 1), shrinks by about √0.5
    /// with Glorot's variance, and holds with He's; measured, seed 1 and the mean over seeds 1–10.
    @Test func signalGrowsShrinksOrHolds() {
        let r = Self.run
        #expect(r.number("naive_rms[8]") > 1000)
        #expect(r.number("glorot_rms[8]") < 0.05)
        #expect(r.number("min(he_rms)") > 1.5 && r.number("max(he_rms)") < 4.5)
        let predicted: [Double] = [(8.0).squareRoot(), (0.5).squareRoot(), 1]
        for (k, name) in ["naive", "glorot", "he"].enumerated() {
            let one = r.number("factor(\(name)_rms)"), many = r.number("factors[\(k)]")
            #expect(abs(one / predicted[k] - 1) < 0.15, "\(name), seed 1: \(one) against \(predicted[k])")
            #expect(abs(many / predicted[k] - 1) < 0.03, "\(name), seeds 1–10: \(many) against \(predicted[k])")
        }
    }

    /// Section 3: in a ReLU stack the gradient is not smaller near the input; the whole network's
    /// gradients are huge (naive), tiny (Glorot) or moderate (He), within a factor of 20 per model.
    @Test func gradientScaleIsSetByTheInitialiser() {
        let r = Self.run
        #expect(r.number("min(span(0))") > 1000)
        #expect(r.number("max(span(1))") < 0.05)
        #expect(r.number("min(span(2))") > 0.1 && r.number("max(span(2))") < 10)
        for k in 0...2 {
            #expect(r.number("max(span(\(k)))") / r.number("min(span(\(k)))") < 20)
        }
    }

    /// Section 4: 30 ReLU layers, seed 1: Glorot stays at chance, He learns the circle; Glorot's
    /// gradients after the first epoch are 10⁻⁴ to 10⁻⁷ of He's in layers 1, 10 and 20, and below
    /// 10⁻⁷ at epoch 100; its loss stays between 0.692 and 0.694 throughout.
    @Test func thirtyLayersGlorotStallsHeTrains() {
        let r = Self.run
        #expect(r.number("runs[0].final_loss") > 0.69)
        #expect(r.number("min(runs[0].loss)") > 0.692 && r.number("max(runs[0].loss)") < 0.694, "flat for 100 epochs")
        #expect(r.number("runs[0].accuracy[-1]") < 0.55)
        #expect(r.number("runs[1].final_loss") < 0.2)
        #expect(r.number("runs[1].accuracy[-1]") > 0.95)
        for k in [0, 9, 19] {
            let ratio = r.number("first_g[\(k)] / first_h[\(k)]")
            #expect(ratio < 1e-4 && ratio > 1e-7, "layer \(k + 1): \(ratio)")
            #expect(r.number("last_g[\(k)]") < 1e-7)
        }
    }

    /// Section 5: seeds 1–5. glorot(30): none trained at epoch 100 (loss above 0.68), one of five
    /// by epoch 200; he(30) and glorot(20): all five above 0.95 accuracy at epoch 100.
    @Test func acrossSeedsAndDepths() {
        let r = Self.run
        let at100 = (0...4).map { r.number("deep_glorot[\($0)][2]") }
        let at200 = (0...4).map { r.number("deep_glorot[\($0)][4]") }
        #expect(at100.allSatisfy { $0 < 0.55 }, "\(at100)")
        #expect((0...4).allSatisfy { r.number("deep_glorot[\($0)][1]") > 0.68 })
        #expect(at200.filter { $0 > 0.9 }.count == 1, "\(at200)")
        #expect(at200[2] > 0.9, "seed 3 is the one that escapes: \(at200)")
        #expect((0...4).allSatisfy { r.number("deep_he[\($0)][2]") > 0.95 })
        #expect((0...4).allSatisfy { r.number("mid_glorot[\($0)][2]") > 0.95 })
    }

    /// Section 6: the fraction of seeds whose network outputs exactly 0 at x agrees with
    /// 1 − (1 − 2^−N)^L within 4 binomial standard deviations, computed here, not by the script.
    @Test func bornDeadMatchesTheClosedForm() {
        let r = Self.run
        let trials = r.number("trials")
        #expect(trials == 1000)
        var cells: [(Double, Double)] = []
        for row in 0...8 {
            let width = r.number("born_dead[\(row)][0]"), layers = r.number("born_dead[\(row)][1]")
            let measured = r.number("born_dead[\(row)][2]")
            let p = 1 - pow(1 - pow(2, -width), layers)
            let tolerance = max(4 * (p * (1 - p) / trials).squareRoot(), 1 / trials)
            #expect(abs(measured - p) <= tolerance, "N \(width), L \(layers): measured \(measured), predicted \(p) ± \(tolerance)")
            cells.append((width, layers))
        }
        let expected: [(Double, Double)] = [(2, 5), (2, 10), (2, 30), (4, 5), (4, 10), (4, 30), (8, 5), (8, 10), (8, 30)]
        #expect(cells.map(\.0) == expected.map(\.0) && cells.map(\.1) == expected.map(\.1))
    }

    @Test func walkThroughQuotesTheScript() throws {
        let blocks = try Self.tutorial.checkWalkThroughQuotesTheScript()
        #expect(blocks.text >= 6 && blocks.code >= 6)
    }
}
