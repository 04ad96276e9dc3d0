import Testing
@testable import NeuriteEngine

@Suite struct TrainingTests {
    static func xorNetwork(seed: UInt64) throws -> Network {
        try Network(inputWidth: 2, specs: [.dense(8, .tanh), .dense(1, .sigmoid)], seed: seed)
    }

    static let xorOptions = TrainingOptions(
        epochs: 500, batchSize: 4, loss: .binaryCrossEntropy,
        optimizer: OptimizerOptions(kind: .sgd, learningRate: 0.5), seed: 7)

    @Test func xorReachesStatedLoss() throws {
        let network = try Self.xorNetwork(seed: 1)
        let run = try Trainer.train(network, on: ToyDatasets.xor(), options: Self.xorOptions)
        #expect(run.stopReason == .completed)
        #expect(run.history.count == 500)
        let final = try #require(run.history.last)
        #expect(final.loss < 0.05, "XOR loss after 500 epochs: \(final.loss)")
        let evaluation = try Trainer.evaluate(network, on: ToyDatasets.xor(), loss: .binaryCrossEntropy)
        #expect(evaluation.accuracy == 1)
        #expect(evaluation.confusion == [[2, 0], [0, 2]])
    }

    @Test func moonsReachesStatedLoss() throws {
        let data = ToyDatasets.moons(count: 200, noise: 0.1, seed: 3)
        let network = try Network(inputWidth: 2, specs: [.dense(16, .relu), .dense(16, .relu), .dense(1, .sigmoid)], seed: 5)
        let options = TrainingOptions(
            epochs: 60, batchSize: 16, loss: .binaryCrossEntropy,
            optimizer: OptimizerOptions(kind: .adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8), learningRate: 0.01),
            validationFraction: 0.2, seed: 11)
        let run = try Trainer.train(network, on: data, options: options)
        let final = try #require(run.history.last)
        #expect(final.loss < 0.1, "moons loss: \(final.loss)")
        #expect((final.validationAccuracy ?? 0) > 0.95)
    }

    @Test func layerDescriptions() throws {
        let network = try Network(inputWidth: 2, specs: [.dense(8, .tanh), .dropout(rate: 0.5), .dense(3), .softmax], seed: 1)
        #expect(network.layerDescriptions.map(\.summary) == ["dense 2→8", "tanh", "dropout 0.5", "dense 8→3", "softmax"])
        #expect(network.layerDescriptions.map(\.specIndex) == [0, 0, 1, 2, 3])
        #expect(network.layerDescriptions.map(\.parameterCount) == [24, 0, 0, 27, 0])
        #expect(network.parameterCount == 51)
        #expect(network.outputWidth == 3)
    }

    @Test func sameSeedGivesBitIdenticalResults() throws {
        func once() throws -> ([Double], [Float]) {
            let network = try Self.xorNetwork(seed: 42)
            var options = Self.xorOptions
            options.epochs = 50
            options.batchSize = 2
            let run = try Trainer.train(network, on: ToyDatasets.xor(), options: options)
            return (run.history.map(\.loss), network.parameters.flatMap(\.value.values))
        }
        let (a, b) = (try once(), try once())
        #expect(a.0 == b.0)
        #expect(a.1 == b.1)
        let other = try Self.xorNetwork(seed: 43).parameters.flatMap(\.value.values)
        let same = try Self.xorNetwork(seed: 42).parameters.flatMap(\.value.values)
        #expect(other != same)
    }
}
