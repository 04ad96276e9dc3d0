/// The commands that draw (issue 4's plots and issue 5's "seeing inside").
extension CommandRegistry {
    func registerDrawingCommands() {
        register(PlotCommand(), for: .plot)
        register(ShowCommand(), for: .show)
        register(HeatmapCommand(), for: .heatmap)
        register(BarsCommand(), for: .bars)
        register(HistogramCommand(), for: .histogram)
        register(ScatterCommand(), for: .scatter)
        register(GradientsCommand(), for: .gradients)
        register(UnitProbeCommand(measure: .dead), for: .dead)
        register(UnitProbeCommand(measure: .saturation), for: .saturation)
        register(UnitProbeCommand(measure: .sparsity), for: .sparsity)
        register(BoundaryCommand(), for: .boundary)
    }
}
