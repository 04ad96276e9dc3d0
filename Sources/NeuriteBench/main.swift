// neurite-bench: times the engine's training step on the workloads of Docs/performance.md and
// the OpenBLAS sgemm ceiling on the same shapes. Prints a table, or JSON with --json.
//   neurite-bench [--scale S] [--only W1,W3,W5] [--json] [--cpu-time]
// W5 times a whole comparison of eight small models (Comparison.swift) rather than one step.
import NeuriteEngine

#if canImport(Glibc)
import Glibc
#endif

struct Measurement {
    let workload: String
    let stepsPerSecond: Double
    let gflops: Double
    let ceilingGflops: Double?
    let finalLoss: Double
    /// For W5: the seconds of the whole comparison.
    var seconds: Double? = nil
}

/// Wall-clock time, or with `--cpu-time` the process's CPU time (steadier on a loaded machine, for
/// comparing two builds of the engine; the reported figures use wall-clock time).
struct Stopwatch {
    let cpuTime: Bool

    func now() -> Double {
        var spec = timespec()
        clock_gettime(cpuTime ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
    }
}

func seconds(_ duration: Duration) -> Double {
    let (s, atto) = duration.components
    return Double(s) + Double(atto) * 1e-18
}

/// Trains for `steps` steps (whole epochs of the workload's data, the last one cut short by shouldStop).
func train(
    _ workload: Workload, data: Dataset, network: Network, steps: Int, seed: UInt64, stopwatch: Stopwatch
) throws -> (Double, Double) {
    let stepsPerEpoch = (data.count + workload.batchSize - 1) / workload.batchSize
    let epochs = (steps + stepsPerEpoch - 1) / stepsPerEpoch
    var done = 0
    let options = TrainingOptions(
        epochs: epochs, batchSize: workload.batchSize, loss: workload.loss,
        optimizer: OptimizerOptions(kind: .sgd, learningRate: 0.1), seed: seed)
    let start = stopwatch.now()
    let run = try Trainer.train(
        network, on: data, options: options,
        callbacks: TrainingCallbacks(shouldStop: { done >= steps }, onStep: { _ in done += 1 }))
    let elapsed = stopwatch.now() - start
    return (elapsed / Double(Swift.max(run.steps, 1)), run.history.last?.loss ?? .nan)
}

/// The GFLOP/s of one training step's products alone (OpenBLAS on the workload's shapes).
/// `transposedLayout` stores W as outputs × inputs instead of the engine's inputs × outputs (measured
/// once: the same rate within noise for W3 and W4, so the engine keeps its layout).
func sgemmCeiling(_ workload: Workload, repeats: Int, stopwatch: Stopwatch, transposedLayout: Bool = false) -> Double {
    let b = workload.batchSize
    let layers = workload.denseShapes.map { fanIn, fanOut in
        (x: Tensor(shape: [b, fanIn], repeating: 0.01), w: Tensor(shape: [fanIn, fanOut], repeating: 0.01),
         y: Tensor(shape: [b, fanOut]), dx: Tensor(shape: [b, fanIn]), g: Tensor(shape: [fanIn, fanOut]))
    }
    func once() {
        for (index, (fanIn, fanOut)) in workload.denseShapes.enumerated() {
            let l = layers[index]
            if transposedLayout {
                // W stored outputs × inputs: y = x·Wᵀ, dW = dyᵀ·x, dx = dy·W.
                Gemm.blas(.normal, .transposed, b, fanOut, fanIn, l.x.storage, l.w.storage, l.y.storage, false)
                Gemm.blas(.transposed, .normal, fanOut, fanIn, b, l.y.storage, l.x.storage, l.g.storage, false)
                if index > 0 {
                    Gemm.blas(.normal, .normal, b, fanIn, fanOut, l.y.storage, l.w.storage, l.dx.storage, false)
                }
            } else {
                Gemm.blas(.normal, .normal, b, fanOut, fanIn, l.x.storage, l.w.storage, l.y.storage, false)
                Gemm.blas(.transposed, .normal, fanIn, fanOut, b, l.x.storage, l.y.storage, l.g.storage, false)
                if index > 0 {
                    Gemm.blas(.normal, .transposed, b, fanIn, fanOut, l.y.storage, l.w.storage, l.dx.storage, false)
                }
            }
        }
    }
    once()
    let start = stopwatch.now()
    for _ in 0..<repeats { once() }
    return workload.flopsPerStep / ((stopwatch.now() - start) / Double(repeats)) / 1e9
}

var scale = 1.0
var only: Set<String>?
var json = false
var cpuTime = false
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--scale": scale = arguments.next().flatMap(Double.init) ?? 1
    case "--only": only = Set((arguments.next() ?? "").split(separator: ",").map(String.init))
    case "--json": json = true
    case "--cpu-time": cpuTime = true
    default:
        print("usage: neurite-bench [--scale S] [--only W1,W2,...] [--json] [--cpu-time]")
        exit(2)
    }
}

/// OpenBLAS against the engine's own loops on a product of every transpose combination: the
/// kernels OpenBLAS picks at run time must compute the right thing before they are timed.
func verifySgemm() -> Double {
    let (m, n, k) = (37, 29, 53)
    var generator = SeededGenerator(seed: 1)
    let a = Tensor(shape: [m * k]), b = Tensor(shape: [k * n])
    for i in 0..<a.count { a.storage[i] = Float(generator.nextUniform(-1, 1)) }
    for i in 0..<b.count { b.storage[i] = Float(generator.nextUniform(-1, 1)) }
    let viaBLAS = Tensor(shape: [m * n]), viaLoops = Tensor(shape: [m * n])
    var worst = 0.0
    for (opA, opB) in [(Gemm.Operand.normal, Gemm.Operand.normal), (.normal, .transposed), (.transposed, .normal)] {
        Gemm.blas(opA, opB, m, n, k, a.storage, b.storage, viaBLAS.storage, false)
        switch (opA, opB) {
        case (.normal, .normal): Gemm.smallNN(m, n, k, a.storage, b.storage, viaLoops.storage, false)
        case (.normal, .transposed): Gemm.smallNT(m, n, k, a.storage, b.storage, viaLoops.storage, false)
        default: Gemm.smallTN(m, n, k, a.storage, b.storage, viaLoops.storage, false)
        }
        for i in 0..<(m * n) { worst = Swift.max(worst, Double(Swift.abs(viaBLAS.storage[i] - viaLoops.storage[i]))) }
    }
    return worst
}

let sgemmError = verifySgemm()
guard sgemmError < 1e-3 else {
    print("neurite-bench: OpenBLAS sgemm disagrees with the engine's loops (max error \(sgemmError)); not timing")
    exit(1)
}

var results: [Measurement] = []
for workload in Workload.all(scale: scale) where only?.contains(workload.name) ?? true {
    do {
        let network = try Network(inputWidth: workload.inputWidth, specs: workload.specs, seed: 1)
        let data = workload.makeData()
        // Warm-up: a tenth of the steps (at least a few). Then three rounds, each a timed run and,
        // for the large workloads, the sgemm ceiling right after it (so both see the same machine
        // load); the best of each is kept.
        _ = try train(workload, data: data, network: network, steps: Swift.max(workload.steps / 10, 3), seed: 0, stopwatch: Stopwatch(cpuTime: cpuTime))
        var best = Double.infinity
        var loss = Double.nan
        var ceiling: Double?
        for round in 0..<3 {
            let (perStep, l) = try train(workload, data: data, network: network, steps: workload.steps, seed: UInt64(round + 1), stopwatch: Stopwatch(cpuTime: cpuTime))
            best = Swift.min(best, perStep)
            loss = l
            if workload.flopsPerStep > 1e7 {
                let rate = sgemmCeiling(workload, repeats: Swift.max(workload.steps / 3, 3), stopwatch: Stopwatch(cpuTime: cpuTime))
                ceiling = Swift.max(ceiling ?? 0, rate)
            }
        }
        results.append(Measurement(
            workload: workload.name, stepsPerSecond: 1 / best, gflops: workload.flopsPerStep / best / 1e9,
            ceilingGflops: ceiling, finalLoss: loss))
    } catch {
        print("\(workload.name): \(error)")
        exit(1)
    }
}

// W5: the whole comparison with 1 worker, and as "W5-2w" with 2 (by wall-clock time: process CPU
// time would add up both workers). Each timed three times after one warm-up run; the best is kept.
for (name, workers) in [(Comparison.name, 1), (Comparison.name + "-2w", 2)] where only?.contains(name) ?? true {
    do {
        let comparison = try Comparison(scale: scale)
        let stopwatch = Stopwatch(cpuTime: cpuTime && workers == 1)
        _ = try comparison.run(workers: workers, stopwatch: stopwatch)
        var best = Double.infinity, loss = Double.nan
        for _ in 0..<3 {
            let (seconds, meanLoss) = try comparison.run(workers: workers, stopwatch: stopwatch)
            best = Swift.min(best, seconds)
            loss = meanLoss
        }
        let steps = Double(comparison.totalSteps)
        results.append(Measurement(
            workload: name, stepsPerSecond: steps / best, gflops: Comparison.flopsPerStep * steps / best / 1e9,
            ceilingGflops: nil, finalLoss: loss, seconds: best))
    } catch {
        print("\(name): \(error)")
        exit(1)
    }
}

if json {
    let rows = results.map { m in
        "  \"\(m.workload)\": {\"steps_per_s\": \(m.stepsPerSecond), \"gflops\": \(m.gflops), "
            + "\"sgemm_gflops\": \(m.ceilingGflops.map { "\($0)" } ?? "null"), \"final_loss\": \(m.finalLoss)"
            + (m.seconds.map { ", \"seconds\": \($0)" } ?? "") + "}"
    }
    print("{\n" + rows.joined(separator: ",\n") + "\n}")
} else {
    func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
    print(pad("workload", 10) + pad("steps/s", 14) + pad("GFLOP/s", 10) + pad("sgemm GFLOP/s", 15) + "final loss")
    for m in results {
        let ceiling = m.ceilingGflops.map { String(format1($0)) } ?? "-"
        print(pad(m.workload, 10) + pad(format1(m.stepsPerSecond), 14) + pad(format1(m.gflops), 10) + pad(ceiling, 15)
              + format1(m.finalLoss))
    }
}

func format1(_ x: Double) -> String {
    guard x.isFinite else { return "\(x)" }
    let rounded = (x * 10).rounded() / 10
    return "\(rounded)"
}
