import Foundation
import NeuriteNumerics
import Testing
@testable import NeuriteEngine

/// Runs exported PyTorch scripts against Neurite (only with `NEURITE_TORCH_PYTHON`, a Python with
/// torch and safetensors: `Scripts/test-torch` sets it; PyTorch is too large for CI).
enum TorchRunner {
    static let python = ProcessInfo.processInfo.environment["NEURITE_TORCH_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }

    /// Runs `executable arguments` in `folder`; returns standard output, or records stderr and fails.
    static func run(_ executable: String, _ arguments: [String], in folder: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["OMP_NUM_THREADS"] = "1"
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(executable) failed: \(String(decoding: complaint, as: UTF8.self))")
        return String(decoding: printed, as: UTF8.self)
    }

    /// The losses of lines `epoch N: loss L`.
    static func losses(_ printed: String) -> [Double] {
        printed.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("epoch "), let colon = line.range(of: ": loss ") else { return nil }
            return Double(line[colon.upperBound...])
        }
    }

    /// Writes the weights, the data and the script for `network` into `folder`.
    static func export(
        _ network: Network, _ definition: ModelDefinition, _ data: Dataset, _ options: TrainingOptions, in folder: TemporaryFolder
    ) throws {
        try ModelArchive.save(network, definition: definition, toFile: folder.file("net.safetensors"))
        try folder.write(Array(CSVWriter.dataset(data, labels: .indices).utf8), to: "data.csv")
        let targets: PyTorchExport.Targets = data.classCount.map { .classes(count: $0) } ?? .values(width: data.targetWidth)
        let script = try PyTorchExport.script(
            definition: definition, training: options, targets: targets, weightsFile: "net.safetensors", dataFile: "data.csv")
        try folder.write(Array(script.utf8), to: "net.py")
    }
}

@Suite(.enabled(if: TorchRunner.python != nil, "NEURITE_TORCH_PYTHON is not set (Scripts/test-torch sets it)"), .serialized)
struct TorchComparisonTests {
    static let custom = UserActivation(name: "soft_step", expression: .add(
        .multiply(.constant(0.5), .input), .multiply(.constant(0.5), .activation(.tanh, .input))))

    static let specs: [LayerSpec] = [
        .dense(units: 16, activation: .builtin(.relu), weights: nil, bias: .constant(0.05)),
        .dense(units: 12, activation: .custom(custom), weights: nil, bias: nil),
        .dense(units: 8, activation: .builtin(.gelu), weights: nil, bias: nil),
        .dense(2), .softmax,
    ]
    static let definition = ModelDefinition(inputWidth: 2, specs: specs, label: "compare")
    static let data = ToyDatasets.moons(count: 120, noise: 0.1, seed: 6)

    static func options(_ kind: OptimizerKind, learningRate: Double, epochs: Int, schedule: LearningRateSchedule = .constant) -> TrainingOptions {
        TrainingOptions(
            epochs: epochs, batchSize: data.count, loss: .softmaxCrossEntropy,
            optimizer: OptimizerOptions(kind: kind, learningRate: learningRate, schedule: schedule), shuffle: false, seed: 1)
    }

    @Test func initialPredictionsAgreeWithinFloatRounding() throws {
        let python = try #require(TorchRunner.python)
        let network = try Network(inputWidth: 2, specs: Self.specs, seed: 21)
        let folder = try TemporaryFolder()
        try TorchRunner.export(network, Self.definition, Self.data, Self.options(.sgd, learningRate: 0.1, epochs: 1), in: folder)
        _ = try TorchRunner.run(python, [folder.file("net.py"), "--predict", folder.file("p.csv")], in: folder.path)
        let text = String(decoding: folder.read("p.csv") ?? [], as: UTF8.self)
        let torchValues = text.split(separator: "\n").dropFirst().flatMap { $0.split(separator: ",").compactMap { Double(String($0)) } }
        let ours = try network.predict(Self.data.features).values.map(Double.init)
        #expect(torchValues.count == ours.count)
        let worst = zip(ours, torchValues).map { abs($0 - $1) / max(abs($0), 1e-3) }.max() ?? .infinity
        #expect(worst < 1e-5, "largest relative difference of the predictions: \(worst)")
        print("torch comparison: predictions of \(ours.count) values, largest relative difference \(worst)")
    }

    @Test(arguments: [
        ("sgd", OptimizerKind.sgd, 0.1, LearningRateSchedule.constant, 0.0, 0.0),
        ("momentum", .momentum(0.9), 0.05, .constant, 0.0, 0.0),
        ("adam", .adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8), 0.01, .warmup(steps: 5, then: .cosine(steps: 30, minimumFactor: 0.1)), 0.0, 0.0),
        ("momentum with l1 and l2", .momentum(0.9), 0.05, .constant, 0.01, 0.05),
    ])
    func fullBatchLossCurvesAgree(
        name: String, kind: OptimizerKind, learningRate: Double, schedule: LearningRateSchedule, l1: Double, l2: Double
    ) throws {
        let python = try #require(TorchRunner.python)
        let network = try Network(inputWidth: 2, specs: Self.specs, seed: 21)
        let folder = try TemporaryFolder()
        var options = Self.options(kind, learningRate: learningRate, epochs: 30, schedule: schedule)
        options.optimizer.l1 = l1
        options.optimizer.l2 = l2
        try TorchRunner.export(network, Self.definition, Self.data, options, in: folder)
        let run = try Trainer.train(network, on: Self.data, options: options)
        let torchLosses = TorchRunner.losses(try TorchRunner.run(python, [folder.file("net.py")], in: folder.path))
        let ours = run.history.map(\.loss)
        #expect(torchLosses.count == ours.count)
        let worst = zip(ours, torchLosses).map { abs($0 - $1) / abs($0) }.max() ?? .infinity
        #expect(worst < 1e-4, "\(name): largest relative difference of the per-epoch losses: \(worst); Neurite \(ours), PyTorch \(torchLosses)")
        print("torch comparison (\(name), full batch, 30 epochs): loss \(ours.first ?? 0) → \(ours.last ?? 0), largest relative difference \(worst)")
    }

    @Test func trainsUnderTorchrunWithTwoProcesses() throws {
        let python = try #require(TorchRunner.python)
        let torchrun = (python as NSString).deletingLastPathComponent + "/torchrun"
        let network = try Network(inputWidth: 2, specs: Self.specs, seed: 21)
        let folder = try TemporaryFolder()
        var options = Self.options(.adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8), learningRate: 0.01, epochs: 20)
        options.batchSize = 16
        options.shuffle = true
        try TorchRunner.export(network, Self.definition, Self.data, options, in: folder)
        let printed = try TorchRunner.run(torchrun, ["--standalone", "--nproc_per_node=2", folder.file("net.py")], in: folder.path)
        let losses = TorchRunner.losses(printed)
        #expect(losses.count == 20, "one loss line per epoch from rank 0: \(printed)")
        #expect((losses.last ?? .infinity) < 0.8 * (losses.first ?? 0), "losses: \(losses)")
        print("torchrun --nproc_per_node=2 (gloo): loss \(losses.first ?? 0) → \(losses.last ?? 0) over \(losses.count) epochs")
    }
}
