/// The commands that draw (plots of functions, data and runs, and the views inside a model), with their `:help`.
extension CommandRegistry {
    /// Options every drawing command takes, as `:help` lists them.
    private static let drawingOptions = [
        "width: N        columns of each plot (the terminal's; several plots share it)",
        "height: N       rows of the plotting area (fits the terminal)",
        "canvas: NAME    braille block ascii (braille)",
        "title: \"…\"      the plot's title",
        "svg: \"f.svg\"    also write the plot as SVG (several plots: f-1.svg, f-2.svg, …)",
        "png: \"f.png\"    also write the plot as PNG, the same picture as the SVG (1280×800)",
    ]

    private static let trainedPair = """
        model net(act) { input 2; dense 6, act; dense 6, act; dense 1, sigmoid }
        let runs = train net(relu), net(tanh) on xor(n: 60, seed: 1) with epochs: 3
        """

    func registerDrawingCommands() {
        register(PlotCommand(), for: .plot, help: CommandHelp(
            usage: ["plot f, g', h over -5..5", "plot v", "plot ys over xs", "plot runs with metric: accuracy"],
            summary: "draws functions (built-ins, your own, derivatives, lambdas) over a range (-5..5 by default), vectors against their index (or over x values), or runs' loss curves (log scale)",
            options: Self.drawingOptions + [
                "log: true       logarithmic y axis (on by default for losses)",
                "samples: N      points per function (401)",
                "style: NAME     line points (line)",
                "metric: NAME    for runs: loss accuracy val_loss val_accuracy (loss)",
            ],
            example: "fn swish(x) = x * sigmoid(x)\nplot relu, relu', swish over -5..5 with height: 8"))
        register(ShowCommand(), for: .show, help: CommandHelp(
            usage: ["show d"],
            summary: "draws a dataset: 2-D classes as a scatter by class (2-D regression: by target range, with its table; 1-D regression: targets over the input); otherwise a summary table and per-feature histograms",
            options: Self.drawingOptions + ["bins: N         bins of the feature histograms (10)"],
            example: "show circle(n: 100, noise: 0.1, seed: 1) with height: 10"))
        register(HeatmapCommand(), for: .heatmap, help: CommandHelp(
            usage: ["heatmap M"],
            summary: "draws a matrix as coloured cells with a colour bar (row 0 at the top)",
            options: Self.drawingOptions + [
                "log: true       logarithmic colour scale",
                "rows: [..]      row labels;  columns: [..]  column labels",
            ],
            example: "heatmap [[1, 2, 3], [4, 5, 6]] with rows: [\"a\", \"b\"]"))
        register(BarsCommand(), for: .bars, help: CommandHelp(
            usage: ["bars v with labels: [\"a\", \"b\", …]"],
            summary: "draws a vector as labelled horizontal bars (several vectors side by side)",
            options: Self.drawingOptions + ["labels: [..]    one label per value (1, 2, 3, … by default)"],
            example: "bars [0.9, 0.5, 0.7] with labels: [\"relu\", \"sigmoid\", \"tanh\"]"))
        register(HistogramCommand(), for: .histogram, help: CommandHelp(
            usage: [
                "histogram v with bins: 20", "histogram m with weights: 2  (biases: 2)",
                "histogram m with activations: 2 on d", "histogram m with gradients: 2 on d",
            ],
            summary: "counts of values in bins: a vector's, or one layer's weights, biases, activations or gradients (the number is the layer's line in the model block, as summary numbers it)",
            options: Self.drawingOptions + [
                "bins: N         bins (automatic for vectors, at most 10 tidy ones for layers)",
                "weights: N  biases: N  activations: N  gradients: N   what to count, in layer N",
            ],
            example: Self.trainedPair + "\nhistogram runs with weights: 2"))
        register(ScatterCommand(), for: .scatter, help: CommandHelp(
            usage: ["scatter xs, ys", "scatter M  (n×2)", "scatter d  (a 2-D dataset)"],
            summary: "draws points in the plane; a dataset's are coloured by class",
            options: Self.drawingOptions + ["classes: v      a class (0, 1, …) per point"],
            example: "scatter [1, 2, 3, 4], [1, 4, 2, 3] with height: 6"))
        register(GradientsCommand(), for: .gradients, help: CommandHelp(
            usage: ["gradients runs", "gradients m on d"],
            summary: "gradient flow: per-layer gradient norms at the last epoch as bars, side by side per run, then a layer × epoch heatmap per run; with 'on d', the gradient of the loss on d now",
            options: Self.drawingOptions,
            example: Self.trainedPair + "\ngradients runs"))
        register(UnitProbeCommand(measure: .dead), for: .dead, help: CommandHelp(
            usage: ["dead runs on d"],
            summary: "dead ReLU-family units per layer (pre-activation ≤ 0 for every sample of d): bars and counts, side by side per run",
            options: Self.drawingOptions,
            example: Self.trainedPair + "\ndead runs on xor(n: 60, seed: 1)"))
        register(UnitProbeCommand(measure: .saturation), for: .saturation, help: CommandHelp(
            usage: ["saturation runs on d"],
            summary: "the fraction of each activation layer's outputs on d in the function's saturated range: bars and numbers, side by side per run",
            options: Self.drawingOptions,
            example: Self.trainedPair + "\nsaturation runs on xor(n: 60, seed: 1)"))
        register(UnitProbeCommand(measure: .sparsity), for: .sparsity, help: CommandHelp(
            usage: ["sparsity runs on d"],
            summary: "the fraction of each activation layer's outputs on d that are exactly 0: bars and numbers, side by side per run",
            options: Self.drawingOptions,
            example: Self.trainedPair + "\nsparsity runs on xor(n: 60, seed: 1)"))
        register(BoundaryCommand(), for: .boundary, help: CommandHelp(
            usage: ["boundary runs on d"],
            summary: "what a model learned over its data: a 2-D classifier's decision regions with the points on top; a 2-D regressor's output as a heatmap; a 1-D regressor's output curve over the points",
            options: Self.drawingOptions + ["resolution: N   grid columns of the decision regions (80)"],
            example: Self.trainedPair + "\nboundary runs on xor(n: 60, seed: 1)"))
    }
}
