import Testing
@testable import NeuriteEngine

/// The data sets feed the trainer end to end and are learnable as the Playground and scikit-learn promise.
@Suite struct DatasetsTrainingTests {
    @Test func irisStandardisedWithTrainStatisticsIsLearnt() throws {
        let split = try BundledDataset.iris.load().split(test: 0.25, stratified: true, seed: 0)
        let (train, statistics) = split.train.standardised()
        let test = try split.test.standardised(using: statistics)
        let network = try Network(inputWidth: 4, specs: [.dense(16, .tanh), .dense(3), .softmax], seed: 1)
        let options = TrainingOptions(
            epochs: 100, batchSize: 16, loss: .softmaxCrossEntropy,
            optimizer: OptimizerOptions(kind: .adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8), learningRate: 0.01),
            seed: 2)
        _ = try Trainer.train(network, on: train, options: options)
        let evaluation = try Trainer.evaluate(network, on: test, loss: .softmaxCrossEntropy)
        #expect(evaluation.accuracy ?? 0 >= 0.9, "iris test accuracy \(String(describing: evaluation.accuracy))")
    }

    @Test func squaredFeaturesMakeThePlaygroundCircleLinearlySeparable() throws {
        let circle = try PlaygroundDataset.circle.generate(count: 500, noise: 0, seed: 3)
        func accuracy(_ data: Dataset) throws -> Double {
            let network = try Network(inputWidth: data.featureWidth, specs: [.dense(1, .sigmoid)], seed: 4)
            let options = TrainingOptions(
                epochs: 60, batchSize: 10, loss: .binaryCrossEntropy,
                optimizer: OptimizerOptions(kind: .adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8), learningRate: 0.05),
                seed: 5)
            _ = try Trainer.train(network, on: data, options: options)
            return try Trainer.evaluate(network, on: data, loss: .binaryCrossEntropy).accuracy ?? 0
        }
        let plain = try accuracy(circle)
        let squared = try accuracy(circle.mapped([.xSquared, .ySquared]))
        #expect(squared > 0.98, "with x², y²: \(squared)")
        #expect(plain < 0.8, "a line cannot separate a disc from a ring: \(plain)")
    }
}
