import NeuriteEngine

/// W5, the Playground comparison: the engine's side of the script
/// `train net(1), …, net(8) on ring with epochs: 100, batch: 10`: eight 2-8-8-1 tanh networks with a
/// sigmoid output (BCE), differing by their initial weights' seed, trained on the Playground's
/// `circle(noise: 0.1, seed: 1)` (500 points) with the interpreter's defaults: plain SGD at lr 0.03,
/// minibatch order from seed 0 (the same for every model), and its per-epoch work: the epoch record
/// and the probes `train` records by default (gradient and weight norms, activation statistics,
/// every epoch). The whole comparison is timed, network construction included, with one worker
/// (the models one after the other) and with two (``Trainer/train(_:workers:)``).
struct Comparison {
    static let name = "W5"
    static let title = "playground comparison: 8 × 2-8-8-1 tanh/sigmoid BCE b10, 100 epochs on circle"
    static let modelCount = 8
    static let specs: [LayerSpec] = [.dense(8, .tanh), .dense(8, .tanh), .dense(1, .sigmoid)]
    static let batchSize = 10
    /// `TrainingSettings.probes` with the default `probe_every: 1`.
    static let probes = ProbeOptions(
        interval: .epochs(1), gradientNorms: true, weightNorms: true, updateRatios: false, activationStatistics: true)

    let epochs: Int
    let data: Dataset

    init(scale: Double) throws {
        epochs = Swift.max(Int((100 * scale).rounded()), 1)
        data = try PlaygroundDataset.circle.generate(count: 500, noise: 0.1, seed: 1)
    }

    var options: TrainingOptions {
        TrainingOptions(
            epochs: epochs, batchSize: Self.batchSize, loss: .binaryCrossEntropy,
            optimizer: OptimizerOptions(kind: .sgd, learningRate: 0.03), seed: 0)
    }

    /// Steps of one model over the run, and of the whole comparison.
    var stepsPerModel: Int { epochs * ((data.count + Self.batchSize - 1) / Self.batchSize) }
    var totalSteps: Int { stepsPerModel * Self.modelCount }

    /// The same count as ``Workload/flopsPerStep`` for W1's shapes.
    static var flopsPerStep: Double {
        let shapes = [(2, 8), (8, 8), (8, 1)]
        return shapes.enumerated().reduce(0.0) { total, entry in
            total + (entry.offset == 0 ? 2.0 : 3.0) * 2 * Double(batchSize * entry.element.0 * entry.element.1)
        }
    }

    /// Trains the eight models, `workers` at a time (``Trainer/train(_:workers:)``: one model per
    /// worker thread, OpenBLAS single-threaded); returns the seconds taken and the mean final loss.
    func run(workers: Int, stopwatch: Stopwatch) throws -> (seconds: Double, meanLoss: Double) {
        let start = stopwatch.now()
        let jobs = try (1...Self.modelCount).map { model in
            TrainingJob(
                network: try Network(inputWidth: 2, specs: Self.specs, seed: UInt64(model)), data: data,
                options: options, probes: Self.probes)
        }
        var lossSum = 0.0
        for outcome in Trainer.train(jobs, workers: workers) {
            lossSum += try outcome.get().history.last?.loss ?? .nan
        }
        return (stopwatch.now() - start, lossSum / Double(Self.modelCount))
    }
}
