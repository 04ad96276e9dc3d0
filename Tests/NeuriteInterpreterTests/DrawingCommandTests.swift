import Foundation
import NeuriteLanguage
import Testing

@testable import NeuriteInterpreter

/// The drawing commands' figures, layout, colour, SVG output and `:help` examples.
@Suite struct DrawingCommandTests {
    /// A session of `width` columns, with or without colour.
    static func session(color: Bool = false, width: Int = 80) -> (Session, CapturingSink) {
        let sink = CapturingSink()
        let options = SessionOptions(color: color, terminalWidth: width, terminalHeight: 24)
        return (Session(options: options, output: sink, interrupt: InterruptFlag()), sink)
    }

    /// Runs `source` as a script; fails the test on any error.
    static func run(_ source: String, in session: Session, sink: CapturingSink) -> String {
        sink.clear()
        let outcome = session.run(source, fileName: "<test>", echo: .none)
        #expect(outcome == .success, "\(sink.errors)")
        return sink.output
    }

    /// The figure after "LABEL: " on a line starting with two spaces and LABEL, in the block of `model`.
    static func figure(_ output: String, model: String, layer: String) -> String? {
        var inModel = false
        for line in output.split(separator: "\n") {
            if !line.hasPrefix(" ") { inModel = line.hasPrefix(model + ":") && line.contains(" on ") }
            if inModel, line.hasPrefix("  \(layer): ") { return String(line.dropFirst(layer.count + 4)) }
        }
        return nil
    }

    @Test func deadUnitsOfASeededNegativeBiasNetwork() {
        let (session, sink) = Self.session()
        let output = Self.run(
            """
            data ring = circle(n: 100, noise: 0.1, seed: 1)
            model dying { input 2; dense 8, relu, bias: -3; dense 8, relu, bias: -3; dense 1, sigmoid }
            model dead_first { input 2; dense 8, relu, bias: -30; dense 8, relu, bias: -3; dense 1, sigmoid }
            let runs = train dying, dead_first on ring with epochs: 1, lr: 0.001, seed: 1
            dead runs on ring
            """, in: session, sink: sink)
        // Seeded figures (recorded from this configuration).
        #expect(Self.figure(output, model: "dying", layer: "1 relu") == "3 of 8 dead")
        #expect(Self.figure(output, model: "dying", layer: "2 relu") == "7 of 8 dead")
        // Reasoned figures: a bias of -30 outweighs any w·x on this data, so the whole first layer is
        // dead; the second then sees only zeros, and its bias -3 kills it too.
        #expect(Self.figure(output, model: "dead_first", layer: "1 relu") == "8 of 8 dead")
        #expect(Self.figure(output, model: "dead_first", layer: "2 relu") == "8 of 8 dead")
    }

    @Test func reluIsSparseAndTanhIsNot() throws {
        let (session, sink) = Self.session()
        let output = Self.run(
            """
            data ring = circle(n: 100, noise: 0.1, seed: 1)
            model pair(act) { input 2; dense 8, act; dense 8, act; dense 1, sigmoid }
            let runs = train pair(relu), pair(tanh) on ring with epochs: 2, seed: 1
            sparsity runs on ring
            """, in: session, sink: sink)
        for layer in ["1", "2"] {
            let relu = try #require(Self.figure(output, model: "pair(relu)", layer: "\(layer) relu").flatMap(Double.init))
            let tanh = try #require(Self.figure(output, model: "pair(tanh)", layer: "\(layer) tanh").flatMap(Double.init))
            #expect(relu > 0.2)
            #expect(tanh == 0)
        }
    }

    /// The issue's "why": in a deep sigmoid network the gradient vanishes towards the input; with
    /// ReLU it does not. Checked on the figures `gradients runs` draws (the last epoch's norms).
    @Test func gradientFlowShowsTheVanishingGradient() throws {
        let (session, sink) = Self.session()
        _ = Self.run(
            """
            data ring = circle(noise: 0.1, seed: 1)
            model deep(act) { input 2; repeat 6 { dense 8, act }; dense 1, sigmoid }
            let runs = train deep(sigmoid), deep(relu) on ring with epochs: 20, lr: 0.03
            """, in: session, sink: sink)
        guard case .runs(let runs) = try #require(session.evaluator.globals.lookup("runs")) else {
            Issue.record("runs is not a runs value")
            return
        }
        let norms = try runs.runs.map { run in try #require(GradientSeries(run.run.probes).last).map(\.norm) }
        let (sigmoid, relu) = (try #require(norms.first), try #require(norms.last))
        #expect(sigmoid.count == 7 && relu.count == 7)
        #expect(sigmoid[0] < sigmoid[6] / 100)  // first layer: orders of magnitude below the last
        #expect(relu[0] > relu[6] / 10)  // ReLU keeps it within one order
        let drawn = Self.run("gradients runs", in: session, sink: sink)
        #expect(drawn.contains("deep(sigmoid): ‖∂L/∂W‖ by layer × epoch"))
        #expect(drawn.contains("1 sigmoid ┤"))
    }

    @Test func colourOnlyWhenTheSessionHasIt() {
        let source = "plot relu, tanh over -2..2\nheatmap [[1, 2], [3, 4]]\nbars [1, 2]"
        let (plain, plainSink) = Self.session(color: false)
        #expect(!Self.run(source, in: plain, sink: plainSink).contains("\u{1B}"))
        let (coloured, colouredSink) = Self.session(color: true)
        let output = Self.run(source, in: coloured, sink: colouredSink)
        #expect(output.contains("\u{1B}[38;5;"))  // 256-colour escapes
        #expect(output.contains("\u{1B}[0m"))
    }

    @Test(arguments: [40, 60, 100])
    func plotsKeepToTheTerminalWidth(_ width: Int) {
        let (session, sink) = Self.session(width: width)
        let output = Self.run(
            """
            plot relu, relu' over -3..3
            bars [1, 2, 3], [3, 2, 1], [2, 2, 2] with labels: ["a", "b", "c"]
            """, in: session, sink: sink)
        for line in output.split(separator: "\n") {
            #expect(line.count <= width, "\(line)")
        }
    }

    /// After a resize, plots follow the new width; a nonsensical size is ignored; `:reset` keeps it.
    @Test func plotsFollowTheUpdatedTerminalSize() {
        let (session, sink) = Self.session(width: 100)
        func widest(_ source: String) -> Int {
            Self.run(source, in: session, sink: sink).split(separator: "\n").map(\.count).max() ?? 0
        }
        let source = "plot relu over -3..3"
        let wide = widest(source)
        #expect(wide > 60 && wide <= 100)
        session.updateTerminalSize(width: 50, height: 20)
        #expect(session.options.terminalWidth == 50 && session.options.terminalHeight == 20)
        let narrow = widest(source)
        #expect(narrow <= 50 && narrow > 30, "\(narrow)")
        session.updateTerminalSize(width: 0, height: 0)
        #expect(widest(source) == narrow)
        session.reset()
        #expect(widest(source) == narrow)
    }

    @Test func sideBySideLayout() {
        #expect(SideBySide.layout(count: 1, totalWidth: 80, preferred: nil) == (1, 80))
        #expect(SideBySide.layout(count: 2, totalWidth: 80, preferred: nil) == (2, 39))
        #expect(SideBySide.layout(count: 3, totalWidth: 80, preferred: nil) == (2, 39))
        #expect(SideBySide.layout(count: 3, totalWidth: 120, preferred: nil) == (3, 38))
        #expect(SideBySide.layout(count: 2, totalWidth: 60, preferred: nil) == (1, 60))
        #expect(SideBySide.layout(count: 2, totalWidth: 100, preferred: 30) == (2, 30))
        let joined = SideBySide.join(["ab\ncd\nef", "xy"], width: 2, perRow: 2)
        #expect(joined == "ab  xy\ncd\nef")
        #expect(SideBySide.join(["a", "b", "c"], width: 1, perRow: 2) == "a  b\n\nc")
    }

    @Test func svgIsWrittenWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neurite-svg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (session, sink) = Self.session()
        let one = folder.appendingPathComponent("relu.svg").path
        let output = Self.run("plot relu with svg: \"\(one)\"\nbars [1], [2] with svg: \"\(folder.path)/b.svg\"", in: session, sink: sink)
        #expect(output.contains("saved \(one)"))
        for path in [one, folder.path + "/b-1.svg", folder.path + "/b-2.svg"] {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains("<svg"))
            #expect(text.contains("</svg>"))
        }
        sink.clear()
        _ = session.run("plot relu with svg: \"/nonexistent-folder/x.svg\"", fileName: "<test>", echo: .none)
        #expect(sink.errors.contains("cannot write '/nonexistent-folder/x.svg'"))
    }

    /// Every drawing command has `:help` whose example runs and draws.
    @Test(arguments: ["plot", "show", "heatmap", "bars", "histogram", "scatter", "gradients", "dead", "saturation",
                      "sparsity", "boundary"])
    func helpExampleDraws(_ word: String) throws {
        let (session, sink) = Self.session()
        let command = try #require(CommandWord(rawValue: word))
        let signature = try #require(session.evaluator.commands.signatures[command])
        #expect(signature.helpText.contains("example:"))
        let output = Self.run(signature.example, in: session, sink: sink)
        #expect(output.split(separator: "\n").count >= 3, "\(word): \(output)")
    }
}
