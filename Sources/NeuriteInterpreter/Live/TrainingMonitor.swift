import Foundation
import NeuriteEngine
import Synchronization

/// What is known of each model while several train: written by the training threads' callbacks,
/// read by the thread that draws. The training threads do constant work per step (one atomic
/// read) and per epoch (a short locked append); they copy their weights only when the drawing
/// thread asks (``requestSnapshots()``), at most once per frame.
final class TrainingMonitor: Sendable {
    /// One model's progress.
    struct Progress: Sendable {
        var label: String
        var totalEpochs: Int
        /// Epochs the model had before this training (its curves continue from there).
        var firstEpoch: Int
        var started = false
        /// Epochs completed in this training.
        var epoch = 0
        var losses: [Double] = []
        var accuracy: Double?
        var validationLoss: Double?
        /// Each weighted layer's weight-gradient norm at the last probe, by layer index.
        var gradientNorms: [Int: Double] = [:]
        /// The weights of every parameter at the last snapshot (nil before the first).
        var weights: [[Float]]?
        /// Seconds since this model started.
        var seconds = 0.0
        /// How training ended (nil while it runs).
        var stop: StopReason?
    }

    private let state: Mutex<[Progress]>
    /// Raised by the drawing thread; each training thread copies its weights when the generation
    /// it last served is older.
    private let snapshotGeneration = Atomic<Int>(0)
    private let started = ContinuousClock.now

    init(_ models: [Progress]) {
        state = Mutex(models)
    }

    /// A copy of every model's progress.
    var progress: [Progress] { state.withLock { $0 } }

    /// Asks every training model for its weights at its next step.
    func requestSnapshots() { snapshotGeneration.add(1, ordering: .relaxed) }

    /// The callbacks that keep model `index` of `network` up to date, around `base` (whose hooks still run).
    func callbacks(for index: Int, network: Network, base: TrainingCallbacks) -> TrainingCallbacks {
        let monitor = self
        let served = ServedGeneration()
        let parameters = network.parameters
        func copyWeights() -> [[Float]] {
            parameters.map { Array(UnsafeBufferPointer(start: $0.value.storage, count: $0.value.count)) }
        }
        let gradientLayers = network.layers.indices.filter { !network.layers[$0].parameters.isEmpty }
        let began = Began()
        var callbacks = base
        callbacks.onStep = { [base] report in
            base.onStep?(report)
            if report.step == 1 {
                _ = began.seconds
                monitor.state.withLock { $0[index].started = true }
            }
            let wanted = monitor.snapshotGeneration.load(ordering: .relaxed)
            if served.value != wanted {
                served.value = wanted
                let weights = copyWeights()
                monitor.state.withLock { models in
                    models[index].weights = weights
                    models[index].started = true
                    models[index].seconds = began.seconds
                }
            }
        }
        callbacks.onEpoch = { [base] record in
            base.onEpoch?(record)
            monitor.state.withLock { models in
                models[index].started = true
                models[index].epoch = record.epoch
                models[index].losses.append(record.loss)
                models[index].accuracy = record.accuracy
                models[index].validationLoss = record.validationLoss
                models[index].seconds = began.seconds
            }
        }
        callbacks.onProbe = { [base] record in
            base.onProbe?(record)
            var norms: [Int: Double] = [:]
            for probe in record.layers where gradientLayers.contains(probe.layer) {
                if let norm = probe.weightGradientNorm ?? probe.gradientNorm { norms[probe.layer] = norm }
            }
            monitor.state.withLock { $0[index].gradientNorms = norms }
        }
        callbacks.onFinish = { [base] run in
            base.onFinish?(run)
            // The final weights, so the last frame shows where each model ended.
            let weights = copyWeights()
            monitor.state.withLock { models in
                models[index].weights = weights
                models[index].stop = run.stopReason
                models[index].seconds = began.seconds
            }
        }
        return callbacks
    }

    /// Seconds since the monitor was made.
    var elapsed: Double { (ContinuousClock.now - started).seconds }
}

/// The snapshot generation one training thread last served (touched by that thread alone).
private final class ServedGeneration {
    var value = 0
}

/// When one model's training began: at its first step, not when the job was queued.
private final class Began {
    private var instant: ContinuousClock.Instant?
    /// Seconds since the first call.
    var seconds: Double {
        let now = ContinuousClock.now
        if instant == nil { instant = now }
        return (now - (instant ?? now)).seconds
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) * 1e-18
    }
}
