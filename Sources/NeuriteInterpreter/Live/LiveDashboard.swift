import Foundation
import NeuriteEngine
import NeuriteLanguage
import NeuritePlot

/// Turns the training monitor's snapshots into a ``LiveFrame``: for each model, its weights are
/// copied into a private network of the same shape (never the one being trained), which draws the
/// decision regions or fitted curve and counts dead and saturated units on a sample of the data.
/// Used by the drawing thread alone.
final class LiveDashboard {
    private struct Model {
        let label: String
        let network: Network
        /// The snapshot last drawn, and what it gave.
        var drawnWeights: [[Float]]?
        var picture: (any Plottable)?
        var units: String?
    }

    private var models: [Model]
    private let data: Dataset
    private let sample: Dataset
    private let span: Span
    /// The most samples dead and saturated units are counted on.
    static let sampleSize = 256
    /// Grid columns of the decision regions.
    static let resolution = 48

    /// - Parameter models: each model's label and definition (its layers are rebuilt, untrained).
    init(models: [(label: String, inputWidth: Int, specs: [LayerSpec])], data: Dataset, span: Span) throws {
        self.models = try models.map { model in
            Model(label: model.label, network: try Network(inputWidth: model.inputWidth, specs: model.specs, seed: 0))
        }
        self.data = data
        sample = data.count <= Self.sampleSize ? data : data.subset(Array(0..<Self.sampleSize))
        self.span = span
    }

    /// The frame for the models' progress now.
    func frame(_ progress: [TrainingMonitor.Progress]) -> LiveFrame {
        var losses = LinePlot(title: "training loss by epoch", xLabel: "", yLabel: "", yScale: .log)
        var panels: [LivePanel] = []
        for (index, model) in progress.enumerated() where index < models.count {
            if !model.losses.isEmpty {
                losses.add(
                    series: model.label, x: model.losses.indices.map { Double(model.firstEpoch + $0 + 1) }, y: model.losses)
            }
            refresh(index, weights: model.weights)
            let title = model.stop == nil ? model.label : model.label + " · " + NumberFormat.compact(model.seconds, significant: 2) + " s"
            var panel = LivePanel(title: title, status: Self.status(model), picture: models[index].picture)
            let layers = models[index].network.layers.indices.filter { !models[index].network.layers[$0].parameters.isEmpty }
            panel.gradients = layers.enumerated().compactMap { position, layer in
                model.gradientNorms[layer].map { (layer: "L\(position + 1)", norm: $0) }
            }
            panel.units = models[index].units
            if case .diverged(let report)? = model.stop {
                panel.message = report.cause.rawValue
            }
            panels.append(panel)
        }
        return LiveFrame(losses: losses.series.isEmpty ? nil : losses, panels: panels)
    }

    /// One line: where a model is, or how it ended.
    static func status(_ model: TrainingMonitor.Progress) -> String {
        var parts: [String] = []
        switch model.stop {
        case nil:
            parts.append(model.started ? "\(model.epoch)/\(model.totalEpochs)" : "waiting")
        case .completed?, .earlyStopped?:
            parts.append("done")
        case .interrupted?:
            parts.append("stopped \(model.epoch)/\(model.totalEpochs)")
        case .diverged(let report)?:
            parts.append("diverged (epoch \(report.epoch))")
        }
        if let loss = model.losses.last { parts.append("loss " + NumberFormat.compact(loss, significant: 3)) }
        if let accuracy = model.accuracy { parts.append("acc " + NumberFormat.compact(accuracy * 100, significant: 3) + "%") }
        return parts.joined(separator: " · ")
    }

    /// Redraws model `index`'s picture and unit counts when its weights changed.
    private func refresh(_ index: Int, weights: [[Float]]?) {
        guard let weights, weights != models[index].drawnWeights else { return }
        let network = models[index].network
        for (parameter, values) in zip(network.parameters, weights) where values.count == parameter.value.count {
            values.withUnsafeBufferPointer { buffer in
                if let base = buffer.baseAddress { parameter.value.storage.update(from: base, count: buffer.count) }
            }
        }
        models[index].drawnWeights = weights
        models[index].picture = picture(network)
        models[index].units = units(network)
    }

    /// The picture without title or axis labels: in a panel every line counts. (Written with `if`s:
    /// Swift 6.3.1's optimiser crashes on a `switch` over the data's shape here.)
    private func picture(_ network: Network) -> (any Plottable)? {
        let features = data.featureWidth
        let isClassification = data.classCount != nil
        let oneOutput = network.outputWidth == 1
        do {
            if features == 2 && isClassification {
                var plot = try BoundaryCommand.classifierPlot(network, data: data, title: "", resolution: Self.resolution, at: span)
                plot.xLabel = ""
                plot.yLabel = ""
                return plot
            }
            if features == 1 && !isClassification && oneOutput {
                var plot = try BoundaryCommand.regressorPlot(network, data: data, title: "", resolution: Self.resolution, at: span)
                plot.xLabel = ""
                plot.yLabel = ""
                return plot
            }
            if features == 2 && !isClassification && oneOutput {
                var plot = try BoundaryCommand.surfacePlot(network, data: data, title: "", resolution: Self.resolution, at: span)
                plot.xLabel = ""
                plot.yLabel = ""
                return plot
            }
        } catch {
            return nil
        }
        return nil
    }

    /// Dead and saturated units of the hidden layers (the output's activation is the prediction:
    /// a confident sigmoid output is not a saturated unit).
    private func units(_ network: Network) -> String? {
        let lastWeighted = network.layers.lastIndex { !$0.parameters.isEmpty } ?? network.layers.count
        var parts: [String] = []
        if let dead = try? Probes.deadUnits(network, on: sample).filter({ $0.layer < lastWeighted }), !dead.isEmpty {
            parts.append("dead \(dead.map(\.deadUnits.count).reduce(0, +))/\(dead.map(\.width).reduce(0, +))")
        }
        if let saturated = try? Probes.saturatedUnits(network, on: sample).filter({ $0.layer < lastWeighted }), !saturated.isEmpty {
            parts.append("saturated \(saturated.map(\.saturatedUnits.count).reduce(0, +))/\(saturated.map(\.width).reduce(0, +))")
        }
        return parts.isEmpty ? nil : "units: " + parts.joined(separator: " · ")
    }
}
