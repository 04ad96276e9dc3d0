import NeuriteEngine
import NeuriteLanguage

extension Evaluator {
    /// `d.count`, `s.train`, `run.loss`, `m.parameters`: the members of datasets, splits, models and runs.
    func member(of value: Value, _ member: Identifier) throws -> Value {
        let result: Value?
        switch value {
        case .dataset(let data): result = Self.member(of: data, member.name)
        case .split(let split): result = try Self.member(of: split, member)
        case .model(let model): result = Self.member(of: model, member.name)
        case .layers(let layers): result = member.name == "count" ? .number(Double(layers.count)) : nil
        case .table(let table): result = table.column(member.name)
        case .record(let record): result = record.field(member.name)
        case .layer(let layer): result = try RuntimeError.fromEngine(at: member.span) { try Self.member(of: layer, member.name) }
        case .run(let run): result = try Self.member(of: run, member)
        case .runs(let runs):
            result = member.name == "count" ? .number(Double(runs.runs.count)) : nil
        case .evaluation(let evaluation): result = try Self.member(of: evaluation, member)
        case .vector, .matrix, .string:
            // `v.length`, `m.shape`: sizes are asked with functions.
            throw RuntimeError(
                .noMember(typeName: value.typeName, member: member.name), at: member.span,
                hint: "only datasets, splits, models, runs and evaluations have members; for a size use len(…) or shape(…)")
        default:
            throw RuntimeError(.noMember(typeName: value.typeName, member: member.name), at: member.span)
        }
        if let result { return result }
        let names = Self.memberNames(of: value)
        let hint = Suggestion.nearest(to: member.name, among: names).map { "did you mean '\($0)'?" }
            ?? "its members are \(names.joined(separator: ", "))"
        throw RuntimeError(.noMember(typeName: value.typeName, member: member.name), at: member.span, hint: hint)
    }

    static func memberNames(of value: Value) -> [String] {
        switch value {
        case .dataset: return ["count", "inputs", "features", "labels", "classes", "label"]
        case .split: return ["train", "test", "validation"]
        case .model: return ["label", "inputs", "outputs", "parameters", "trained", "epochs", "layers", "seed"]
        case .layers: return ["count"]
        case .table(let table): return table.columns
        case .record(let record): return record.fields.map(\.name)
        case .layer: return ["weights", "bias", "activation", "width", "inputs", "index"]
        case .run: return ["label", "loss", "accuracy", "val_loss", "val_accuracy", "lr", "gradients", "bias_gradients", "weights", "sparsity", "saturation", "model", "epochs",
                           "steps", "stopped", "seconds", "final_loss"]
        case .runs: return ["count"]
        case .evaluation: return ["loss", "accuracy", "confusion"]
        default: return []
        }
    }

    private static func member(of data: DatasetValue, _ name: String) -> Value? {
        let dataset = data.dataset
        switch name {
        case "count": return .number(Double(dataset.count))
        case "inputs": return .number(Double(dataset.featureWidth))
        case "features":
            return .matrix(Matrix(
                rows: dataset.count, columns: dataset.featureWidth, elements: dataset.features.values.map(Self.shortest)))
        case "labels":
            switch dataset.targets {
            case .classes(let labels, _): return .vector(labels.map(Double.init))
            case .values(let values):
                let doubles = values.values.map(Self.shortest)
                if values.columns == 1 { return .vector(doubles) }
                return .matrix(Matrix(rows: values.rows, columns: values.columns, elements: doubles))
            }
        case "classes": return .number(Double(dataset.classCount ?? 0))
        case "label": return .string(data.label)
        default: return nil
        }
    }

    /// A stored Float as the Double with the same shortest decimal form (1.7087295, not 1.7087295055389404).
    static func shortest(_ x: Float) -> Double {
        Double("\(x)") ?? Double(x)
    }

    /// A figure computed in Double from Float32 values (a probe's norm or fraction) to the
    /// precision its inputs have: Float's shortest form (`0.26598451` rather than 17 digits).
    static func toFloatPrecision(_ x: Double) -> Double {
        guard x.isFinite, abs(x) <= Double(Float.greatestFiniteMagnitude) else { return x }
        return shortest(Float(x))
    }

    private static func member(of split: SplitValue, _ member: Identifier) throws -> Value? {
        switch member.name {
        case "train": return .dataset(split.train)
        case "test": return .dataset(split.test)
        case "validation":
            guard let validation = split.validation else {
                throw RuntimeError(
                    .noValidationPart, at: member.span,
                    hint: "ask for one: split(d, test: 0.2, validation: 0.1)")
            }
            return .dataset(validation)
        default: return nil
        }
    }

    private static func member(of model: ModelValue, _ name: String) -> Value? {
        switch name {
        case "label": return .string(model.label)
        case "inputs": return .number(Double(model.inputWidth))
        case "outputs": return .number(Double(model.outputWidth))
        case "parameters": return .number(Double(ModelSummary.parameterCount(model)))
        case "trained": return .boolean(model.wasTrained)
        case "epochs": return .number(Double(model.epochsTrained))
        case "layers": return .layers(LayersValue(model: model))
        case "seed": return .number(Double(model.seed))
        default: return nil
        }
    }

    private static func member(of layer: LayerValue, _ name: String) throws -> Value? {
        switch name {
        case "weights": return .matrix(try layer.weights())
        case "bias": return .vector(try layer.bias())
        case "activation": return .string(layer.spec.activation?.name ?? "linear")
        case "width": return .number(Double(layer.spec.units))
        case "inputs": return .number(Double(try layer.dense().inputWidth))
        case "index": return .number(Double(layer.index))
        default: return nil
        }
    }

    private static func member(of value: EvaluationValue, _ member: Identifier) throws -> Value? {
        let evaluation = value.evaluation
        switch member.name {
        case "loss": return .number(evaluation.loss)
        case "accuracy", "confusion":
            guard let accuracy = evaluation.accuracy, let confusion = evaluation.confusion else {
                throw RuntimeError(
                    .evaluationHasNoMetric(metric: member.name), at: member.span, hint: "accuracy is measured for class labels")
            }
            if member.name == "accuracy" { return .number(accuracy) }
            return .matrix(Matrix(
                rows: confusion.count, columns: confusion.count, elements: confusion.flatMap { $0.map(Double.init) }))
        default: return nil
        }
    }

    /// A probe series as a matrix: one row per probe (epoch), one column per layer.
    private static func probeMatrix(_ series: (layers: [String], rows: [[Double]]), _ member: Identifier) throws -> Value {
        guard !series.rows.isEmpty, !series.layers.isEmpty else {
            throw RuntimeError(.runRecordedNoProbes(probe: member.name), at: member.span, hint: "train with probe_every: 1")
        }
        return .matrix(Matrix(
            rows: series.rows.count, columns: series.layers.count,
            elements: series.rows.flatMap { $0 }.map(Evaluator.toFloatPrecision)))
    }

    private static func member(of run: RunValue, _ member: Identifier) throws -> Value? {
        func needs(_ series: [Double]?, _ why: String, _ hint: String) throws -> Value {
            guard let series else { throw RuntimeError(.runHasNoSeries(what: why), at: member.span, hint: hint) }
            return .vector(series)
        }
        switch member.name {
        case "loss": return .vector(run.lossSeries)
        case "final_loss": return .number(run.lossSeries.last ?? .nan)
        case "accuracy":
            return try needs(run.accuracySeries, "accuracy", "accuracy is measured for class labels")
        case "val_loss":
            return try needs(
                run.validationLossSeries, "validation loss",
                "train with validation: 0.2, or on a split with a validation part")
        case "val_accuracy":
            return try needs(run.validationAccuracySeries, "validation accuracy", "train with validation: 0.2 on class labels")
        case "lr": return .vector(run.run.history.map(\.learningRate))
        case "gradients": return try probeMatrix(run.gradientNorms, member)
        case "bias_gradients": return try probeMatrix(run.biasGradientNorms, member)
        case "weights": return try probeMatrix(run.weightNorms, member)
        case "sparsity": return try probeMatrix(run.sparsitySeries, member)
        case "saturation": return try probeMatrix(run.saturationSeries, member)
        case "model": return .model(run.model)
        case "label": return .string(run.label)
        case "epochs": return .number(Double(run.run.history.count))
        case "steps": return .number(Double(run.run.steps))
        case "stopped": return .string(run.stopDescription)
        case "seconds": return .number(run.seconds)
        default: return nil
        }
    }
}
