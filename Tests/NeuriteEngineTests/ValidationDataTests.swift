import Testing
@testable import NeuriteEngine

/// An explicit validation data set (`TrainingOptions.validationData`): every training sample
/// trains, and each epoch's validation figures are those of the engine's evaluation on that set.
@Suite struct ValidationDataTests {
    static func options(epochs: Int = 3, validation: Dataset? = nil, fraction: Double = 0) -> TrainingOptions {
        TrainingOptions(
            epochs: epochs, batchSize: 10, loss: .binaryCrossEntropy,
            optimizer: OptimizerOptions(kind: .sgd, learningRate: 0.1), validationFraction: fraction, seed: 4,
            validationData: validation)
    }

    static func network() throws -> Network {
        try Network(inputWidth: 2, specs: [.dense(8, .tanh), .dense(1, .sigmoid)], seed: 3)
    }

    @Test func validationFiguresAreThoseOfTheGivenDataSet() throws {
        let data = ToyDatasets.moons(count: 100, noise: 0.1, seed: 2)
        let held = ToyDatasets.moons(count: 40, noise: 0.1, seed: 9)
        let network = try Self.network()
        var evaluations: [Evaluation] = []
        let run = try Trainer.train(
            network, on: data, options: Self.options(validation: held),
            callbacks: TrainingCallbacks(onEpoch: { _ in
                if let evaluation = try? Trainer.evaluate(network, on: held, loss: .binaryCrossEntropy) {
                    evaluations.append(evaluation)
                }
            }))
        #expect(run.history.count == 3)
        #expect(run.history.map(\.validationLoss) == evaluations.map(\.loss))
        #expect(run.history.map(\.validationAccuracy) == evaluations.map(\.accuracy))
        // All 100 samples train: 10 steps of 10 per epoch.
        #expect(run.steps == 30)
    }

    @Test func theSameSettingsGiveTheSameFigures() throws {
        let data = ToyDatasets.moons(count: 60, noise: 0.1, seed: 2)
        let held = ToyDatasets.moons(count: 20, noise: 0.1, seed: 5)
        let first = try Trainer.train(try Self.network(), on: data, options: Self.options(validation: held))
        let second = try Trainer.train(try Self.network(), on: data, options: Self.options(validation: held))
        #expect(first.history == second.history)
        #expect(first.history.allSatisfy { $0.validationLoss != nil && $0.validationAccuracy != nil })
    }

    @Test func aFractionAndADataSetTogetherAreRefused() throws {
        let data = ToyDatasets.moons(count: 40, noise: 0.1, seed: 2)
        #expect(throws: EngineError.self) {
            try Trainer.train(try Self.network(), on: data, options: Self.options(validation: data, fraction: 0.2))
        }
        let empty = data.subset([])
        #expect(throws: EngineError.self) {
            try Trainer.train(try Self.network(), on: data, options: Self.options(validation: empty))
        }
    }

    @Test func aValidationSetOfTheWrongShapeIsRefused() throws {
        let data = ToyDatasets.moons(count: 40, noise: 0.1, seed: 2)
        let wide = try Dataset(features: Tensor(shape: [4, 3], values: Array(repeating: 0.5, count: 12)),
                               targets: .values(Tensor(shape: [4, 1], values: [0, 1, 0, 1])))
        #expect(throws: EngineError.self) {
            try Trainer.train(try Self.network(), on: data, options: Self.options(validation: wide))
        }
    }
}
