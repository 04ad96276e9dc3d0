import NeuriteEngine
import NeuriteLanguage

/// What a seeing command looks at: a model (its current network) and, when it came from a run,
/// that run's history and probes. Built from the command's arguments: runs, runs collections and
/// models, in the order written.
struct TrainingSubject {
    let label: String
    let model: ModelValue
    let run: RunValue?
    /// Where it was written, for errors.
    let span: Span

    /// The model's network as it is now (before training: its initial weights).
    func network(for word: String) throws -> Network {
        try RuntimeError.fromEngine(at: span) { try model.network() }
    }

    /// The run; a model has none.
    func requireRun(for word: String) throws -> RunValue {
        guard let run else {
            throw RuntimeError(
                .needsRunNotModel(command: word), at: span,
                hint: "let r = train \(label) on d, then \(word) r")
        }
        return run
    }

    /// The subjects named by the command's arguments: every run of a runs collection, each run,
    /// each model. `values` are the arguments already evaluated (each is evaluated once).
    static func from(_ input: CommandInput, values: [Value]? = nil, models: Bool = true) throws -> [TrainingSubject] {
        var subjects: [TrainingSubject] = []
        let values = try values ?? input.arguments.map { try input.evaluate($0.value) }
        for (argument, value) in zip(input.arguments, values) {
            let span = argument.value.span
            switch value {
            case .run(let run):
                subjects.append(TrainingSubject(label: run.label, model: run.model, run: run, span: span))
            case .runs(let runs):
                subjects += runs.runs.map { TrainingSubject(label: $0.label, model: $0.model, run: $0, span: span) }
            case .model(let model):
                guard models else {
                    throw RuntimeError(
                        .needsRunsNotModel(command: input.word), at: span,
                        hint: "let r = train \(model.label) on d, then \(input.word) r")
                }
                subjects.append(TrainingSubject(label: model.label, model: model, run: nil, span: span))
            case let other:
                throw RuntimeError(
                    .needsRunsOrModels(command: input.word, typeName: other.typeName), at: span,
                    hint: "e.g. let runs = train a, b on d, then \(input.word) runs")
            }
        }
        guard !subjects.isEmpty else {
            throw RuntimeError(
                .needsSubjects(command: input.word), at: input.command.name.span,
                hint: "e.g. \(input.word) runs")
        }
        return subjects
    }

    /// The dataset of the `on` clause (required); a split gives its test part.
    static func dataset(_ input: CommandInput) throws -> DatasetValue {
        guard let on = input.on else {
            throw RuntimeError(
                .needsDataToLookWith(command: input.word), at: input.command.name.span)
        }
        switch try input.evaluate(on) {
        case .dataset(let data): return data
        case .split(let split): return split.test
        case let other:
            throw RuntimeError(.onNeedsDataset(typeName: other.typeName), at: on.span)
        }
    }
}

/// Names for a network's layers as the user wrote them: the position of the line in the model
/// block (1-based) and its activation, e.g. `2 relu`, `7 sigmoid`.
struct LayerNames {
    let network: Network

    /// The label of network layer `index`.
    func label(_ index: Int) -> String {
        guard network.layers.indices.contains(index) else { return String(index + 1) }
        let spec = network.specIndex[index]
        let siblings = network.layers.indices.filter { network.specIndex[$0] == spec }
        let described = siblings.compactMap { i -> String? in
            let summary = network.layers[i].summary
            return summary.hasPrefix("dense") ? nil : summary
        }
        return "\(spec + 1) " + (described.first ?? network.layers[index].summary)
    }

    /// The network layers of model-block line `line` (1-based).
    func layers(ofLine line: Int) -> [Int] {
        network.layers.indices.filter { network.specIndex[$0] == line - 1 }
    }

    /// The model-block lines that have weights, in order (1-based).
    var weightedLines: [Int] {
        var lines: [Int] = []
        for (index, layer) in network.layers.enumerated() where !layer.parameters.isEmpty {
            let line = network.specIndex[index] + 1
            if lines.last != line { lines.append(line) }
        }
        return lines
    }
}
