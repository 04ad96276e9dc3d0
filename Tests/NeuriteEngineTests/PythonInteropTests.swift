import Foundation
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
