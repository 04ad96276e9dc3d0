import NeuriteNumerics
import Testing
@testable import NeuriteEngine

/// Stopping, divergence, early stopping, validation and probes.
@Suite struct TrainingControlTests {
    static func moons() -> Dataset { ToyDatasets.moons(count: 120, noise: 0.1, seed: 2) }

    static func options(epochs: Int = 20, lr: Double = 0.1) -> TrainingOptions {
        TrainingOptions(epochs: epochs, batchSize: 10, loss: .binaryCrossEntropy,
                        optimizer: OptimizerOptions(kind: .sgd, learningRate: lr), seed: 4)
    }

    static func network(seed: UInt64 = 3) throws -> Network {
        try Network(inputWidth: 2, specs: [.dense(8, .tanh), .dense(1, .sigmoid)], seed: seed)
    }

    @Test func stoppingBetweenStepsLeavesAConsistentState() throws {
        // Stop after 25 steps (epoch 3, step 5 of 12): the weights must equal those of an
        // uninterrupted run of exactly 25 steps, and only whole epochs are in the history.
        let stopped = try Self.network()
        var steps = 0
        let run = try Trainer.train(stopped, on: Self.moons(), options: Self.options(),
                                    callbacks: TrainingCallbacks(shouldStop: { steps >= 25 }, onStep: { steps = $0.step }))
        #expect(run.stopReason == .interrupted(afterStep: 25))
        #expect(run.steps == 25)
        #expect(run.history.count == 2)
        let reference = try Self.network()
        var referenceSteps = 0
        _ = try Trainer.train(reference, on: Self.moons(), options: Self.options(),
                              callbacks: TrainingCallbacks(shouldStop: { referenceSteps >= 25 }, onStep: { referenceSteps = $0.step }))
        #expect(stopped.parameters.flatMap(\.value.values) == reference.parameters.flatMap(\.value.values))
        let untouched = try Self.network()
        #expect(stopped.parameters.flatMap(\.value.values) != untouched.parameters.flatMap(\.value.values))
    }

    @Test func passingTheOptimizerBackContinuesARun() throws {
        var options = Self.options(epochs: 2)
        options.shuffle = false
        options.optimizer = OptimizerOptions(kind: .momentum(0.9), learningRate: 0.1, schedule: .step(every: 12, factor: 0.5))
        let whole = try Self.network()
        let wholeRun = try Trainer.train(whole, on: Self.moons(), options: options)
        let split = try Self.network()
        let optimizer = try Optimizer(options: options.optimizer, parameters: split.parameters)
        options.epochs = 1
        _ = try Trainer.train(split, on: Self.moons(), options: options, optimizer: optimizer)
        let second = try Trainer.train(split, on: Self.moons(), options: options, optimizer: optimizer)
        #expect(split.parameters.flatMap(\.value.values) == whole.parameters.flatMap(\.value.values))
        #expect(second.history.last?.loss == wholeRun.history.last?.loss)
        #expect(second.history.last?.learningRate == 0.05)
        #expect(optimizer.stepCount == 24)
        let stranger = try Optimizer(options: options.optimizer, parameters: try Self.network().parameters)
        #expect(throws: EngineError.self) { try Trainer.train(split, on: Self.moons(), options: options, optimizer: stranger) }
    }

    @Test func divergenceIsReportedAndTheBadStepIsNotApplied() throws {
        let network = try Network(inputWidth: 2, specs: [.dense(16, .relu), .dense(16, .relu), .dense(1)], seed: 1)
        let data = ToyDatasets.product(count: 64, seed: 1)
        let options = TrainingOptions(epochs: 50, batchSize: 16, loss: .meanSquaredError,
                                      optimizer: OptimizerOptions(learningRate: 50), seed: 1)
        var lastGood: [Float] = []
        let run = try Trainer.train(network, on: data, options: options,
                                    callbacks: TrainingCallbacks(onStep: { _ in lastGood = network.parameters.flatMap(\.value.values) }))
        guard case .diverged(let report) = run.stopReason else {
            Issue.record("expected divergence, got \(run.stopReason)")
            return
        }
        #expect(report.step == run.steps + 1)
        #expect(report.layer != nil)
        #expect(report.cause == .learningRateTooHigh || report.cause == .explodingGradients)
        #expect(report.description.contains("training diverged at step \(report.step)"))
        let weights = network.parameters.flatMap(\.value.values)
        #expect(weights.allSatisfy { $0.isFinite })
        #expect(weights == lastGood)
    }

    @Test func nonFiniteDataIsBlamedOnTheData() throws {
        let features = try Tensor(rows: [[0, 1], [1, .nan]])
        let data = try Dataset(features: features, targets: .classes([0, 1], classCount: 2))
        let run = try Trainer.train(try Self.network(), on: data, options: Self.options(epochs: 1))
        guard case .diverged(let report) = run.stopReason else {
            Issue.record("expected divergence, got \(run.stopReason)")
            return
        }
        #expect(report.step == 1)
        #expect(report.cause == .invalidData)
    }

    @Test func aUserActivationOutsideItsDomainIsNamed() throws {
        // fn act(x) = log(x): NaN for the negative pre-activations of the first batch.
        let log = UserActivation(name: "act", expression: .unary(.log, .input))
        let network = try Network(
            inputWidth: 2, specs: [.dense(units: 4, activation: .custom(log), weights: nil, bias: nil), .dense(1, .sigmoid)], seed: 1)
        let run = try Trainer.train(network, on: Self.moons(), options: Self.options(epochs: 1))
        guard case .diverged(let report) = run.stopReason else {
            Issue.record("expected divergence, got \(run.stopReason)")
            return
        }
        #expect(report.step == 1)
        #expect(report.cause == .nonFiniteActivation)
        #expect(report.layer == 1)
        #expect(report.description.contains("in layer 2 (act)"))
    }

    @Test func earlyStoppingStopsWhenTheMonitoredLossStalls() throws {
        var options = Self.options(epochs: 200, lr: 0)
        options.earlyStopping = EarlyStopping(patience: 3)
        let run = try Trainer.train(try Self.network(), on: Self.moons(), options: options)
        // With a zero learning rate the loss never improves after epoch 1: stop at epoch 1 + 3 + 1.
        #expect(run.stopReason == .earlyStopped(epoch: 5))
        #expect(run.history.count == 5)
    }

    @Test func validationSplitIsHeldOut() throws {
        var options = Self.options(epochs: 3)
        options.validationFraction = 0.25
        let run = try Trainer.train(try Self.network(), on: Self.moons(), options: options)
        #expect(run.history.allSatisfy { $0.validationLoss != nil && $0.validationAccuracy != nil })
        // 90 training samples in batches of 10.
        #expect(run.history.last?.steps == 27)
    }

    @Test func settingsAndShapesAreChecked() throws {
        var options = Self.options()
        options.batchSize = 0
        #expect(throws: EngineError.self) { try Trainer.train(try Self.network(), on: Self.moons(), options: options) }
        let wide = try Network(inputWidth: 3, specs: [.dense(1, .sigmoid)], seed: 1)
        do {
            _ = try Trainer.train(wide, on: Self.moons(), options: Self.options())
            Issue.record("expected a shape error")
        } catch {
            #expect("\(error)" == "network input: expected shape [n×3], got [120×2]")
        }
        let threeClasses = try Network(inputWidth: 2, specs: [.dense(3), .softmax], seed: 1)
        #expect(throws: EngineError.self) { try Trainer.train(threeClasses, on: Self.moons(), options: Self.options()) }
        #expect(throws: EngineError.self) { try Network(inputWidth: 2, specs: [.dense(0, .relu)], seed: 1) }
        #expect(throws: EngineError.self) { try Network(inputWidth: 2, specs: [.dropout(rate: 1)], seed: 1) }
        #expect(throws: EngineError.self) { try Network(inputWidth: 100_000, specs: [.dense(100_000, .relu)], seed: 1) }
        #expect(throws: EngineError.self) { try Network(inputWidth: 0, specs: [], seed: 1) }
    }

    @Test func softmaxClassifierLearnsThreeClasses() throws {
        // Three Gaussian blobs; softmax cross-entropy fused with the final softmax layer.
        var g = SeededGenerator(seed: 8)
        var rows: [[Float]] = [], labels: [Int] = []
        let centres: [(Double, Double)] = [(0, 2), (2, -1), (-2, -1)]
        for i in 0..<150 {
            let c = centres[i % 3]
            rows.append([Float(c.0 + 0.4 * g.nextNormal()), Float(c.1 + 0.4 * g.nextNormal())])
            labels.append(i % 3)
        }
        let data = try Dataset(features: try Tensor(rows: rows), targets: .classes(labels, classCount: 3))
        let network = try Network(inputWidth: 2, specs: [.dense(8, .relu), .dense(3), .softmax], seed: 2)
        let options = TrainingOptions(epochs: 30, batchSize: 15, loss: .softmaxCrossEntropy,
                                      optimizer: OptimizerOptions(kind: .momentum(0.9), learningRate: 0.05), seed: 3)
        let run = try Trainer.train(network, on: data, options: options)
        #expect((run.history.last?.loss ?? 1) < 0.05)
        let evaluation = try Trainer.evaluate(network, on: data, loss: .softmaxCrossEntropy)
        #expect(evaluation.accuracy == 1)
        let predictions = try network.predict(data.features)
        #expect(predictions.shape == [150, 3])
        let rowSums = (0..<150).map { r in (0..<3).reduce(Float(0)) { $0 + predictions[r, $1] } }
        #expect(rowSums.allSatisfy { Swift.abs($0 - 1) < 1e-5 })
    }

    @Test func classLabelsBecomeOneHotForElementwiseLosses() throws {
        // Three blobs, three sigmoid outputs, MSE: the labels are encoded one-hot.
        var g = SeededGenerator(seed: 12)
        var rows: [[Float]] = [], labels: [Int] = []
        for i in 0..<90 {
            let centre: (Double, Double) = [(0, 2), (2, -1), (-2, -1)][i % 3]
            rows.append([Float(centre.0 + 0.3 * g.nextNormal()), Float(centre.1 + 0.3 * g.nextNormal())])
            labels.append(i % 3)
        }
        let data = try Dataset(features: try Tensor(rows: rows), targets: .classes(labels, classCount: 3))
        let network = try Network(inputWidth: 2, specs: [.dense(8, .tanh), .dense(3, .sigmoid)], seed: 3)
        let options = TrainingOptions(epochs: 40, batchSize: 9, loss: .meanSquaredError,
                                      optimizer: OptimizerOptions(kind: .momentum(0.9), learningRate: 0.5), seed: 1)
        let run = try Trainer.train(network, on: data, options: options)
        #expect((run.history.last?.accuracy ?? 0) == 1)
        let evaluation = try Trainer.evaluate(network, on: data, loss: .meanSquaredError)
        #expect(evaluation.accuracy == 1)
        #expect(evaluation.confusion == [[30, 0, 0], [0, 30, 0], [0, 0, 30]])
        #expect(evaluation.loss < 0.05)
        // One output per class is required.
        let two = try Network(inputWidth: 2, specs: [.dense(2)], seed: 1)
        do {
            _ = try Trainer.train(two, on: data, options: options)
            Issue.record("expected a shape error")
        } catch {
            #expect("\(error)" == "mse on class labels: expected shape 3 outputs (one per class), got 2 outputs")
        }
    }

    @Test func dropoutIsActiveOnlyInTraining() throws {
        let network = try Network(inputWidth: 4, specs: [.dropout(rate: 0.5)], seed: 1)
        let x = try Tensor(rows: [[1, 2, 3, 4]])
        #expect(try network.predict(x).values == [1, 2, 3, 4])
        let layer = try #require(network.layers.first as? DropoutLayer)
        layer.reserve(batchCapacity: 64)
        let input = [Float](repeating: 1, count: 256)
        input.withUnsafeBufferPointer { layer.forward($0.baseAddress!, rows: 64, mode: .training) }
        let out = (0..<256).map { layer.output[$0] }
        #expect(out.allSatisfy { $0 == 0 || $0 == 2 })
        let dropped = out.filter { $0 == 0 }.count
        #expect(dropped > 90 && dropped < 166)
        let upstream = [Float](repeating: 3, count: 256)
        upstream.withUnsafeBufferPointer { layer.backward($0.baseAddress!, rows: 64, propagate: true) }
        #expect((0..<256).allSatisfy { layer.inputGradient[$0] == out[$0] * 3 })
    }
}

@Suite struct ProbeTests {
    @Test func negativeBiasKillsReLUUnits() throws {
        let data = ToyDatasets.moons(count: 100, noise: 0.1, seed: 1)
        let healthy = try Network(inputWidth: 2, specs: [.dense(16, .relu), .dense(1, .sigmoid)], seed: 4)
        let killed = try Network(
            inputWidth: 2,
            specs: [.dense(units: 16, activation: .builtin(.relu), weights: .heNormal, bias: .constant(-10)), .dense(1, .sigmoid)],
            seed: 4)
        let healthyDead = try Probes.deadUnits(healthy, on: data)
        let killedDead = try Probes.deadUnits(killed, on: data)
        #expect(killedDead.count == 1)
        #expect(killedDead[0].deadUnits.count == 16)
        #expect(killedDead[0].deadFraction == 1)
        #expect((healthyDead.first?.deadUnits.count ?? 99) < 16)
    }

    @Test func sparsityAndSaturation() throws {
        let data = ToyDatasets.moons(count: 100, noise: 0.1, seed: 1)
        let tanhNet = try Network(inputWidth: 2, specs: [.dense(units: 16, activation: .builtin(.tanh), weights: .normal(mean: 0, standardDeviation: 5), bias: nil)], seed: 2)
        let reluNet = try Network(inputWidth: 2, specs: [.dense(16, .relu)], seed: 2)
        let tanhStats = try #require(try Probes.activationStatistics(tanhNet, on: data)[1])
        let reluStats = try #require(try Probes.activationStatistics(reluNet, on: data)[1])
        #expect(tanhStats.sparsity == 0)
        #expect(reluStats.sparsity > 0)
        #expect(tanhStats.saturated > 0.2)
        #expect(reluStats.saturated == 0)
    }

    @Test func probesAreRecordedAtTheChosenInterval() throws {
        let data = ToyDatasets.moons(count: 100, noise: 0.1, seed: 1)
        let network = try Network(inputWidth: 2, specs: [.dense(8, .tanh), .dense(8, .relu), .dense(1, .sigmoid)], seed: 2)
        let options = TrainingOptions(epochs: 2, batchSize: 10, loss: .binaryCrossEntropy,
                                      optimizer: OptimizerOptions(learningRate: 0.1), seed: 1)
        var live: [Int] = []
        let run = try Trainer.train(network, on: data, options: options, probes: .all(.steps(4)),
                                    callbacks: TrainingCallbacks(onProbe: { live.append($0.step) }))
        #expect(run.probes.map(\.step) == [4, 8, 12, 16, 20])
        #expect(live == [4, 8, 12, 16, 20])
        let first = try #require(run.probes.first)
        #expect(first.layers.count == network.layers.count)
        let dense = first.layers[0]
        #expect((dense.gradientNorm ?? 0) > 0)
        #expect((dense.weightNorm ?? 0) > 0)
        let ratio = try #require(dense.updateRatio)
        #expect(ratio > 0 && ratio < 1)
        #expect(first.layers[1].activation != nil)
        #expect(first.layers[1].gradientNorm == nil)
        // The fused output sigmoid is not run in training, so it has no statistics.
        #expect(first.layers.last?.activation == nil)
        let perEpoch = try Trainer.train(network, on: data, options: options, probes: ProbeOptions(interval: .epochs(1), gradientNorms: true))
        #expect(perEpoch.probes.map(\.step) == [10, 20])
        #expect(perEpoch.probes[0].layers[0].weightNorm == nil)
        let none = try Trainer.train(network, on: data, options: options)
        #expect(none.probes.isEmpty)
    }

    @Test func histograms() throws {
        let h = try Histogram([0, 0.1, 0.5, 0.9, 1, .nan], bins: 2)
        #expect(h.edges == [0, 0.5, 1])
        #expect(h.counts == [2, 3])
        #expect(h.excluded == 1)
        let constant = try Histogram([2, 2, 2], bins: 4)
        #expect(constant.total == 3)
        #expect(constant.edges.first == 1.5 && constant.edges.last == 2.5)
        #expect(throws: EngineError.self) { try Histogram([1], bins: 0) }
        #expect(throws: EngineError.self) { try Histogram([1], bins: 3, range: -Double.infinity...0) }

        let network = try Network(inputWidth: 2, specs: [.dense(30, .relu)], seed: 1)
        let weights = try network.histogram(of: .weights(layer: 0), bins: 10)
        #expect(weights.total == 60)
        let data = ToyDatasets.moons(count: 50, noise: 0.1, seed: 1)
        let activations = try network.histogram(of: .activations(layer: 1, on: data), bins: 5)
        #expect(activations.total == 1500)
        #expect(throws: EngineError.self) { try network.histogram(of: .weights(layer: 1), bins: 5) }
        #expect(throws: EngineError.self) { try network.histogram(of: .weights(layer: 7), bins: 5) }
    }
}
