import Foundation
import NeuriteEngine
import NeuriteLanguage
import NeuritePlot
import Testing
@testable import NeuriteInterpreter

/// The live training view: its frames (golden text at pinned sizes), the in-place redraw, and what
/// the training threads report.
@Suite struct LiveViewTests {
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Compares with `Golden/NAME.txt`; `NEURITE_RECORD=1` writes it instead and fails.
    static func checkGolden(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let url = goldenFolder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["NEURITE_RECORD"] == "1" {
            try? FileManager.default.createDirectory(at: goldenFolder, withIntermediateDirectories: true)
            try? Data(text.utf8).write(to: url)
            Issue.record("recorded \(name); review it and rerun without NEURITE_RECORD", sourceLocation: sourceLocation)
            return
        }
        let expected = try? String(contentsOf: url, encoding: .utf8)
        #expect(expected == text, "golden \(name) differs; actual:\n\(text)", sourceLocation: sourceLocation)
    }

    /// Three models trained a few epochs on circle data, with probes, and their progress as the
    /// training threads report it (one diverged, one still running).
    static func progress() throws -> (TrainingMonitor, LiveDashboard) {
        let data = try PlaygroundDataset.circle.generate(count: 120, noise: 0.1, seed: 1)
        let models: [(String, [LayerSpec], Double, Int)] = [
            ("net(tanh)", [.dense(6, .tanh), .dense(6, .tanh), .dense(1, .sigmoid)], 0.03, 8),
            ("net(relu)", [.dense(6, .relu), .dense(6, .relu), .dense(1, .sigmoid)], 0.03, 5),
            ("net(wild)", [.dense(6, .relu), .dense(6, .relu), .dense(1, .sigmoid)], 1e38, 8),
        ]
        let monitor = TrainingMonitor(models.map { TrainingMonitor.Progress(label: $0.0, totalEpochs: 8, firstEpoch: 0) })
        var jobs: [TrainingJob] = []
        for (index, model) in models.enumerated() {
            let network = try Network(inputWidth: 2, specs: model.1, seed: UInt64(index + 1))
            let options = TrainingOptions(
                epochs: model.3, batchSize: 10, loss: .binaryCrossEntropy,
                optimizer: OptimizerOptions(kind: .sgd, learningRate: model.2), seed: 3)
            jobs.append(TrainingJob(
                network: network, data: data, options: options, probes: ProbeOptions(interval: .epochs(1), gradientNorms: true),
                callbacks: monitor.callbacks(for: index, network: network, base: TrainingCallbacks())))
        }
        _ = Trainer.train(jobs, workers: 2)
        let dashboard = try LiveDashboard(
            models: models.map { ($0.0, 2, $0.1) }, data: data, span: Span(start: 0, end: 0))
        return (monitor, dashboard)
    }

    @Test(arguments: [(80, 24), (120, 40), (60, 60), (200, 50)])
    func frameAtPinnedSize(columns: Int, rows: Int) throws {
        let (monitor, dashboard) = try Self.progress()
        var progress = monitor.progress
        // Seconds vary from run to run: pinned for the golden text.
        for index in progress.indices { progress[index].seconds = 1.5 }
        let lines = dashboard.frame(progress).lines(columns: columns, rows: rows)
        #expect(lines.count <= rows - 1)
        for line in lines { #expect(TerminalText.columns(line) <= columns - 1, "\(line)") }
        Self.checkGolden(lines.joined(separator: "\n") + "\n", "live-\(columns)x\(rows)")
    }

    @Test func frameNamesTheModelsThatDoNotFit() throws {
        let (monitor, dashboard) = try Self.progress()
        let lines = dashboard.frame(monitor.progress).lines(columns: 40, rows: 12)
        #expect(lines.count <= 11)
        let last = try #require(lines.last)
        #expect(last.hasPrefix("+3 more: net(tanh)"), "\(lines.joined(separator: "\n"))")
    }

    @Test func monitorSeesEveryEpochAndTheEnd() throws {
        let (monitor, _) = try Self.progress()
        let progress = monitor.progress
        #expect(progress.map(\.epoch) == [8, 5, 0])
        #expect(progress[0].losses.count == 8)
        #expect(progress[0].stop == .completed)
        guard case .diverged? = progress[2].stop else {
            Issue.record("the model with lr 1e9 should diverge: \(String(describing: progress[2].stop))")
            return
        }
        // Final weights are always snapshot, so the last frame shows where each model ended.
        #expect(progress.allSatisfy { $0.weights != nil })
        #expect(progress[0].gradientNorms.keys.sorted() == [0, 2, 4])
    }

    @Test func redrawMovesBackOverTheLastFrame() {
        var redraw = LiveRedraw()
        let first = redraw.frame(["a", "b", "c"], columns: 20, rows: 10)
        #expect(first == "\u{1B}[?2026h\ra\u{1B}[K\nb\u{1B}[K\nc\u{1B}[K\u{1B}[J\u{1B}[?2026l")
        let second = redraw.frame(["d", "e"], columns: 20, rows: 10)
        #expect(second == "\u{1B}[?2026h\r\u{1B}[2Ad\u{1B}[K\ne\u{1B}[K\u{1B}[J\u{1B}[?2026l")
        #expect(redraw.finish() == "\n")
        #expect(redraw.finish() == "")
    }

    @Test func redrawFitsTheScreenAndCountsRewrappedLines() {
        var redraw = LiveRedraw()
        // Lines are cut one column short of the width; a frame is one row shorter than the screen.
        let first = redraw.frame(["0123456789", "x", "y", "z"], columns: 8, rows: 4)
        #expect(first.contains("0123456\u{1B}[K"))
        #expect(!first.contains("z"))
        // The terminal narrows to 4 columns: the 7-column line now takes 2 rows, so 4 rows up in all.
        let second = redraw.frame(["a"], columns: 4, rows: 4)
        #expect(second.hasPrefix("\u{1B}[?2026h\r\u{1B}[3A"))
    }

    @Test func clippedKeepsColoursAndResets() {
        let red = "\u{1B}[31m"
        let line = red + "abcdef" + "\u{1B}[0m"
        #expect(TerminalText.clipped(line, to: 3) == red + "abc\u{1B}[0m")
        #expect(TerminalText.clipped("abcdef", to: 3) == "abc")
        #expect(TerminalText.clipped("abc", to: 3) == "abc")
        #expect(TerminalText.columns(line) == 6)
    }

    /// Bars span four decades below the largest norm: a vanishing gradient is a short bar, not none.
    @Test(arguments: [(1.0, 1.0), (1e-1, 0.75), (1e-2, 0.5), (1e-4, 0), (1e-7, 0)])
    func gradientBarsAreLogarithmic(norm: Double, filled: Double) throws {
        let line = LiveFrame.bar("L1", norm, largest: 1, width: 40, ascii: true)
        let inside = try #require(line.split(separator: "|").dropFirst().first)
        let hashes = Double(inside.filter { $0 == "#" }.count)
        #expect(abs(hashes / Double(inside.count) - filled) <= 1.0 / Double(inside.count), "\(line)")
        #expect(line.hasPrefix("L1   |"))
    }
}
