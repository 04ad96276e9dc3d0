import COpenBLAS
import Foundation
import Synchronization

/// One model's training, as ``Trainer/train(_:workers:)`` runs it: the arguments of
/// ``Trainer/train(_:on:options:probes:optimizer:callbacks:)``.
public struct TrainingJob {
    public var network: Network
    public var data: Dataset
    public var options: TrainingOptions
    public var probes: ProbeOptions
    /// The optimizer to continue with, or nil for a fresh one.
    public var optimizer: Optimizer?
    /// Called on the worker thread that trains this job: they must be safe to call from any thread.
    public var callbacks: TrainingCallbacks

    public init(
        network: Network, data: Dataset, options: TrainingOptions, probes: ProbeOptions = .off,
        optimizer: Optimizer? = nil, callbacks: TrainingCallbacks = TrainingCallbacks()
    ) {
        self.network = network
        self.data = data
        self.options = options
        self.probes = probes
        self.optimizer = optimizer
        self.callbacks = callbacks
    }
}

extension Trainer {
    /// Trains every job, up to `workers` at a time, one model per worker thread, and returns each
    /// job's outcome in the order given.
    ///
    /// A job trains exactly as ``train(_:on:options:probes:optimizer:callbacks:)`` would alone on
    /// the calling thread — same seed, same steps, bit-identical weights — because nothing is shared
    /// between jobs but the read-only data, and OpenBLAS runs single-threaded while several workers
    /// run (it is restored afterwards). Jobs start in order as workers become free; a job whose
    /// `shouldStop` is already true when it would start ends at once as interrupted after step 0.
    ///
    /// - Precondition: no two jobs share a network or an optimizer (the caller checks: see
    ///   ``jobsAreIndependent(_:)``).
    public static func train(_ jobs: [TrainingJob], workers: Int) -> [Result<TrainingRun, any Error>] {
        let workerCount = Swift.max(1, Swift.min(workers, jobs.count))
        guard workerCount > 1 else {
            return jobs.map { job in Result { try train(job) } }
        }
        let previousThreads = openblas_get_num_threads()
        openblas_set_num_threads(1)
        defer { openblas_set_num_threads(previousThreads) }

        let shared = ParallelJobs(jobs)
        DispatchQueue.concurrentPerform(iterations: workerCount) { _ in
            while let (index, job) = shared.next() {
                shared.finish(index, Result { try train(job.job) })
            }
        }
        return shared.results()
    }

    /// Whether `jobs` can train at the same time: no network, parameter or optimizer appears in two.
    public static func jobsAreIndependent(_ jobs: [TrainingJob]) -> Bool {
        var networks = Set<ObjectIdentifier>(), parameters = Set<ObjectIdentifier>(), optimizers = Set<ObjectIdentifier>()
        for job in jobs {
            guard networks.insert(ObjectIdentifier(job.network)).inserted else { return false }
            for parameter in job.network.parameters {
                guard parameters.insert(ObjectIdentifier(parameter)).inserted else { return false }
            }
            if let optimizer = job.optimizer {
                guard optimizers.insert(ObjectIdentifier(optimizer)).inserted else { return false }
            }
        }
        return true
    }

    private static func train(_ job: TrainingJob) throws -> TrainingRun {
        try train(
            job.network, on: job.data, options: job.options, probes: job.probes, optimizer: job.optimizer,
            callbacks: job.callbacks)
    }
}

/// A job handed to a worker thread. Each job's objects are touched by that worker alone (see
/// ``Trainer/jobsAreIndependent(_:)``), so moving it across threads is safe.
private struct SendableJob: @unchecked Sendable {
    let job: TrainingJob
}

/// The queue of jobs and their results, shared by the workers.
private final class ParallelJobs: Sendable {
    private let jobs: [SendableJob]
    private let nextIndex = Atomic<Int>(0)
    private let outcomes: Mutex<[SendableResult?]>

    init(_ jobs: [TrainingJob]) {
        self.jobs = jobs.map(SendableJob.init)
        outcomes = Mutex(Array(repeating: nil, count: jobs.count))
    }

    /// The next job not yet taken, or nil when all are.
    func next() -> (Int, SendableJob)? {
        let index = nextIndex.add(1, ordering: .relaxed).oldValue
        return index < jobs.count ? (index, jobs[index]) : nil
    }

    func finish(_ index: Int, _ result: Result<TrainingRun, any Error>) {
        outcomes.withLock { $0[index] = SendableResult(result: result) }
    }

    func results() -> [Result<TrainingRun, any Error>] {
        outcomes.withLock { outcomes in
            outcomes.map { $0?.result ?? .failure(EngineError.invalidSetting(name: "workers", reason: "a job was not run")) }
        }
    }
}

/// A job's outcome crossing back from its worker (a run is plain values; an error is reported as is).
private struct SendableResult: @unchecked Sendable {
    let result: Result<TrainingRun, any Error>
}
