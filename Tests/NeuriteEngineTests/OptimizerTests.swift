import Testing
@testable import NeuriteEngine

/// One- and two-step updates against values computed by hand.
@Suite struct OptimizerTests {
    /// A single parameter [w] with gradient [g], after `steps` steps with the same gradient.
    func run(_ kind: OptimizerKind, lr: Double = 0.1, weightDecay: Double = 0, w: Float = 1, gradients: [Float],
             name: String = "weights", clipNorm: Double? = nil, clipValue: Double? = nil) throws -> [Float] {
        let parameter = Parameter(name: name, value: try Tensor(shape: [1], values: [w]))
        let optimizer = try Optimizer(
            options: OptimizerOptions(kind: kind, learningRate: lr, weightDecay: weightDecay, clipNorm: clipNorm, clipValue: clipValue),
            parameters: [parameter])
        var trace: [Float] = []
        for g in gradients {
            parameter.gradient.storage[0] = g
            optimizer.step()
            trace.append(parameter.value.storage[0])
        }
        return trace
    }

    func close(_ a: [Float], _ b: [Double], _ tolerance: Double = 1e-6) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { Swift.abs(Double($0) - $1) <= tolerance }
    }

    @Test func sgd() throws {
        #expect(close(try run(.sgd, gradients: [0.5, 0.5]), [0.95, 0.9]))
    }

    @Test func sgdWithWeightDecaySparesBiases() throws {
        // g + λw = 0.5 + 0.1·1 = 0.6 → 1 − 0.06.
        #expect(close(try run(.sgd, weightDecay: 0.1, gradients: [0.5]), [0.94]))
        #expect(close(try run(.sgd, weightDecay: 0.1, gradients: [0.5], name: "bias"), [0.95]))
    }

    /// L1 and L2 penalties enter the gradient of weight matrices only, before the update, for every kind.
    @Test(arguments: [
        // (w, g, l1, l2, name, expected after one SGD step of lr 0.1)
        (Float(1), Float(0.5), 0.5, 0.0, "weights", 1 - 0.1 * (0.5 + 0.5)),
        (Float(-2), Float(0), 0.5, 0.0, "weights", -2 + 0.1 * 0.5),
        (Float(0), Float(0), 0.5, 0.0, "weights", 0),
        (Float(1), Float(0.5), 0.0, 0.2, "weights", 1 - 0.1 * (0.5 + 0.2)),
        (Float(-2), Float(0.5), 0.1, 0.2, "weights", -2 - 0.1 * (0.5 - 0.1 - 0.4)),
        (Float(1), Float(0.5), 0.5, 0.2, "bias", 0.95),
    ])
    func penalties(w: Float, g: Float, l1: Double, l2: Double, name: String, expected: Double) throws {
        let parameter = Parameter(name: name, value: try Tensor(shape: [1], values: [w]))
        var options = OptimizerOptions(kind: .sgd, learningRate: 0.1)
        options.l1 = l1
        options.l2 = l2
        let optimizer = try Optimizer(options: options, parameters: [parameter])
        parameter.gradient.storage[0] = g
        optimizer.step()
        #expect(close([parameter.value.storage[0]], [expected]))
    }

    /// With Adam the L2 penalty is part of the gradient (adaptive), unlike AdamW's decoupled decay.
    @Test func adamL2IsNotDecoupledDecay() throws {
        func step(_ configure: (inout OptimizerOptions) -> Void) throws -> Float {
            let parameter = Parameter(name: "weights", value: try Tensor(shape: [1], values: [1]))
            var options = OptimizerOptions(kind: .adamW(beta1: 0.9, beta2: 0.999, epsilon: 1e-8), learningRate: 0.1)
            configure(&options)
            let optimizer = try Optimizer(options: options, parameters: [parameter])
            parameter.gradient.storage[0] = 0
            optimizer.step()
            return parameter.value.storage[0]
        }
        // Gradient 0 + L2 0.1·1: Adam's first step moves by lr·sign = 0.1; decoupled decay moves by lr·λ·w = 0.01.
        #expect(close([try step { $0.kind = .adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8); $0.l2 = 0.1 }], [0.9], 1e-5))
        #expect(close([try step { $0.weightDecay = 0.1 }], [0.99], 1e-6))
        #expect(throws: EngineError.self) { _ = try step { $0.l1 = -1 } }
    }

    @Test func momentumAndNesterov() throws {
        // v1 = 0.5, w1 = 0.95; v2 = 0.9·0.5 + 0.5 = 0.95, w2 = 0.855.
        #expect(close(try run(.momentum(0.9), gradients: [0.5, 0.5]), [0.95, 0.855]))
        // Nesterov: w1 = 1 − 0.1(0.5 + 0.9·0.5) = 0.905; w2 = 0.905 − 0.1(0.5 + 0.9·0.95) = 0.7695.
        #expect(close(try run(.nesterov(0.9), gradients: [0.5, 0.5]), [0.905, 0.7695]))
    }

    @Test func adam() throws {
        // With bias correction the first step is lr·sign(g) (up to ε): 1 − 0.1 = 0.9.
        // Step 2 with g = 0.25: m = 0.9·0.05 + 0.1·0.25 = 0.07, v = 0.999·0.00025 + 0.001·0.0625 = 0.00031225;
        // m̂ = 0.07/0.19 = 0.368421, v̂ = 0.00031225/0.001999 = 0.156203; step = 0.1·0.368421/0.395225 = 0.093218.
        let trace = try run(.adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8), gradients: [0.5, 0.25])
        #expect(close(trace, [0.9, 0.9 - 0.0932180], 2e-6))
    }

    @Test func adamWDecouplesWeightDecay() throws {
        // Adam step 0.1 plus lr·λ·w = 0.1·0.5·1 = 0.05.
        #expect(close(try run(.adamW(beta1: 0.9, beta2: 0.999, epsilon: 1e-8), weightDecay: 0.5, gradients: [0.5]), [0.85], 2e-6))
    }

    @Test func rmsPropAndAdagrad() throws {
        // RMSProp ρ = 0.9: s = 0.1·0.25 = 0.025, step = 0.1·0.5/√0.025 = 0.316228.
        #expect(close(try run(.rmsProp(rho: 0.9, epsilon: 0), gradients: [0.5]), [1 - 0.316228], 2e-6))
        // Adagrad: s1 = 0.25, step 0.1; s2 = 0.5, step 0.1·0.5/√0.5 = 0.0707107.
        #expect(close(try run(.adagrad(epsilon: 0), gradients: [0.5, 0.5]), [0.9, 0.9 - 0.0707107], 2e-6))
    }

    @Test func clipping() throws {
        #expect(close(try run(.sgd, gradients: [5], clipValue: 1), [0.9]))
        #expect(close(try run(.sgd, gradients: [-5], clipNorm: 2), [1.2]))
        #expect(close(try run(.sgd, gradients: [0.5], clipNorm: 2), [0.95]))
    }

    @Test func clipNormIsGlobalAcrossParameters() throws {
        let a = Parameter(name: "weights", value: Tensor(shape: [1]))
        let b = Parameter(name: "bias", value: Tensor(shape: [1]))
        let optimizer = try Optimizer(options: OptimizerOptions(learningRate: 1, clipNorm: 1), parameters: [a, b])
        a.gradient.storage[0] = 3
        b.gradient.storage[0] = 4
        optimizer.step()
        #expect(Swift.abs(a.value.storage[0] + 0.6) < 1e-6)
        #expect(Swift.abs(b.value.storage[0] + 0.8) < 1e-6)
    }

    @Test func invalidSettingsAreRejected() {
        #expect(throws: EngineError.self) { try OptimizerOptions(learningRate: -1).validate() }
        #expect(throws: EngineError.self) { try OptimizerOptions(learningRate: .nan).validate() }
        #expect(throws: EngineError.self) { try OptimizerOptions(clipNorm: 0).validate() }
        #expect(throws: EngineError.self) { try OptimizerOptions(kind: .momentum(1)).validate() }
        #expect(throws: EngineError.self) { try OptimizerOptions(kind: .adam(beta1: 0.9, beta2: 1.5, epsilon: 1e-8)).validate() }
        #expect(throws: EngineError.self) { try OptimizerOptions(schedule: .exponential(rate: -0.5, every: 1)).validate() }
        #expect(throws: EngineError.self) { try OptimizerOptions(schedule: .warmup(steps: 5, then: .cosine(steps: 0, minimumFactor: 0))).validate() }
        #expect(throws: Never.self) { try OptimizerOptions(kind: .nesterov(0.9), schedule: .warmup(steps: 5, then: .step(every: 10, factor: 0.5))).validate() }
    }

    @Test(arguments: [
        (LearningRateSchedule.constant, [1.0, 1, 1, 1, 1]),
        (.step(every: 2, factor: 0.5), [1, 1, 0.5, 0.5, 0.25]),
        (.exponential(rate: 0.5, every: 2), [1, 0.7071067811865476, 0.5, 0.35355339059327373, 0.25]),
        (.cosine(steps: 4, minimumFactor: 0), [1, 0.8535533905932737, 0.5, 0.14644660940672627, 0]),
        (.warmup(steps: 2, then: .step(every: 1, factor: 0.1)), [0.5, 1, 1, 0.1, 0.01]),
    ])
    func schedules(_ schedule: LearningRateSchedule, _ expected: [Double]) {
        let factors = (0..<5).map { schedule.factor(atStep: $0) }
        #expect(zip(factors, expected).allSatisfy { Swift.abs($0 - $1) < 1e-12 }, "\(factors)")
    }

    @Test func scheduleDrivesTheLearningRate() throws {
        let trace = try run(.sgd, lr: 1, gradients: [1, 1, 1])
        #expect(trace == [0, -1, -2])
        let parameter = Parameter(name: "weights", value: Tensor(shape: [1]))
        let optimizer = try Optimizer(options: OptimizerOptions(learningRate: 1, schedule: .step(every: 1, factor: 0.5)), parameters: [parameter])
        for _ in 0..<3 {
            parameter.gradient.storage[0] = 1
            optimizer.step()
        }
        #expect(parameter.value.storage[0] == -1.75)
    }
}
