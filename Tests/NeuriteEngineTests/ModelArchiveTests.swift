import NeuriteNumerics
import Testing
@testable import NeuriteEngine

@Suite struct ModelArchiveTests {
    /// A user-defined activation using every kind of expression node: x > 0 ? x·tanh(x) : 0.1·(e^x − 1)^1 / 2 − -relu(x).
    static let custom = UserActivation(name: "mine", expression: .select(
        condition: .greater, lhs: .input, rhs: .constant(0),
        then: .multiply(.input, .unary(.tanh, .input)),
        else: .subtract(
            .divide(.multiply(.constant(0.1), .power(.subtract(.unary(.exp, .input), .constant(1)), .constant(1))), .constant(2)),
            .negate(.activation(.relu, .input)))))

    static let specs: [LayerSpec] = [
        .dense(units: 6, activation: .builtin(.relu), weights: .scaled(.heUniform, gain: 1.5), bias: .constant(-0.25)),
        .dropout(rate: 0.1),
        .dense(units: 5, activation: .custom(custom), weights: .orthogonal(gain: 1.5), bias: .normal(mean: 0.1, standardDeviation: 0.2)),
        .activation(.builtin(.gelu)),
        .dense(units: 4, activation: nil, weights: .uniform(low: -0.3, high: 0.4), bias: nil),
        .dense(units: 3, activation: .builtin(.softmax), weights: nil, bias: .zeros),
    ]

    static func definition(epochs: Int = 0) -> ModelDefinition {
        ModelDefinition(inputWidth: 3, specs: specs, epochsTrained: epochs, label: "deep(relu)")
    }

    static let data = ToyDatasets.randomClassification(count: 60, width: 3, classCount: 3, seed: 4)

    static func options(epochs: Int) -> TrainingOptions {
        TrainingOptions(
            epochs: epochs, batchSize: 60, loss: .softmaxCrossEntropy,
            optimizer: OptimizerOptions(kind: .sgd, learningRate: 0.1), shuffle: false, seed: 3)
    }

    @Test func tensorsAreNamedAsPyTorchsSequential() throws {
        let network = try Network(inputWidth: 3, specs: Self.specs, seed: 1)
        let archive = try ModelArchive.archive(network, definition: Self.definition())
        // dense(6) relu dropout dense(5) mine gelu dense(4) dense(3) softmax = modules 0…8.
        #expect(archive.tensors.map(\.name) == ["0.weight", "0.bias", "3.weight", "3.bias", "6.weight", "6.bias", "7.weight", "7.bias"])
        #expect(archive.tensors.map(\.shape) == [[6, 3], [6], [5, 6], [5], [4, 5], [4], [3, 4], [3]])
        #expect(Self.definition().modules.count == network.layers.count)
        // Weight [out, in] is the transpose of Neurite's in × out matrix.
        let dense = try #require(network.layers[3] as? DenseLayer)
        let weight = try #require(archive.tensor(named: "3.weight"))
        for o in 0..<5 { for i in 0..<6 { #expect(weight.values[o * 6 + i] == dense.weights.value[i, o]) } }
        #expect(archive.tensor(named: "0.bias")?.values == [Float](repeating: -0.25, count: 6))
        #expect(archive.metadata["format"] == "pt")
    }

    @Test func reloadGivesBitIdenticalPredictionsAndDefinition() throws {
        let network = try Network(inputWidth: 3, specs: Self.specs, seed: 9)
        _ = try Trainer.train(network, on: Self.data, options: Self.options(epochs: 5))
        let bytes = try ModelArchive.encoded(network, definition: Self.definition(epochs: 5))
        let loaded = try ModelArchive.load(bytes: bytes)
        #expect(loaded.definition.epochsTrained == 5)
        #expect(loaded.definition.label == "deep(relu)")
        #expect(loaded.definition.inputWidth == 3)
        #expect(try loaded.definition.json() == Self.definition(epochs: 5).json())
        #expect(loaded.network.layerDescriptions.map(\.summary) == network.layerDescriptions.map(\.summary))
        let before = try network.predict(Self.data.features).values.map(\.bitPattern)
        let after = try loaded.network.predict(Self.data.features).values.map(\.bitPattern)
        #expect(before == after)
        // Saving the reloaded model gives the same bytes.
        #expect(try ModelArchive.encoded(loaded.network, definition: loaded.definition) == bytes)
    }

    /// Training on after a reload equals training on without the save (no dropout: its mask stream
    /// is not part of the file; a fresh optimizer on both sides).
    @Test func trainingOnAfterReloadEqualsTrainingWithoutTheSave() throws {
        let specs: [LayerSpec] = [.dense(8, .tanh), .dense(units: 4, activation: .custom(Self.custom), weights: nil, bias: nil), .dense(3), .softmax]
        let definition = ModelDefinition(inputWidth: 3, specs: specs)
        let original = try Network(inputWidth: 3, specs: specs, seed: 2)
        _ = try Trainer.train(original, on: Self.data, options: Self.options(epochs: 3))
        let folder = try TemporaryFolder()
        try ModelArchive.save(original, definition: definition, toFile: folder.file("m.safetensors"))
        let reloaded = try ModelArchive.load(contentsOfFile: folder.file("m.safetensors")).network
        let runA = try Trainer.train(original, on: Self.data, options: Self.options(epochs: 4))
        let runB = try Trainer.train(reloaded, on: Self.data, options: Self.options(epochs: 4))
        #expect(runA.history.map(\.loss) == runB.history.map(\.loss))
        #expect(original.parameters.map { $0.value.values.map(\.bitPattern) } == reloaded.parameters.map { $0.value.values.map(\.bitPattern) })
    }

    @Test func weightsLoadIntoAnEquivalentNetwork() throws {
        let source = try Network(inputWidth: 3, specs: Self.specs, seed: 1)
        let target = try Network(inputWidth: 3, specs: Self.specs, seed: 2)
        #expect(try source.predict(Self.data.features).values != target.predict(Self.data.features).values)
        var archive = try ModelArchive.archive(source, definition: Self.definition())
        archive.metadata = [:]
        try ModelArchive.loadWeights(from: archive, into: target)
        #expect(try source.predict(Self.data.features).values.map(\.bitPattern) == target.predict(Self.data.features).values.map(\.bitPattern))
        // Without a definition the file cannot make a model on its own.
        #expect(throws: ModelArchiveError.noDefinition) { try ModelArchive.load(archive) }
    }

    @Test func weightsInOtherFloatTypesAreConverted() throws {
        let network = try Network(inputWidth: 2, specs: [.dense(2)], seed: 1)
        // F64 weight [[1, 2], [3, 4]] ([out, in]), BF16 bias [0.5, -1].
        var data: [UInt8] = []
        for value in [1.0, 2, 3, 4] { data += (0..<8).map { UInt8(truncatingIfNeeded: value.bitPattern >> (8 * UInt64($0))) } }
        data += [0x00, 0x3F, 0x80, 0xBF]
        let header = #"{"0.weight":{"dtype":"F64","shape":[2,2],"data_offsets":[0,32]},"0.bias":{"dtype":"BF16","shape":[2],"data_offsets":[32,36]}}"#
        try ModelArchive.loadWeights(from: SafetensorsArchive(bytes: SafetensorsBytes.file(header: header, data: data)), into: network)
        let output = try network.predict(Tensor(rows: [[1, 0], [0, 1]]))
        #expect(output.values == [1.5, 2, 2.5, 3])
    }

    static let mismatches: [(String, [SafetensorsTensor], ModelArchiveError)] = [
        ("missing bias", [SafetensorsTensor(name: "0.weight", shape: [2, 3], values: .init(repeating: 0, count: 6))],
         .missingTensor(name: "0.bias", shape: [2])),
        ("wrong shape", [SafetensorsTensor(name: "0.weight", shape: [3, 2], values: .init(repeating: 0, count: 6)),
                         SafetensorsTensor(name: "0.bias", shape: [2], values: [0, 0])],
         .wrongShape(name: "0.weight", expected: [2, 3], got: [3, 2])),
        ("extra tensor", [SafetensorsTensor(name: "0.weight", shape: [2, 3], values: .init(repeating: 0, count: 6)),
                          SafetensorsTensor(name: "0.bias", shape: [2], values: [0, 0]),
                          SafetensorsTensor(name: "2.weight", shape: [1, 2], values: [0, 0])],
         .unexpectedTensor(name: "2.weight", shape: [1, 2])),
    ]

    @Test(arguments: mismatches)
    func mismatchedWeightsAreRefusedAndLeaveTheNetworkUnchanged(name: String, tensors: [SafetensorsTensor], error: ModelArchiveError) throws {
        let network = try Network(inputWidth: 3, specs: [.dense(2, .relu)], seed: 1)
        let before = network.parameters.map(\.value.values)
        #expect(throws: error) { try ModelArchive.loadWeights(from: SafetensorsArchive(tensors: tensors), into: network) }
        #expect(network.parameters.map(\.value.values) == before)
    }

    @Test func messagesNameTheTensor() {
        #expect(ModelArchiveError.missingTensor(name: "0.bias", shape: [2]).description == "the file has no tensor '0.bias' (expected shape [2])")
        #expect(ModelArchiveError.wrongShape(name: "0.weight", expected: [2, 3], got: [3, 2]).description
            == "tensor '0.weight' has shape [3, 2], the model needs [2, 3]")
        #expect(ModelArchiveError.file(.unsupportedDType(tensor: "0.weight", dtype: "I8")).description
            == "tensor '0.weight': dtype I8 is not supported (Neurite reads F32, F16, BF16, F64)")
    }

    @Test func definitionNotDescribingTheNetworkIsRefused() throws {
        let network = try Network(inputWidth: 3, specs: [.dense(2)], seed: 1)
        #expect(throws: ModelArchiveError.invalidDefinition("the definition does not describe the network's layers")) {
            try ModelArchive.archive(network, definition: ModelDefinition(inputWidth: 3, specs: [.dense(4)]))
        }
    }

    @Test func nonFiniteSettingsCannotBeSaved() throws {
        let specs: [LayerSpec] = [.dense(units: 2, activation: nil, weights: .constant(.infinity), bias: nil)]
        let network = try Network(inputWidth: 1, specs: specs, seed: 1)
        #expect(throws: ModelArchiveError.invalidDefinition("the constant initializer's value is inf; only finite numbers can be saved")) {
            try ModelArchive.archive(network, definition: ModelDefinition(inputWidth: 1, specs: specs))
        }
    }

    /// Definitions damaged by hand give errors naming the layer; tensors are checked against the
    /// definition before any layer is built.
    static let badDefinitions: [(String, String)] = [
        (#"{"format":"neurite-model","version":2,"input":3,"epochs_trained":0,"layers":[]}"#,
         "invalid model definition: version 2 is not 1 (saved by a newer Neurite?)"),
        (#"{"format":"neurite-model","version":1,"input":0,"epochs_trained":0,"layers":[]}"#,
         "invalid model definition: 'input' is not a whole number between 1 and 16777216"),
        (#"{"format":"neurite-model","version":1,"input":3,"epochs_trained":0,"layers":[{"type":"conv"}]}"#,
         "invalid model definition: layer 1: unknown layer type 'conv'"),
        (#"{"format":"neurite-model","version":1,"input":3,"epochs_trained":0,"layers":[{"type":"dense","units":2,"activation":"rleu"}]}"#,
         "invalid model definition: layer 1: unknown activation 'rleu'"),
        (#"{"format":"neurite-model","version":1,"input":3,"epochs_trained":0,"layers":[{"type":"dense","units":2,"activation":{"name":"f","program":["x","add"]}}]}"#,
         "invalid model definition: layer 1: activation 'f': 'add' needs 2 operands"),
        (#"{"format":"neurite-model","version":1,"input":3,"epochs_trained":0,"layers":[{"type":"dense","units":2,"activation":{"name":"f","program":["x","x"]}}]}"#,
         "invalid model definition: layer 1: activation 'f': the program leaves 2 values instead of 1"),
        (#"{"format":"neurite-model","version":1,"input":3,"epochs_trained":0,"layers":[{"type":"dropout","rate":1}]}"#,
         "invalid model definition: layer 1: 'rate' is not a number in [0, 1)"),
        (#"{"format":"neurite-model","version":1,"input":16777216,"epochs_trained":0,"layers":[{"type":"dense","units":16777216}]}"#,
         "the file has no tensor '0.weight' (expected shape [16777216, 16777216])"),
        ("not json", "invalid model definition: not valid JSON: unexpected character 'n' at byte 0"),
    ]

    @Test(arguments: badDefinitions)
    func damagedDefinitionsAreRefused(json: String, message: String) {
        let archive = SafetensorsArchive(tensors: [], metadata: [ModelArchive.definitionKey: json])
        do {
            _ = try ModelArchive.load(archive)
            Issue.record("loaded")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func deepActivationProgramIsRefusedNotOverflowed() {
        let program = "[\"x\"" + String(repeating: ",\"neg\"", count: 5000) + "]"
        let json = #"{"format":"neurite-model","version":1,"input":1,"epochs_trained":0,"layers":[{"type":"activation","activation":{"name":"f","program":"# + program + "}}]}"
        #expect(throws: ModelArchiveError.invalidDefinition("layer 1: activation 'f': nested more than 1000 deep")) {
            try ModelArchive.load(SafetensorsArchive(tensors: [], metadata: [ModelArchive.definitionKey: json]))
        }
    }
}
