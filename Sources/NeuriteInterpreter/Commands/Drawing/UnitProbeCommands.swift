import Foundation
import NeuriteEngine
import NeuriteLanguage
import NeuritePlot

/// `dead runs on d`, `saturation runs on d`, `sparsity runs on d`: one figure per activation layer,
/// measured by the engine's probes over the whole of `d` with the model's current weights, drawn
/// as bars (side by side per run or model) followed by the numbers.
///
/// - dead: ReLU-family units whose pre-activation is ≤ 0 for every sample (count per layer);
/// - saturation: the fraction of activation outputs in the function's saturated range;
/// - sparsity: the fraction of activation outputs exactly 0.
struct UnitProbeCommand: CommandHandler {
    enum Measure: String, CaseIterable {
        case dead, saturation, sparsity

        var word: CommandWord {
            switch self {
            case .dead: return .dead
            case .saturation: return .saturation
            case .sparsity: return .sparsity
            }
        }
    }

    let measure: Measure

    var signature: CommandSignature {
        let summary: String
        switch measure {
        case .dead: summary = "dead ReLU-family units per layer (pre-activation ≤ 0 for every sample of d): bars and counts, side by side per run"
        case .saturation: summary = "the fraction of each activation layer's outputs on d in the function's saturated range: bars and numbers, side by side per run"
        case .sparsity: summary = "the fraction of each activation layer's outputs on d that are exactly 0: bars and numbers, side by side per run"
        }
        return CommandSignature(
            word: measure.word, usage: ["\(measure.rawValue) runs on d"], summary: summary,
            parts: [PartSpec(name: "runs", summary: "runs or models", repeats: true)],
            clauses: [(.on, "the data the units are measured on")],
            options: DrawingOptions.all,
            example: "model net(act) { input 2; dense 6, act; dense 6, act; dense 1, sigmoid }\nlet runs = train net(relu), net(tanh) on xor(n: 60, seed: 1) with epochs: 3\n\(measure.rawValue) runs on xor(n: 60, seed: 1)")
    }

    func run(_ input: CommandInput) throws -> Value {
        let subjects = try TrainingSubject.from(input)
        let data = try TrainingSubject.dataset(input)
        let drawing = try Drawing(input)
        var measured: [(subject: TrainingSubject, rows: [Figure])] = []
        for subject in subjects {
            let network = try subject.network(for: measure.rawValue)
            let names = LayerNames(network: network)
            measured.append((subject, try figures(network, names: names, data: data, at: subject.span)))
        }
        // One scale for every chart, so plots side by side compare at a glance: fractions against 1,
        // dead units against the widest layer measured.
        let fullBar = measure == .dead ? Double(measured.flatMap { $0.rows.map(\.width) }.max() ?? 1) : 1
        var charts: [any Plottable] = []
        var tables: [String] = []
        for (subject, rows) in measured {
            let title = drawing.title ?? "\(subject.label): \(heading)"
            if !rows.isEmpty {
                charts.append(BarChart(
                    labels: rows.map(\.label), values: rows.map(\.value), title: title, valueLabel: unit,
                    scaleMaximum: fullBar))
            }
            tables.append(
                "\(subject.label): \(heading) per layer on \(data.label)\n"
                    + (rows.isEmpty ? "  (\(emptyNote))" : rows.map { "  \($0.label): \($0.text)" }.joined(separator: "\n")))
        }
        try drawing.show(charts)
        drawing.write(tables.joined(separator: "\n"))
        return .table(table(measured))
    }

    /// The figures as a value: one row per layer and subject.
    private func table(_ measured: [(subject: TrainingSubject, rows: [Figure])]) -> TableValue {
        let columns = measure == .dead ? ["model", "layer", "width", "dead", "inactive"] : ["model", "layer", "width", "fraction"]
        var rows: [[Value]] = []
        for (subject, figures) in measured {
            for figure in figures {
                var row: [Value] = [.string(subject.label), .string(figure.label), .number(Double(figure.width))]
                row += measure == .dead
                    ? [.number(figure.value), .number(Double(figure.inactive))] : [.number(Evaluator.toFloatPrecision(figure.value))]
                rows.append(row)
            }
        }
        return TableValue(columns: columns, rows: rows)
    }

    private var heading: String {
        switch measure {
        case .dead: return "dead units"
        case .saturation: return "saturated fraction"
        case .sparsity: return "fraction of zeros"
        }
    }

    private var unit: String {
        measure == .dead ? "dead units" : "fraction of outputs"
    }

    private var emptyNote: String {
        measure == .dead ? "no layer where units can die or go quiet: relu, relu6, the hard_ functions and your own can die; leaky_relu, elu, selu, celu go inactive"
            : "no activation layers"
    }

    /// One layer's figure: its label, the value drawn, the text printed, the layer's width, and
    /// (for dead) its inactive units.
    private typealias Figure = (label: String, value: Double, text: String, width: Int, inactive: Int)

    private func figures(_ network: Network, names: LayerNames, data: DatasetValue, at span: Span) throws
        -> [Figure]
    {
        switch measure {
        case .dead:
            let reports = try RuntimeError.fromEngine(at: span) { try Probes.deadUnits(network, on: data.dataset) }
            return reports.map { report in
                let inactive = report.inactiveUnits.isEmpty ? "" : ", \(report.inactiveUnits.count) inactive"
                return (names.label(report.layer), Double(report.deadUnits.count),
                        "\(report.deadUnits.count) of \(report.width) dead" + inactive, report.width, report.inactiveUnits.count)
            }
        case .saturation, .sparsity:
            let statistics = try RuntimeError.fromEngine(at: span) { try Probes.activationStatistics(network, on: data.dataset) }
            return statistics.keys.sorted().compactMap { layer in
                guard let figures = statistics[layer] else { return nil }
                let value = measure == .saturation ? figures.saturated : figures.sparsity
                let width = network.layers[layer].outputWidth
                return (names.label(layer), value, String(format: "%.3f", value), width, 0)
            }
        }
    }
}
