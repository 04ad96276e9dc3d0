import NeuriteLanguage

/// The language's command surface in one place: every command's handler (and so its signature),
/// the layer words, and what is derived from them for the parser (``vocabulary``).
enum CommandSurface {
    /// One handler per ``CommandWord``.
    static let handlers: [any CommandHandler] = [
        TrainCommand(), EvaluateCommand(), PredictCommand(), SummaryCommand(),
        PlotCommand(), ShowCommand(), HeatmapCommand(), BarsCommand(), HistogramCommand(), ScatterCommand(),
        GradientsCommand(), BoundaryCommand(), UnitsCommand(), SaveCommand(), LoadCommand(), ExportCommand(),
    ] + UnitProbeCommand.Measure.allCases.map { UnitProbeCommand(measure: $0) }

    /// The signatures, in command-word order.
    static var signatures: [CommandSignature] {
        CommandWord.allCases.compactMap { word in handlers.first { $0.signature.word == word }?.signature }
    }

    static func signature(of word: CommandWord) -> CommandSignature? {
        handlers.first { $0.signature.word == word }?.signature
    }

    /// What the parser checks: each command's clauses and options, each layer word's options.
    static let vocabulary = Vocabulary(
        commands: Dictionary(uniqueKeysWithValues: signatures.map { signature in
            (signature.word.rawValue, entry(options: signature.options, clauses: signature.clauses.map(\.word.rawValue)))
        }),
        layers: Dictionary(uniqueKeysWithValues: LayerWords.all.map { ($0.word, entry($0)) }))

    static func entry(_ layer: LayerSignature) -> Vocabulary.Entry {
        entry(options: layer.options, clauses: [])
    }

    private static func entry(options: [OptionSpec], clauses: [String]) -> Vocabulary.Entry {
        var otherNames: [String: String] = [:]
        for option in options { for other in option.otherNames { otherNames[other] = option.name } }
        return Vocabulary.Entry(clauses: clauses, options: options.map(\.name), otherNames: otherNames)
    }

    /// The message for an option `name` that command `word` does not take.
    static func unknownOption(_ name: String, of word: String, among options: [OptionSpec]) -> (message: String, hint: String?) {
        SurfaceDiagnostics.unknownOption(name, of: word, entry: entry(options: options, clauses: []))
    }
}
