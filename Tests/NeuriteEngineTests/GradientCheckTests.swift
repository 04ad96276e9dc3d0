import NeuriteNumerics
import Testing
@testable import NeuriteEngine

/// Analytic gradients (the engine's Float code) against central finite differences of an
/// independent Double reference, on seeded inputs kept off kinks.
@Suite struct GradientCheckTests {
    static let elementwise = Activation.allCases.filter(\.isElementwise)
    /// Points where some activation is not differentiable.
    static let kinks: [Double] = [0, 6, -3, 3, -1, 1]

    @Test(arguments: elementwise)
    func activationLayer(_ activation: Activation) throws {
        let count = 64
        let x = seededValues(count, seed: 1, low: -4, high: 4, kinks: Self.kinks)
        let upstream = seededValues(count, seed: 2, low: -1, high: 1)
        let layer = ActivationLayer(width: count, function: .builtin(activation))
        layer.reserve(batchCapacity: 1)
        let input = x.map(Float.init), up = upstream.map(Float.init)
        input.withUnsafeBufferPointer { layer.forward($0.baseAddress!, rows: 1, mode: .training) }
        up.withUnsafeBufferPointer { layer.backward($0.baseAddress!, rows: 1, propagate: true) }
        let forward = (0..<count).map { Double(layer.output[$0]) }
        let expectedForward = x.map(activation.value)
        #expect(firstMismatch(forward, expectedForward, absolute: 1e-6, relative: 1e-5) == nil)
        let analytic = (0..<count).map { Double(layer.inputGradient[$0]) }
        let numeric = (0..<count).map { i in
            upstream[i] * centralDifferences([x[i]]) { activation.value($0[0]) }[0]
        }
        let mismatch = firstMismatch(analytic, numeric, absolute: 1e-5, relative: 1e-4)
        #expect(mismatch == nil, "\(activation): \(mismatch ?? "")")
    }

    @Test(arguments: [Loss.meanSquaredError, .meanAbsoluteError, .huber(delta: 0.7), .binaryCrossEntropy])
    func elementwiseLoss(_ loss: Loss) throws {
        let (rows, width) = (6, 3)
        let outputs = seededValues(rows * width, seed: 3, low: -3, high: 3)
        let targets: [Double] = loss == .binaryCrossEntropy
            ? seededValues(rows * width, seed: 4, low: 0, high: 1).map { $0 > 0.5 ? 1 : 0 }
            : seededValues(rows * width, seed: 4, low: -3, high: 3)
        // Keep |output − target| away from the kinks of MAE (0) and Huber (±delta).
        let safeOutputs = zip(outputs, targets).map { o, t -> Double in
            let d = o - t
            return Swift.abs(d) < 0.05 || Swift.abs(Swift.abs(d) - 0.7) < 0.05 ? o + 0.2 : o
        }
        func reference(_ flat: [Double]) -> Double {
            ReferenceLoss.value(
                loss, outputs: stride(from: 0, to: flat.count, by: width).map { Array(flat[$0..<($0 + width)]) },
                targets: stride(from: 0, to: targets.count, by: width).map { Array(targets[$0..<($0 + width)]) })
        }
        let (value, gradient) = evaluate(loss, safeOutputs, targets, rows: rows, width: width)
        #expect(Swift.abs(value - reference(safeOutputs)) < 1e-5 * Swift.max(1, Swift.abs(value)))
        let mismatch = firstMismatch(gradient, centralDifferences(safeOutputs, reference), absolute: 1e-6, relative: 1e-4)
        #expect(mismatch == nil, "\(loss.name): \(mismatch ?? "")")
    }

    @Test func softmaxCrossEntropy() throws {
        let (rows, width) = (5, 4)
        let outputs = seededValues(rows * width, seed: 5, low: -4, high: 4)
        let labels: [Double] = [0, 3, 1, 2, 3]
        func reference(_ flat: [Double]) -> Double {
            ReferenceLoss.value(
                .softmaxCrossEntropy,
                outputs: stride(from: 0, to: flat.count, by: width).map { Array(flat[$0..<($0 + width)]) },
                targets: labels.map { [$0] })
        }
        let (value, gradient) = evaluate(.softmaxCrossEntropy, outputs, labels, rows: rows, width: width)
        #expect(Swift.abs(value - reference(outputs)) < 1e-5)
        #expect(firstMismatch(gradient, centralDifferences(outputs, reference), absolute: 1e-6, relative: 1e-4) == nil)
    }

    @Test func lossesStayFiniteOnHugeLogits() {
        let outputs: [Double] = [1000, -1000, 80, -80]
        let (bce, bceGradient) = evaluate(.binaryCrossEntropy, outputs, [0, 1, 1, 0], rows: 4, width: 1)
        #expect(Swift.abs(bce - (1000 + 1000 + 0 + 0) / 4) < 1e-3)
        #expect(bceGradient.allSatisfy { $0.isFinite })
        let (ce, ceGradient) = evaluate(.softmaxCrossEntropy, [1000, -1000], [1], rows: 1, width: 2)
        #expect(Swift.abs(ce - 2000) < 1e-2)
        #expect(ceGradient.allSatisfy { $0.isFinite })
    }

    @Test func denseAndSoftmaxLayers() throws {
        // A network with a dense layer, tanh and a stand-alone softmax, under MSE (no fusion).
        let network = try Network(
            inputWidth: 3, specs: [.dense(4, .tanh), .dense(units: 3, activation: nil, weights: nil, bias: .normal(mean: 0, standardDeviation: 0.5)), .softmax],
            seed: 9)
        try checkNetwork(network, loss: .meanSquaredError, targets: .values(try Tensor.matrix(
            (0..<5).map { r in (0..<3).map { Double((r + $0) % 3) / 2 } })))
    }

    @Test(arguments: [Activation.relu, .silu, .gelu, .elu, .sigmoid])
    func wholeNetwork(_ hidden: Activation) throws {
        let network = try Network(
            inputWidth: 3, specs: [.dense(5, hidden), .dense(4, hidden), .dense(3), .softmax], seed: 21)
        try checkNetwork(network, loss: .softmaxCrossEntropy, targets: .classes([0, 2, 1, 2, 0], classCount: 3))
        let binary = try Network(inputWidth: 3, specs: [.dense(6, hidden), .dense(1, .sigmoid)], seed: 22)
        try checkNetwork(binary, loss: .binaryCrossEntropy, targets: .classes([0, 1, 1, 0, 1], classCount: 2))
        let regression = try Network(inputWidth: 3, specs: [.dense(6, hidden), .dense(2)], seed: 23)
        try checkNetwork(regression, loss: .huber(delta: 1), targets: .values(try Tensor.matrix(
            (0..<5).map { r in [Double(r) / 5, -Double(r) / 3] })))
    }

    @Test func userDefinedActivationInANetwork() throws {
        let swish = ScalarExpression.multiply(.input, .activation(.sigmoid, .input))
        let network = try Network(
            inputWidth: 3,
            specs: [.dense(units: 5, activation: .custom(UserActivation(name: "act", expression: swish)), weights: nil, bias: nil),
                    .dense(1)],
            seed: 31)
        try checkNetwork(network, loss: .meanSquaredError, targets: .values(try Tensor.matrix([[1], [0], [-1], [0.5], [2]])))
    }

    /// Compares the engine's gradient of the mean loss on 5 seeded samples with finite differences
    /// of the Double reference.
    func checkNetwork(_ network: Network, loss: Loss, targets: Dataset.Targets) throws {
        let inputs = (0..<5).map { r in seededValues(network.inputWidth, seed: 100 + UInt64(r), low: -1.5, high: 1.5) }
        let data = try Dataset(features: try Tensor.matrix(inputs), targets: targets)
        _ = try Trainer.lossAndGradients(network, on: data, loss: loss)
        let analytic = network.parameters.flatMap { $0.gradient.values.map(Double.init) }
        let fused = (loss == .binaryCrossEntropy || loss == .softmaxCrossEntropy)
        let targetRows: [[Double]]
        switch targets {
        case .classes(let labels, _): targetRows = labels.map { [Double($0)] }
        case .values(let values): targetRows = values.doubleRows
        }
        var reference = ReferenceNetwork(network)
        let end = fused ? reference.stages.count - 1 : reference.stages.count
        let numeric = centralDifferences(reference.parameters) { parameters in
            reference.parameters = parameters
            return ReferenceLoss.value(loss, outputs: reference.forward(inputs, through: end), targets: targetRows)
        }
        let mismatch = firstMismatch(analytic, numeric, absolute: 2e-5, relative: 2e-3)
        #expect(mismatch == nil, "\(network.layers.map(\.summary)) \(loss.name): \(mismatch ?? "")")
    }

    func evaluate(_ loss: Loss, _ outputs: [Double], _ targets: [Double], rows: Int, width: Int) -> (Double, [Double]) {
        let o = outputs.map(Float.init), t = targets.map(Float.init)
        var g = [Float](repeating: 0, count: outputs.count)
        let value = o.withUnsafeBufferPointer { op in
            t.withUnsafeBufferPointer { tp in
                g.withUnsafeMutableBufferPointer { gp in
                    loss.evaluate(outputs: op.baseAddress!, targets: tp.baseAddress!, rows: rows, width: width, gradient: gp.baseAddress)
                }
            }
        }
        return (value, g.map(Double.init))
    }
}
