import Testing
@testable import NeuriteEngine

/// The loss is checked before each update, so only the run's last update could leave NaN or ∞
/// weights unnoticed: the trainer scans the parameters once at the end and reports divergence.
@Suite struct FinalWeightsDivergenceTests {
    static func data() -> Dataset { ToyDatasets.moons(count: 16, noise: 0.1, seed: 2) }

    static func network() throws -> Network {
        try Network(inputWidth: 2, specs: [.dense(4, .tanh), .dense(1, .sigmoid)], seed: 3)
    }

    static func options(learningRate: Double, epochs: Int = 1, batch: Int = 16) -> TrainingOptions {
        TrainingOptions(epochs: epochs, batchSize: batch, loss: .binaryCrossEntropy,
                        optimizer: OptimizerOptions(kind: .sgd, learningRate: learningRate), seed: 1)
    }

    static func allWeightsFinite(_ network: Network) -> Bool {
        network.parameters.allSatisfy { $0.value.values.allSatisfy(\.isFinite) }
    }

    /// One step of one epoch with lr 1e300: the update overflows every weight with a gradient.
    @Test func anOverflowingLastUpdateIsReported() throws {
        let network = try Self.network()
        let run = try Trainer.train(network, on: Self.data(), options: Self.options(learningRate: 1e300))
        #expect(!Self.allWeightsFinite(network))
        guard case .diverged(let report) = run.stopReason else {
            Issue.record("expected divergence, got \(run.stopReason)")
            return
        }
        #expect(report.cause == .nonFiniteWeights)
        #expect(report.step == 1 && run.steps == 1)
        #expect(report.epoch == 1)
        #expect(report.loss.isFinite)
        #expect(report.layer == 0)
        #expect(report.layerSummary == network.layers[0].summary)
        #expect(report.description.contains("training diverged at step 1 (epoch 1)"))
    }

    /// The same overflow on an earlier step is caught by the next step's loss, as before (its
    /// update is not applied, and the report is about the loss, not the final weights).
    @Test func anEarlierOverflowIsStillCaughtByTheNextStep() throws {
        let run = try Trainer.train(
            try Self.network(), on: Self.data(), options: Self.options(learningRate: 1e300, epochs: 2, batch: 8))
        guard case .diverged(let report) = run.stopReason else {
            Issue.record("expected divergence, got \(run.stopReason)")
            return
        }
        #expect(report.step == 2 && run.steps == 1)
        #expect(report.cause != .nonFiniteWeights)
    }

    /// An interrupted run right after the overflowing update is reported too.
    @Test func anInterruptAfterTheOverflowIsReported() throws {
        var steps = 0
        let run = try Trainer.train(
            try Self.network(), on: Self.data(), options: Self.options(learningRate: 1e300, epochs: 5, batch: 8),
            callbacks: TrainingCallbacks(shouldStop: { steps >= 1 }, onStep: { steps = $0.step }))
        guard case .diverged(let report) = run.stopReason else {
            Issue.record("expected divergence, got \(run.stopReason)")
            return
        }
        #expect(report.cause == .nonFiniteWeights && report.step == 1)
    }

    /// Ordinary training is not affected.
    @Test func aSaneRunCompletes() throws {
        let network = try Self.network()
        let run = try Trainer.train(network, on: Self.data(), options: Self.options(learningRate: 0.1, epochs: 3))
        #expect(run.stopReason == .completed)
        #expect(Self.allWeightsFinite(network))
    }
}
