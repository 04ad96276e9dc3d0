import Foundation
import NeuriteLanguage
import NeuritePixels
import NeuritePlot
import SafeFiles

/// How a drawing command renders: size, canvas and colour from the session, overridden by the
/// command's `with width:, height:, canvas:, title:, svg:, png:` options; and the writing of the result.
/// The options every drawing command takes.
enum DrawingOptions {
    static let width = Option.integer(
        "width", NumberBounds(minimum: 24, maximum: 1000), shown: "the terminal's",
        "columns of each plot; several plots share it")
    static let height = Option.integer(
        "height", NumberBounds(minimum: 2, maximum: 500), shown: "fits the terminal", "rows of the plotting area")
    static let canvas = Option.word("canvas", default: CanvasKind.braille, "the characters drawn with")
    static let title = Option.text("title", "the plot's title")
    static let svg = Option.path(
        "svg", fileExtension: "svg", "also write the plot as SVG (several plots: f-1.svg, f-2.svg, …)")
    static let png = Option.path(
        "png", fileExtension: "png", "also write the plot as PNG, drawn from the same SVG (several plots: f-1.png, f-2.png, …)")

    static let all: [OptionSpec] = [width.spec, height.spec, canvas.spec, title.spec, svg.spec, png.spec]
}

struct Drawing {
    let input: CommandInput
    /// Width asked for with `width:` (nil: the terminal's).
    let requestedWidth: Int?
    let height: Int
    let canvas: CanvasKind
    let color: ColorMode
    /// `title:` (nil: each command's own title).
    let title: String?
    /// `svg: "file.svg"`: where the SVG goes.
    let svgPath: String?
    /// `png: "file.png"`: where the PNG (the same SVG, rasterised) goes.
    let pngPath: String?

    /// - Parameters:
    ///   - preferredWidth: each plot's columns when `width:` is not given (small multiples), else the
    ///     terminal's.
    ///   - defaultHeight: the plotting rows when `height:` is not given, else what fits the terminal.
    init(_ input: CommandInput, preferredWidth: Int? = nil, defaultHeight: Int? = nil) throws {
        self.input = input
        let session = input.context.options
        requestedWidth = try input.value(DrawingOptions.width) ?? preferredWidth
        let fitted = RenderOptions.fitting(
            TerminalSize(columns: session.terminalWidth, rows: session.terminalHeight))
        height = try input.value(DrawingOptions.height) ?? defaultHeight ?? fitted.height
        canvas = try input.value(DrawingOptions.canvas)
        color = session.plotColors
        title = try input.value(DrawingOptions.title)
        svgPath = try input.value(DrawingOptions.svg)
        pngPath = try input.value(DrawingOptions.png)
    }

    var terminalWidth: Int { max(24, input.context.options.terminalWidth) }

    /// Render options for one plot of `width` columns.
    func options(width: Int) -> RenderOptions {
        RenderOptions(width: width, height: height, canvas: canvas, color: color)
    }

    /// Draws one plot at the requested (or terminal) width.
    func show(_ plot: any Plottable) throws {
        try show([plot])
    }

    /// Draws several plots side by side when they fit the terminal width, else in rows.
    func show(_ plots: [any Plottable]) throws {
        try show(groups: [plots])
    }

    /// Draws groups of plots one after the other (a blank line between), each group side by side
    /// when it fits; `svg:` numbers the files across all groups, so none overwrites another.
    func show(groups: [[any Plottable]]) throws {
        let groups = groups.filter { !$0.isEmpty }
        guard !groups.isEmpty else { return }
        for (index, plots) in groups.enumerated() {
            if index > 0 { write("") }
            display(plots)
        }
        try saveSVG(groups.flatMap { $0 })
    }

    /// Draws plots side by side when they fit the terminal width, else in rows: as pictures in
    /// the cells the text would take when the session shows images (text if a picture fails).
    func display(_ plots: [any Plottable]) {
        let layout = SideBySide.layout(count: plots.count, totalWidth: terminalWidth, preferred: requestedWidth)
        let blocks = plots.map { $0.render(options(width: layout.width)) }
        if let images = input.context.options.images,
            let pictures = try? images.sequence(
                laying: plots, lines: blocks.map { $0.split(separator: "\n", omittingEmptySubsequences: false).count },
                plotColumns: layout.width, perRow: layout.perRow, gapColumns: SideBySide.gap)
        {
            input.context.output?.writePlots(shown(plots, blocks), shown: pictures)
            return
        }
        input.context.output?.writePlots(
            shown(plots, blocks), shown: trimmed(SideBySide.join(blocks, width: layout.width, perRow: layout.perRow)))
    }

    private func shown(_ plots: [any Plottable], _ blocks: [String]) -> [ShownPlot] {
        zip(plots, blocks).map { ShownPlot(plot: $0, text: trimmed($1)) }
    }

    /// Writes text (plus a newline) to the session's output, without trailing spaces.
    func write(_ text: String) {
        input.context.output?.write(trimmed(text))
    }

    /// `text` without trailing spaces on its lines, ending in a newline.
    private func trimmed(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { (line: Substring) -> Substring in
            // One backward scan (dropLast in a loop re-counted the line each time: quadratic).
            guard let last = line.lastIndex(where: { $0 != " " }) else { return "" }
            return line[...last]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `svg: "f.svg"` and `png: "f.png"`: one plot to the file, several to `f-1.svg`, `f-2.svg`, …
    /// (each written to a temporary file and renamed, so a reader never sees half a file; see ``AtomicFile``).
    func saveSVG(_ plots: [any Plottable]) throws {
        try save(plots, option: DrawingOptions.svg, to: svgPath) { plot in
            Data(renderSVG(plot, width: PlotPixels.documentSize.width, height: PlotPixels.documentSize.height).utf8)
        }
        try save(plots, option: DrawingOptions.png, to: pngPath) { plot in
            do {
                return Data(try PlotPixels.pngFile(of: plot))
            } catch {
                throw RuntimeError(.cannotDrawPicture(reason: "\(error)"), at: input.span(of: DrawingOptions.png))
            }
        }
    }

    /// Writes each plot's `contents` to `path` (numbered when there are several) and says where.
    private func save(
        _ plots: [any Plottable], option: Option<String?>, to path: String?, contents: (any Plottable) throws -> Data
    ) throws {
        guard let path, !plots.isEmpty else { return }
        let url = URL(fileURLWithPath: path)
        let paths: [URL] = plots.count == 1 ? [url] : plots.indices.map { index in
            let base = url.deletingPathExtension().lastPathComponent + "-\(index + 1)"
            return url.deletingLastPathComponent().appendingPathComponent(base).appendingPathExtension(
                url.pathExtension.isEmpty ? option.name : url.pathExtension)
        }
        for (plot, target) in zip(plots, paths) {
            // Ctrl-C stops between pictures and before a file is written: an interrupted command
            // leaves no file behind (the rendering itself is bounded by the picture's size).
            try stopIfInterrupted()
            let data = try contents(plot)
            try stopIfInterrupted()
            do {
                try data.withUnsafeBytes { try AtomicFile.write($0, to: target.path) }
            } catch let error as SafeFileError {
                throw RuntimeError(
                    .cannotWriteFile(path: target.path, reason: error.explanation),
                    at: input.span(of: option))
            }
        }
        write(paths.count == 1 ? "saved \(paths[0].path)" : "saved " + paths.map(\.path).joined(separator: ", "))
    }
}

extension Drawing {
    private func stopIfInterrupted() throws {
        if input.context.interrupt.isRaised { throw Interruption() }
    }
}

extension SessionOptions {
    /// The colour escapes plots and the progress line may use.
    var plotColors: ColorMode {
        guard color else { return .none }
        return colors256 ? .ansi256 : .ansi16
    }
}
