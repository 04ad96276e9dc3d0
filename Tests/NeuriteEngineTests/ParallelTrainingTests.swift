import NeuriteNumerics
import Testing
@testable import NeuriteEngine

/// `Trainer.train(jobs, workers:)` gives every model exactly what training it alone gives.
@Suite struct ParallelTrainingTests {
    /// Eight Playground networks (2-8-8-1 tanh, sigmoid out) differing by seed, as W5 trains them.
    static func networks(activations: [Activation] = Array(repeating: .tanh, count: 8)) throws -> [Network] {
        try activations.enumerated().map { index, activation in
            try Network(
                inputWidth: 2, specs: [.dense(8, activation), .dense(8, activation), .dense(1, .sigmoid)],
                seed: UInt64(index + 1))
        }
    }

    static let options = TrainingOptions(
        epochs: 6, batchSize: 10, loss: .binaryCrossEntropy,
        optimizer: OptimizerOptions(kind: .adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8), learningRate: 0.03),
        validationFraction: 0.2, seed: 5)

    static let probes = ProbeOptions(interval: .epochs(1), gradientNorms: true, weightNorms: true, updateRatios: true, activationStatistics: true)

    static func weights(_ network: Network) -> [Float] { network.parameters.flatMap(\.value.values) }

    @Test(arguments: [1, 2, 3, 8, 20])
    func parallelEqualsSequentialBitForBit(workers: Int) throws {
        let data = try PlaygroundDataset.circle.generate(count: 200, noise: 0.1, seed: 1)
        let activations: [Activation] = [.tanh, .relu, .sigmoid, .tanh, .relu, .tanh, .sigmoid, .tanh]
        let alone = try Self.networks(activations: activations)
        let aloneRuns = try alone.map { try Trainer.train($0, on: data, options: Self.options, probes: Self.probes) }

        let together = try Self.networks(activations: activations)
        let jobs = together.map { TrainingJob(network: $0, data: data, options: Self.options, probes: Self.probes) }
        #expect(Trainer.jobsAreIndependent(jobs))
        let runs = Trainer.train(jobs, workers: workers)

        #expect(runs.count == alone.count)
        for index in alone.indices {
            let run = try runs[index].get()
            #expect(Self.weights(together[index]) == Self.weights(alone[index]), "model \(index + 1)")
            #expect(run.history == aloneRuns[index].history, "model \(index + 1)")
            #expect(run.probes == aloneRuns[index].probes, "model \(index + 1)")
            #expect(run.stopReason == aloneRuns[index].stopReason)
        }
    }

    @Test func eachJobKeepsItsOwnErrorAndStop() throws {
        let data = try PlaygroundDataset.circle.generate(count: 100, noise: 0.1, seed: 1)
        let networks = try Self.networks()
        var jobs = networks.prefix(3).map { TrainingJob(network: $0, data: data, options: Self.options) }
        jobs[1].options.epochs = -1  // invalid: this job fails, the others train
        jobs[2].callbacks = TrainingCallbacks(shouldStop: { true })
        let runs = Trainer.train(jobs, workers: 2)
        #expect(try runs[0].get().stopReason == .completed)
        #expect(throws: EngineError.self) { try runs[1].get() }
        #expect(try runs[2].get().stopReason == .interrupted(afterStep: 0))
    }

    @Test func sharedNetworkIsNotIndependent() throws {
        let data = try PlaygroundDataset.circle.generate(count: 50, seed: 1)
        let network = try Self.networks()[0]
        let job = TrainingJob(network: network, data: data, options: Self.options)
        #expect(!Trainer.jobsAreIndependent([job, job]))
        let optimizer = try Optimizer(options: Self.options.optimizer, parameters: network.parameters)
        let other = try Self.networks()[1]
        let sharingOptimizer = [
            TrainingJob(network: network, data: data, options: Self.options, optimizer: optimizer),
            TrainingJob(network: other, data: data, options: Self.options, optimizer: optimizer),
        ]
        #expect(!Trainer.jobsAreIndependent(sharingOptimizer))
    }
}
