import Foundation
import NeuriteNumerics
import Testing
@testable import NeuriteEngine

/// Runs Python (the interpreter in `NEURITE_PYTHON`, a venv with numpy and safetensors that
/// `Scripts/test` makes) on a script and returns what it printed.
enum PythonInterop {
    static let python = ProcessInfo.processInfo.environment["NEURITE_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }

    static func run(_ script: String, arguments: [String], in folder: TemporaryFolder) throws -> String {
        let scriptPath = folder.file("script.py")
        try folder.write(Array(script.utf8), to: "script.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(python))
        process.arguments = [scriptPath] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = String(decoding: complaint, as: UTF8.self)
        try #require(process.terminationStatus == 0, "python failed: \(stderr)")
        return String(decoding: printed, as: UTF8.self)
    }

    /// Float bit patterns from a JSON array of numbers.
    static func bits(_ json: JSONValue?) -> [UInt32] {
        guard case .array(let items)? = json else { return [] }
        return items.compactMap { $0.integer.map { UInt32(truncatingIfNeeded: $0) } }
    }

    static func shape(_ json: JSONValue?) -> [Int] {
        guard case .array(let items)? = json else { return [] }
        return items.compactMap(\.integer)
    }
}

@Suite(.enabled(if: PythonInterop.python != nil, "NEURITE_PYTHON is not set (Scripts/test sets it)"))
struct PythonInteropTests {
    /// A trained Neurite model file loads with `safetensors.numpy.load_file`: the PyTorch names,
    /// [out, in] shapes, F32 values bit for bit, and the metadata.
    @Test func neuriteFileLoadsInPython() throws {
        let specs: [LayerSpec] = [.dense(5, .relu), .dropout(rate: 0.2), .dense(units: 3, activation: nil, weights: nil, bias: .constant(0.5))]
        let network = try Network(inputWidth: 4, specs: specs, seed: 8)
        let data = ToyDatasets.randomClassification(count: 40, width: 4, classCount: 3, seed: 1)
        _ = try Trainer.train(network, on: data, options: TrainingOptions(
            epochs: 2, batchSize: 8, loss: .softmaxCrossEntropy, optimizer: OptimizerOptions(kind: .sgd, learningRate: 0.1)))
        let definition = ModelDefinition(inputWidth: 4, specs: specs, epochsTrained: 2, label: "m")
        let folder = try TemporaryFolder()
        try ModelArchive.save(network, definition: definition, toFile: folder.file("m.safetensors"))
        let script = """
            import json, sys
            from safetensors import safe_open
            from safetensors.numpy import load_file
            tensors = load_file(sys.argv[1])
            with safe_open(sys.argv[1], framework="np") as f:
                metadata = f.metadata()
            print(json.dumps({
                "names": sorted(tensors),
                "tensors": {k: {"dtype": str(v.dtype), "shape": list(v.shape), "bits": v.view("<u4").ravel().tolist()}
                            for k, v in tensors.items()},
                "metadata": metadata}))
            """
        let printed = try PythonInterop.run(script, arguments: [folder.file("m.safetensors")], in: folder)
        let result = try JSONParser.parse(printed)
        let archive = try ModelArchive.archive(network, definition: definition)
        #expect(result["names"] == .array(["0.bias", "0.weight", "3.bias", "3.weight"].map(JSONValue.string)))
        for tensor in archive.tensors {
            let loaded = result["tensors"]?[tensor.name]
            #expect(loaded?["dtype"]?.string == "float32", "\(tensor.name)")
            #expect(PythonInterop.shape(loaded?["shape"]) == tensor.shape, "\(tensor.name)")
            #expect(PythonInterop.bits(loaded?["bits"]) == tensor.values.map(\.bitPattern), "\(tensor.name)")
        }
        #expect(PythonInterop.shape(result["tensors"]?["3.weight"]?["shape"]) == [3, 5])
        #expect(result["metadata"]?["format"]?.string == "pt")
        let definitionText = try #require(result["metadata"]?[ModelArchive.definitionKey]?.string)
        #expect(try ModelDefinition(json: JSONParser.parse(definitionText)).epochsTrained == 2)
    }

    /// Files written by Python (F32, F16 and F64 with `safetensors.numpy.save_file`, BF16 laid out by
    /// hand with round-to-nearest-even) load in Neurite with the values numpy converts them to.
    @Test func pythonFilesLoadInNeurite() throws {
        let folder = try TemporaryFolder()
        let script = """
            import json, sys
            import numpy as np
            from safetensors.numpy import save_file
            out = sys.argv[1]
            rng = np.random.default_rng(5)
            a = rng.standard_normal((3, 4)).astype("<f4")
            h = np.concatenate([rng.standard_normal(5) * 100, [np.inf, -0.0, 6e-8, 65504]]).astype("<f2")
            d = np.concatenate([rng.standard_normal(4), [1e-300, 1e300, 0.1]]).astype("<f8").reshape(7, 1)
            save_file({"a": a, "h": h, "d": d}, out + "/numpy.safetensors", metadata={"source": "numpy"})
            f = np.array([1.0, -3.140625, 1e-3, 65504.0, 3.3e38, -7.5e-39], dtype="<f4")
            bits = f.view("<u4").astype(np.uint64)
            bf = ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16).astype("<u2")
            header = json.dumps({"bf": {"dtype": "BF16", "shape": [2, 3], "data_offsets": [0, 12]}}).encode()
            header += b" " * (-len(header) % 8)
            with open(out + "/bf16.safetensors", "wb") as file:
                file.write(len(header).to_bytes(8, "little") + header + bf.tobytes())
            def f32bits(x):
                return x.astype("<f4").view("<u4").ravel().tolist()
            print(json.dumps({
                "a": {"shape": list(a.shape), "bits": f32bits(a)},
                "h": {"shape": list(h.shape), "bits": f32bits(h)},
                "d": {"shape": list(d.shape), "bits": f32bits(d)},
                "bf": {"shape": [2, 3], "bits": (bf.astype(np.uint32) << 16).tolist()}}))
            """
        let expected = try JSONParser.parse(try PythonInterop.run(script, arguments: [folder.path], in: folder))
        let numpyFile = try SafetensorsArchive(contentsOfFile: folder.file("numpy.safetensors"))
        let bf16File = try SafetensorsArchive(contentsOfFile: folder.file("bf16.safetensors"))
        #expect(numpyFile.metadata == ["source": "numpy"])
        let dtypes: [String: SafetensorsDType] = ["a": .f32, "h": .f16, "d": .f64, "bf": .bf16]
        for name in ["a", "h", "d", "bf"] {
            let tensor = try #require((numpyFile.tensor(named: name) ?? bf16File.tensor(named: name)), "\(name)")
            #expect(tensor.storedDType == dtypes[name], "\(name)")
            #expect(tensor.shape == PythonInterop.shape(expected[name]?["shape"]), "\(name)")
            #expect(tensor.values.map(\.bitPattern) == PythonInterop.bits(expected[name]?["bits"]), "\(name)")
        }
    }
}

/// Weights written by Python for an equivalent `nn.Sequential` (Linear(3, 4), ReLU, Linear(4, 2)),
/// in F64 and F16, load into a Neurite network whose predictions match numpy's forward pass.
@Suite(.enabled(if: PythonInterop.python != nil, "NEURITE_PYTHON is not set (Scripts/test sets it)"))
struct PythonWeightsTests {
    @Test func pythonWeightsLoadIntoAnEquivalentNetwork() throws {
        let folder = try TemporaryFolder()
        let script = """
            import json, sys
            import numpy as np
            from safetensors.numpy import save_file
            rng = np.random.default_rng(11)
            w0 = rng.standard_normal((4, 3))
            b0 = rng.standard_normal(4)
            w2 = rng.standard_normal((2, 4)).astype("<f2")
            b2 = rng.standard_normal(2).astype("<f2")
            save_file({"0.weight": w0, "0.bias": b0, "2.weight": w2, "2.bias": b2}, sys.argv[1] + "/w.safetensors")
            x = rng.standard_normal((5, 3)).astype("<f4")
            f = lambda a: a.astype("<f4").astype(np.float64)
            h = np.maximum(x.astype(np.float64) @ f(w0).T + f(b0), 0)
            y = h @ f(w2).T + f(b2)
            print(json.dumps({"x": x.astype(np.float64).tolist(), "y": y.ravel().tolist()}))
            """
        let result = try JSONParser.parse(try PythonInterop.run(script, arguments: [folder.path], in: folder))
        guard case .array(let rows)? = result["x"], case .array(let expected)? = result["y"] else {
            Issue.record("unexpected output: \(result.serialized)")
            return
        }
        let x = try Tensor(rows: rows.map { row in
            guard case .array(let values) = row else { return [] }
            return values.compactMap { $0.double.map(Float.init) }
        })
        let network = try Network(inputWidth: 3, specs: [.dense(4, .relu), .dense(2)], seed: 1)
        try ModelArchive.loadWeights(from: SafetensorsArchive(contentsOfFile: folder.file("w.safetensors")), into: network)
        let ours = try network.predict(x).values.map(Double.init)
        let theirs = expected.compactMap(\.double)
        #expect(theirs.count == 10)
        for (a, b) in zip(ours, theirs) { #expect(abs(a - b) <= 1e-5 * max(1, abs(b)), "\(a) vs \(b)") }
        // The same file into a network of another shape: a clear error naming the tensor.
        let wrong = try Network(inputWidth: 3, specs: [.dense(5, .relu), .dense(2)], seed: 1)
        #expect(throws: ModelArchiveError.wrongShape(name: "0.weight", expected: [5, 3], got: [4, 3])) {
            try ModelArchive.loadWeights(from: SafetensorsArchive(contentsOfFile: folder.file("w.safetensors")), into: wrong)
        }
    }
}

/// The exported PyTorch scripts are valid Python (parsed with `ast`), for every activation, loss,
/// optimizer and schedule.
@Suite(.enabled(if: PythonInterop.python != nil, "NEURITE_PYTHON is not set (Scripts/test sets it)"))
struct PyTorchScriptSyntaxTests {
    @Test func everyExportParsesWithAst() throws {
        let folder = try TemporaryFolder()
        let activations = Activation.allCases.map { LayerSpec.activation(.builtin($0)) }
        let custom = LayerSpec.activation(.custom(ModelArchiveTests.custom))
        let specs: [LayerSpec] = [.dense(4, .relu), .dropout(rate: 0.25), custom] + activations + [.dense(3), .softmax]
        let definition = ModelDefinition(inputWidth: 2, specs: specs, label: "every \"act\"")
        let losses: [Loss] = [.meanSquaredError, .meanAbsoluteError, .huber(delta: 1.5), .binaryCrossEntropy, .softmaxCrossEntropy]
        let kinds: [OptimizerKind] = [
            .sgd, .momentum(0.9), .nesterov(0.8), .adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8),
            .adamW(beta1: 0.8, beta2: 0.99, epsilon: 1e-7), .rmsProp(rho: 0.9, epsilon: 1e-8), .adagrad(epsilon: 1e-10),
        ]
        let schedules: [LearningRateSchedule] = [
            .constant, .step(every: 10, factor: 0.5), .exponential(rate: 0.9, every: 5),
            .warmup(steps: 5, then: .cosine(steps: 100, minimumFactor: 0.05)),
        ]
        var paths: [String] = []
        for (index, loss) in losses.enumerated() {
            for (k, kind) in kinds.enumerated() {
                let options = TrainingOptions(
                    epochs: 3, batchSize: 8, loss: loss,
                    optimizer: OptimizerOptions(kind: kind, learningRate: 0.01, weightDecay: 1e-4, clipNorm: 1, clipValue: 0.5,
                                                schedule: schedules[(index + k) % schedules.count]),
                    validationFraction: 0.2, seed: 3, earlyStopping: EarlyStopping(patience: 2))
                let targets: PyTorchExport.Targets = loss == .meanSquaredError ? .values(width: 3) : .classes(count: 3)
                let script = try PyTorchExport.script(
                    definition: definition, training: options, targets: targets, weightsFile: "w \"1\".safetensors", dataFile: "d.csv")
                let name = "net\(index)_\(k).py"
                try folder.write(Array(script.utf8), to: name)
                paths.append(folder.file(name))
            }
        }
        let check = """
            import ast, sys
            for path in sys.argv[1:]:
                tree = ast.parse(open(path, encoding="utf-8").read(), filename=path)
                names = {node.name for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.ClassDef))}
                assert {"build_model", "main", "lr_factor", "make_optimizer", "load_data"} <= names, (path, names)
            print(len(sys.argv) - 1)
            """
        let printed = try PythonInterop.run(check, arguments: paths, in: folder)
        #expect(printed.trimmingCharacters(in: .whitespacesAndNewlines) == String(paths.count))
    }

    @Test func scriptNamesTheModulesAsTheArchiveDoes() throws {
        let specs: [LayerSpec] = [.dense(8, .tanh), .dropout(rate: 0.1), .dense(1, .sigmoid)]
        let script = try PyTorchExport.script(
            definition: ModelDefinition(inputWidth: 2, specs: specs),
            training: TrainingOptions(epochs: 5, batchSize: 4, loss: .binaryCrossEntropy, optimizer: OptimizerOptions(kind: .momentum(0.9))),
            targets: .classes(count: 2), weightsFile: "net.safetensors", dataFile: "data.csv")
        for line in ["nn.Linear(2, 8),  # 0", "nn.Tanh(),  # 1", "nn.Dropout(p=0.1),  # 2", "nn.Linear(8, 1),  # 3", "nn.Sigmoid(),  # 4",
                     "LOSS_ON_LOGITS = True", "TARGETS = \"binary\"", "F.binary_cross_entropy_with_logits(output, target)",
                     "momentum=0.9, dampening=0.0, nesterov=False"] {
            #expect(script.contains(line), "\(line)")
        }
        let network = try Network(inputWidth: 2, specs: specs, seed: 1)
        #expect(try ModelArchive.archive(network, definition: ModelDefinition(inputWidth: 2, specs: specs)).tensors.map(\.name)
            == ["0.weight", "0.bias", "3.weight", "3.bias"])
    }
}
