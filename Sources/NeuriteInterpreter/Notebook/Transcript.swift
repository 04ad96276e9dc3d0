import NeuriteLanguage
import NeuritePlot

/// One plot as a session showed it: the plot itself (to draw again as SVG or PNG) and its text.
public struct ShownPlot: Sendable {
    public var plot: any Plottable
    /// The plot as the terminal text it was drawn as (possibly with colour escapes).
    public var text: String

    public init(plot: any Plottable, text: String) {
        self.plot = plot
        self.text = text
    }
}

/// One piece of what an entry showed, in the order it was shown.
public enum ShownOutput: Sendable {
    /// Text on standard output (values, `print`, tables, messages such as `saved f.svg`).
    case text(String)
    /// Plots drawn together (side by side when they fit).
    case plots([ShownPlot])
    /// A diagnostic (an error or a warning) and its rendering with source line and caret.
    case diagnostic(Diagnostic, rendered: String)
    /// Other text on the error stream (warnings, `interrupted`).
    case errorText(String)
}

/// One run of source in a session: what ran, what it showed, how it ended.
public struct TranscriptEntry: Sendable {
    /// The source as given.
    public var source: String
    /// The file name its diagnostics show.
    public var fileName: String
    /// What it showed, in order.
    public var outputs: [ShownOutput] = []
    public var outcome: RunOutcome = .success
    /// The text of the statements that ran to completion: the whole source when every statement
    /// did; those before the failing one when one failed; empty when it did not parse.
    public var completedSource: String = ""
    /// How many `:reset`s came before it (``Session/saveScript`` keeps only the latest generation).
    public var generation: Int
}

/// The session's output sink, recording what each run shows while it passes everything on.
final class TranscriptSink: OutputSink {
    let inner: any OutputSink
    /// The entry being recorded, if any (meta-command output, such as `:help`, is not recorded).
    var current: TranscriptEntry?

    init(_ inner: any OutputSink) {
        self.inner = inner
    }

    var isTerminal: Bool { inner.isTerminal }

    func write(_ text: String) {
        inner.write(text)
        current?.append(.text(text))
    }

    func writeError(_ text: String) {
        inner.writeError(text)
        current?.append(.errorText(text))
    }

    func writeDiagnostic(_ diagnostic: Diagnostic, formatted text: String) {
        inner.writeDiagnostic(diagnostic, formatted: text)
        current?.append(.diagnostic(diagnostic, rendered: text))
    }

    func writePlots(_ plots: [ShownPlot], shown: String) {
        inner.writePlots(plots, shown: shown)
        current?.append(.plots(plots))
    }

    func writeProgress(_ text: String) {
        inner.writeProgress(text)  // a progress line is not part of what an entry showed
    }
}

extension TranscriptEntry {
    /// Adds `output`, joining consecutive text of the same stream.
    mutating func append(_ output: ShownOutput) {
        switch (outputs.last, output) {
        case (.text(let before)?, .text(let text)):
            outputs[outputs.count - 1] = .text(before + text)
        case (.errorText(let before)?, .errorText(let text)):
            outputs[outputs.count - 1] = .errorText(before + text)
        default:
            outputs.append(output)
        }
    }
}
