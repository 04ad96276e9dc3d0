import Foundation
import NeuriteEngine
import NeuriteLanguage
import SafeFiles

/// `save m to "net.safetensors"`: the model's weights as safetensors, named as PyTorch names the
/// equivalent `nn.Sequential` (`0.weight` [out, in], `0.bias`, …), its definition in the metadata.
struct SaveCommand: CommandHandler {
    let signature = CommandSignature(
        word: .save, usage: ["save m to \"net.safetensors\""],
        summary: "writes a model's weights and definition to a safetensors file (PyTorch's names: 0.weight, 0.bias, …), which load reads back into the same model, and Python's safetensors reads too",
        parts: [PartSpec(name: "m", summary: "a model")],
        clauses: [(.to, "the file to write (written atomically)")],
        options: [],
        example: "model tiny { input 2; dense 3, relu; dense 1, sigmoid }\nsave tiny to \"/tmp/neurite-help-tiny.safetensors\"")

    func run(_ input: CommandInput) throws -> Value {
        guard input.arguments.count == 1, let argument = input.arguments.first else {
            throw RuntimeError(.fileCommandNeedsOne(command: "save", what: "model"), at: input.command.name.span, hint: "e.g. save m to \"net.safetensors\"")
        }
        let model = try TrainCommand.model(argument.value, context: input.context)
        let path = try FileCommands.path(input, clause: input.to, example: "net.safetensors")
        try RuntimeError.fromEngine(at: input.to?.span ?? input.span) {
            try ModelArchive.save(try model.network(), definition: FileCommands.definition(of: model), toFile: path)
        }
        input.context.output?.write("saved \(path)\n")
        return .nothing
    }
}

/// `load "net.safetensors"`: the model saved there, with its weights; `load "w.safetensors" into m`:
/// the file's weights put into `m`, whose layers must match them (names and shapes).
struct LoadCommand: CommandHandler {
    let signature = CommandSignature(
        word: .load, usage: ["load \"net.safetensors\"", "load \"w.safetensors\" into m"],
        summary: "reads a model saved with save (its definition and weights), or puts a file's weights into a model of the same layers",
        parts: [PartSpec(name: "\"f\"", summary: "a safetensors file name")],
        clauses: [(.into, "an existing model to give the file's weights (missing, extra or misshapen tensors are errors)")],
        options: [],
        example: "model tiny { input 2; dense 3, relu; dense 1, sigmoid }\nsave tiny to \"/tmp/neurite-help-load.safetensors\"\nlet back = load \"/tmp/neurite-help-load.safetensors\"\nback.layers[0].weights == tiny.layers[0].weights")

    func run(_ input: CommandInput) throws -> Value {
        guard input.arguments.count == 1, let argument = input.arguments.first else {
            throw RuntimeError(.fileCommandNeedsOne(command: "load", what: "file name"), at: input.command.name.span, hint: "e.g. load \"net.safetensors\"")
        }
        let path = try input.reader.string(argument.value, "'load'", requirement: "a file name such as \"net.safetensors\"")
        if let into = input.into {
            let model = try TrainCommand.model(into, context: input.context)
            try RuntimeError.fromEngine(at: argument.value.span) {
                let archive = try SafetensorsArchive(contentsOfFile: path)
                try ModelArchive.loadWeights(from: archive, into: try model.network())
            }
            model.weightsAreFixed = true
            return .model(model)
        }
        let loaded = try RuntimeError.fromEngine(at: argument.value.span) { try ModelArchive.load(contentsOfFile: path) }
        let definition = loaded.definition
        let label = definition.label ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let model = ModelValue(label: label, inputWidth: definition.inputWidth, specs: definition.specs, network: loaded.network)
        model.epochsTrained = definition.epochsTrained
        model.wasTrained = definition.epochsTrained > 0
        return .model(model)
    }
}

/// `export x to "file"`: a run's per-epoch history, a dataset, or a matrix (e.g. `predict(m, d)`)
/// as CSV; a model as a PyTorch script (`to "net.py" on d with …`: the script, its weights beside
/// it as safetensors and the data as CSV, training with the given settings) or as safetensors.
struct ExportCommand: CommandHandler {
    let signature = CommandSignature(
        word: .export,
        usage: [
            "export run to \"run.csv\"", "export d to \"data.csv\"", "export predict(m, d) to \"p.csv\"",
            "export m to \"net.py\" on d with epochs: 100, lr: 0.03  (also writes net.safetensors and net-data.csv)",
        ],
        summary: "writes a run's history, a dataset or a matrix as CSV, or a model as a self-contained PyTorch script that trains it as Neurite would",
        parts: [PartSpec(name: "x", summary: "a run, dataset, vector, matrix or model")],
        clauses: [(.to, "the file to write (.csv, or .py / .safetensors for a model)"), (.on, "for a PyTorch script: the data it trains on")],
        options: TrainOptions.all,
        example: "model tiny { input 2; dense 3, relu; dense 1, sigmoid }\nlet r = train tiny on xor(n: 40, seed: 1) with epochs: 2\nexport r to \"/tmp/neurite-help-run.csv\"")

    func run(_ input: CommandInput) throws -> Value {
        guard input.arguments.count == 1, let argument = input.arguments.first else {
            throw RuntimeError(.fileCommandNeedsOne(command: "export", what: "value"), at: input.command.name.span, hint: "e.g. export r to \"run.csv\"")
        }
        let value = try input.evaluate(argument.value)
        let path = try FileCommands.path(input, clause: input.to, example: "out.csv")
        let at = input.to?.span ?? input.span
        var written = [path]
        let text: String
        switch value {
        case .run(let run):
            text = CSVWriter.history(run.run.history)
        case .dataset(let data):
            text = CSVWriter.dataset(data.dataset)
        case .vector(let v):
            text = try Self.csv(Matrix(rows: v.count, columns: 1, elements: v), at: at)
        case .matrix(let m):
            text = try Self.csv(m, at: at)
        case .model(let model):
            if path.hasSuffix(".py") {
                written = try Self.pytorch(model, input: input, path: path, at: at)
                input.context.output?.write("wrote " + written.joined(separator: ", ") + "\n")
                return .nothing
            }
            try RuntimeError.fromEngine(at: at) {
                try ModelArchive.save(try model.network(), definition: FileCommands.definition(of: model), toFile: path)
            }
            input.context.output?.write("saved \(path)\n")
            return .nothing
        case .runs:
            throw RuntimeError(.exportNeedsOne(typeName: value.typeName), at: argument.value.span, hint: "export one run at a time: export runs[0] to \"run.csv\"")
        default:
            throw RuntimeError(.exportNeedsOne(typeName: value.typeName), at: argument.value.span,
                               hint: "export writes runs, datasets, vectors and matrices as CSV, and models")
        }
        try FileCommands.write(text, to: path, at: at)
        input.context.output?.write("wrote \(path)\n")
        return .nothing
    }

    private static func csv(_ matrix: Matrix, at span: Span) throws -> String {
        let tensor = Tensor(shape: [matrix.rows, matrix.columns])
        for (index, x) in matrix.elements.enumerated() { tensor.storage[index] = Float(x) }
        return try RuntimeError.fromEngine(at: span) { try CSVWriter.matrix(tensor) }
    }

    /// `net.py`, with `net.safetensors` and `net-data.csv` beside it.
    private static func pytorch(_ model: ModelValue, input: CommandInput, path: String, at span: Span) throws -> [String] {
        guard let on = input.on else {
            throw RuntimeError(.exportScriptNeedsData, at: span, hint: "e.g. export m to \"net.py\" on d with epochs: 100")
        }
        let data = try TrainCommand.dataset(on, context: input.context, split: .train)
        try TrainCommand.checkFits(model, data, at: input.arguments[0].value.span)
        let settings = try TrainingSettings(input)
        let loss = settings.effectiveLoss(model: model, data: data.dataset)
        let options = settings.engineOptions(loss: loss, sampleCount: data.dataset.count)
        let base = String(path.dropLast(3))
        let weightsPath = base + ".safetensors", dataPath = base + "-data.csv"
        var targets = PyTorchExport.Targets.values(width: data.dataset.targetWidth)
        if let classes = data.dataset.classCount { targets = .classes(count: classes) }
        let network = try RuntimeError.fromEngine(at: span) { try model.network() }
        let definition = FileCommands.definition(of: model)
        let script: String
        // Typed-throwing engine calls are caught here rather than inside a closure: that form
        // crashed the release compiler (Swift 6.3.1, CopyPropagation).
        do {
            script = try PyTorchExport.script(
                definition: definition, training: options, targets: targets,
                weightsFile: URL(fileURLWithPath: weightsPath).lastPathComponent,
                dataFile: URL(fileURLWithPath: dataPath).lastPathComponent)
            try ModelArchive.save(network, definition: definition, toFile: weightsPath)
        } catch {
            throw RuntimeError(.unexpectedFailure(error.description), at: span)
        }
        try FileCommands.write(CSVWriter.dataset(data.dataset, labels: .indices), to: dataPath, at: span)
        try FileCommands.write(script, to: path, at: span)
        return [path, weightsPath, dataPath]
    }
}

/// What the file commands share.
enum FileCommands {
    /// The file name written after the clause.
    static func path(_ input: CommandInput, clause: NeuriteLanguage.Expression?, example: String) throws -> String {
        guard let clause else {
            throw RuntimeError(.fileCommandNeedsFile(command: input.word), at: input.command.name.span,
                               hint: "e.g. \(input.word) … to \"\(example)\"")
        }
        return try input.reader.string(clause, "'to'", requirement: "a file name such as \"\(example)\"")
    }

    static func definition(of model: ModelValue) -> ModelDefinition {
        ModelDefinition(inputWidth: model.inputWidth, specs: model.specs, epochsTrained: model.epochsTrained, label: model.label)
    }

    /// Writes `text` atomically (temporary file, then rename; through symbolic links; never over a
    /// device or other non-regular file).
    static func write(_ text: String, to path: String, at span: Span) throws {
        do throws(SafeFileError) {
            try AtomicFile.write(text, to: path)
        } catch {
            throw RuntimeError(.cannotWriteFile(path: path, reason: error.explanation), at: span)
        }
    }
}
