/// The training loop: epochs of shuffled minibatches, validation, early stopping, probes, clean
/// interruption and divergence detection.
public enum Trainer {
    /// Trains `network` in place and returns its history.
    ///
    /// Stops between steps when `callbacks.shouldStop()` returns true: the weights and history are
    /// those after the last completed step (a partial epoch gets no record). A NaN or infinity in
    /// the loss or the gradients stops training before that step's update, with a report; weights
    /// that the run's last update made non-finite (no later step to notice) are reported too.
    ///
    /// By default a fresh ``Optimizer`` is made from `options.optimizer`. To continue an earlier run
    /// (momentum, Adam moments and the schedule's step count carried over), pass the same
    /// `optimizer` again: it must have been made for `network.parameters`, and its own options apply.
    public static func train(
        _ network: Network, on data: Dataset, options: TrainingOptions, probes: ProbeOptions = .off,
        optimizer: Optimizer? = nil, callbacks: TrainingCallbacks = TrainingCallbacks()
    ) throws -> TrainingRun {
        try options.validate()
        if let optimizer {
            let expected = network.parameters
            guard optimizer.parameters.count == expected.count,
                  zip(optimizer.parameters, expected).allSatisfy({ $0 === $1 }) else {
                throw EngineError.invalidSetting(name: "optimizer", reason: "it was made for another network")
            }
        }
        try checkCompatibility(network, data, options.loss)
        guard data.count > 0 else { throw EngineError.invalidData("the data set is empty") }

        var generator = SeededGenerator(seed: options.seed)
        var order = Array(0..<data.count)
        var validation = options.validationData
        if let validation { try checkCompatibility(network, validation, options.loss) }
        if options.validationFraction > 0 {
            generator.shuffle(&order)
            let held = Int((Double(data.count) * options.validationFraction).rounded())
            if held > 0 && held < data.count {
                validation = data.subset(Array(order[(data.count - held)...]))
                order.removeLast(held)
                order.sort()
            }
        }
        var loop = try Loop(
            network: network, data: data, options: options, probes: probes, order: order,
            optimizer: optimizer ?? Optimizer(options: options.optimizer, parameters: network.parameters))
        return loop.run(validation: validation, generator: &generator, callbacks: callbacks)
    }

    /// The mutable state of one training run.
    private struct Loop {
        let network: Network
        let data: Dataset
        let options: TrainingOptions
        let probes: ProbeOptions
        let head: LossHead
        let optimizer: Optimizer
        var order: [Int]
        let inputs = Workspace(), targets = Workspace(), lossGradient = Workspace()
        let lossWidth: Int
        let encoding: TargetEncoding
        /// Every gradient buffer, as plain pointers (scanned each step without retaining objects).
        let gradientBuffers: [(pointer: UnsafeMutablePointer<Float>, count: Int)]
        var history: [EpochRecord] = []
        var records: [ProbeRecord] = []
        var steps = 0
        /// The epoch and loss of the last applied step (for a report on the final weights).
        var lastStep: (epoch: Int, loss: Double) = (0, 0)

        init(
            network: Network, data: Dataset, options: TrainingOptions, probes: ProbeOptions, order: [Int],
            optimizer: Optimizer
        ) throws {
            self.network = network
            self.data = data
            self.options = options
            self.probes = probes
            self.order = order
            head = LossHead(network: network, loss: options.loss)
            self.optimizer = optimizer
            gradientBuffers = optimizer.parameters.map { ($0.gradient.storage, $0.gradient.count) }
            let batch = Swift.min(options.batchSize, Swift.max(order.count, 1))
            network.reserve(batchCapacity: batch)
            lossWidth = head.end == 0 ? network.inputWidth : network.layers[head.end - 1].outputWidth
            encoding = TargetEncoding(dataset: data, loss: options.loss, lossWidth: lossWidth)
            inputs.reserve(batch * data.featureWidth)
            targets.reserve(batch * encoding.width)
            lossGradient.reserve(batch * lossWidth)
        }

        mutating func run(validation: Dataset?, generator: inout SeededGenerator, callbacks: TrainingCallbacks) -> TrainingRun {
            let batchSize = Swift.min(options.batchSize, order.count)
            let stepsPerEpoch = (order.count + batchSize - 1) / batchSize
            let isClassification = data.classCount != nil
            var best = Double.infinity
            var epochsWithoutImprovement = 0
            for epoch in 1...Swift.max(options.epochs, 1) where options.epochs > 0 {
                if options.shuffle { generator.shuffle(&order) }
                var lossSum = 0.0, correct = 0, seen = 0
                for stepInEpoch in 0..<stepsPerEpoch {
                    if callbacks.shouldStop() {
                        return finish(.interrupted(afterStep: steps))
                    }
                    let start = stepInEpoch * batchSize
                    let rows = Swift.min(batchSize, order.count - start)
                    let due = probeDue(stepInEpoch: stepInEpoch, stepsPerEpoch: stepsPerEpoch, epoch: epoch)
                    switch step(rows: rows, from: start, epoch: epoch, probe: due, classification: isClassification) {
                    case let .success(loss, right):
                        lastStep = (epoch, loss)
                        if due, let record = records.last { callbacks.onProbe?(record) }
                        lossSum += loss * Double(rows)
                        correct += right
                        seen += rows
                        callbacks.onStep?(StepReport(step: steps, epoch: epoch, loss: loss))
                    case .failure(let report):
                        return finish(.diverged(report))
                    }
                }
                var record = EpochRecord(
                    epoch: epoch, steps: steps, loss: lossSum / Double(Swift.max(seen, 1)),
                    accuracy: isClassification ? Double(correct) / Double(Swift.max(seen, 1)) : nil,
                    validationLoss: nil, validationAccuracy: nil,
                    learningRate: optimizer.lastLearningRate)
                if let validation, let evaluation = try? Trainer.evaluate(network, on: validation, loss: options.loss) {
                    record.validationLoss = evaluation.loss
                    record.validationAccuracy = evaluation.accuracy
                }
                history.append(record)
                callbacks.onEpoch?(record)
                if let early = options.earlyStopping {
                    let monitored = record.validationLoss ?? record.loss
                    if monitored < best - early.minimumDelta {
                        best = monitored
                        epochsWithoutImprovement = 0
                    } else {
                        epochsWithoutImprovement += 1
                        if epochsWithoutImprovement > early.patience { return finish(.earlyStopped(epoch: epoch)) }
                    }
                }
            }
            return finish(.completed)
        }

        func finish(_ reason: StopReason) -> TrainingRun {
            var reason = reason
            if case .diverged = reason {} else if let report = nonFiniteWeightsReport() { reason = .diverged(report) }
            return TrainingRun(history: history, probes: records, stopReason: reason, steps: steps)
        }

        /// The loss is checked before each update, so weights made NaN or ∞ by the last update
        /// would go unnoticed: one scan of the parameters when the run ends catches them.
        func nonFiniteWeightsReport() -> DivergenceReport? {
            guard steps > 0 else { return nil }
            for (index, layer) in network.layers.enumerated() {
                for parameter in layer.parameters
                where !Kernels.allFinite(parameter.value.storage, count: parameter.value.count) {
                    return DivergenceReport(
                        step: steps, epoch: lastStep.epoch, loss: lastStep.loss, layer: index,
                        layerSummary: layer.summary, largestGradientNorm: Probes.gradientNorm(of: layer) ?? 0,
                        cause: .nonFiniteWeights)
                }
            }
            return nil
        }

        func probeDue(stepInEpoch: Int, stepsPerEpoch: Int, epoch: Int) -> Bool {
            guard probes.isActive else { return false }
            switch probes.interval {
            case .steps(let n): return (steps + 1) % Swift.max(n, 1) == 0
            case .epochs(let n): return stepInEpoch == stepsPerEpoch - 1 && epoch % Swift.max(n, 1) == 0
            }
        }

        enum StepOutcome { case success(loss: Double, correct: Int), failure(DivergenceReport) }

        /// One forward, backward and update on the rows `order[start ..< start + rows]`.
        mutating func step(rows: Int, from start: Int, epoch: Int, probe: Bool, classification: Bool) -> StepOutcome {
            let width = data.featureWidth
            let x = inputs.pointer, t = targets.pointer
            let source = data.features.storage
            order.withUnsafeBufferPointer { order in
                var r = 0
                while r < rows {
                    (x + r &* width).update(from: source + order[start &+ r] &* width, count: width)
                    r &+= 1
                }
            }
            encoding.write(data, order, start: start, rows: rows, into: t)
            let out = network.forward(x, rows: rows, mode: .training, through: head.end)
            let loss = options.loss.evaluate(
                outputs: out, targets: t, rows: rows, width: lossWidth, gradient: lossGradient.pointer)
            network.backward(lossGradient.pointer, rows: rows, from: head.end)
            let attempted = steps + 1
            var gradientsFinite = true
            gradientBuffers.withUnsafeBufferPointer { buffers in
                for buffer in buffers where !Kernels.allFinite(buffer.pointer, count: buffer.count) {
                    gradientsFinite = false
                    break
                }
            }
            if !loss.isFinite || !gradientsFinite {
                return .failure(divergence(step: attempted, epoch: epoch, loss: loss, rows: rows, gradientsFinite: gradientsFinite))
            }
            let correct = classification ? head.correctCount(out, t, rows: rows, width: lossWidth, encoding: encoding) : 0
            optimizer.recordUpdateNorms = probe && probes.updateRatios
            optimizer.step()
            steps = attempted
            if probe { records.append(probeRecord(rows: rows, epoch: epoch)) }
            return .success(loss: loss, correct: correct)
        }

        func divergence(step: Int, epoch: Int, loss: Double, rows: Int, gradientsFinite: Bool) -> DivergenceReport {
            var layer: Int?
            var largest = -1.0
            // (The layer named in the report is the one with the largest gradient norm, unless an
            // activation produced the first non-finite values.)
            for (index, candidate) in network.layers.enumerated().reversed() {
                guard let norm = Probes.gradientNorm(of: candidate) else { continue }
                if !norm.isFinite {
                    layer = index; largest = norm
                    break
                }
                if norm > largest { layer = index; largest = norm }
            }
            let dataFinite = Kernels.allFinite(inputs.pointer, count: rows * data.featureWidth)
                && Kernels.allFinite(targets.pointer, count: rows * encoding.width)
            let source = firstNonFiniteOutput(rows: rows)
            let cause: DivergenceCause
            if !dataFinite {
                cause = .invalidData
            } else if let source, network.layers[source] is ActivationLayer {
                // Finite inputs, non-finite outputs: the function left its domain (log of a negative,
                // a division by zero in a user-defined activation, an overflow).
                layer = source
                cause = .nonFiniteActivation
            } else if !gradientsFinite || largest > 1e6 {
                cause = .explodingGradients
            } else {
                cause = .learningRateTooHigh
            }
            return DivergenceReport(
                step: step, epoch: epoch, loss: loss, layer: layer, layerSummary: layer.map { network.layers[$0].summary },
                largestGradientNorm: Swift.max(largest, 0), cause: cause)
        }

        /// The first layer of the last forward pass whose output has a NaN or ∞ although its input did not.
        func firstNonFiniteOutput(rows: Int) -> Int? {
            var inputFinite = Kernels.allFinite(inputs.pointer, count: rows * data.featureWidth)
            for index in 0..<head.end {
                let layer = network.layers[index]
                let outputFinite = Kernels.allFinite(layer.output, count: rows * layer.outputWidth)
                if !outputFinite { return inputFinite ? index : nil }
                inputFinite = outputFinite
            }
            return nil
        }

        func probeRecord(rows: Int, epoch: Int) -> ProbeRecord {
            var layers: [LayerProbe] = []
            var parameterIndex = 0
            for (index, layer) in network.layers.enumerated() {
                var probe = LayerProbe(layer: index, summary: layer.summary)
                let parameterCount = layer.parameters.count
                if parameterCount > 0 {
                    if probes.gradientNorms {
                        probe.gradientNorm = Probes.gradientNorm(of: layer)
                        probe.weightGradientNorm = Probes.gradientNorm(of: layer, parameter: "weights")
                        probe.biasGradientNorm = Probes.gradientNorm(of: layer, parameter: "bias")
                    }
                    if probes.weightNorms || probes.updateRatios {
                        let weightNorm = Probes.weightNorm(of: layer)
                        if probes.weightNorms { probe.weightNorm = weightNorm }
                        if probes.updateRatios, let weightNorm,
                           let w = layer.parameters.firstIndex(where: { $0.name == "weights" }) {
                            let update = optimizer.lastUpdateNorms[parameterIndex + w]
                            probe.updateRatio = weightNorm > 0 ? update / weightNorm : nil
                        }
                    }
                }
                parameterIndex += parameterCount
                if probes.activationStatistics, index < head.end, let activation = layer as? ActivationLayer {
                    probe.activation = Probes.activationStatistics(
                        activation.output, count: rows * activation.outputWidth, function: activation.function)
                }
                layers.append(probe)
            }
            return ProbeRecord(step: steps, epoch: epoch, layers: layers)
        }
    }
}
