import Foundation
import NeuriteLanguage
import NeuritePlot
import SafeFiles

/// How a drawing command renders: size, canvas and colour from the session, overridden by the
/// command's `with width:, height:, canvas:, title:, svg:` options; and the writing of the result.
struct Drawing {
    /// The options every drawing command takes.
    static let commonOptions = ["width", "height", "canvas", "title", "svg"]

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

    init(_ input: CommandInput) throws {
        self.input = input
        let session = input.context.options
        requestedWidth = try input.count("width", in: 24...1000)
        let fitted = RenderOptions.fitting(
            TerminalSize(columns: session.terminalWidth, rows: session.terminalHeight))
        height = try input.count("height", in: 2...500) ?? fitted.height
        canvas = try input.word("canvas", among: CanvasKind.allCases.map(\.rawValue)).flatMap(CanvasKind.init) ?? .braille
        color = session.plotColors
        title = try input.string("title")
        svgPath = try input.string("svg")
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
            let layout = SideBySide.layout(count: plots.count, totalWidth: terminalWidth, preferred: requestedWidth)
            let blocks = plots.map { $0.render(options(width: layout.width)) }
            write(SideBySide.join(blocks, width: layout.width, perRow: layout.perRow))
        }
        try saveSVG(groups.flatMap { $0 })
    }

    /// Writes text (plus a newline) to the session's output, without trailing spaces.
    func write(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { (line: Substring) -> Substring in
            // One backward scan (dropLast in a loop re-counted the line each time: quadratic).
            guard let last = line.lastIndex(where: { $0 != " " }) else { return "" }
            return line[...last]
        }
        input.context.output?.write(lines.joined(separator: "\n") + "\n")
    }

    /// `svg: "f.svg"`: one plot to the file, several to `f-1.svg`, `f-2.svg`, … (each written to a
    /// temporary file and renamed, so a reader never sees half a file; see ``AtomicFile``).
    func saveSVG(_ plots: [any Plottable]) throws {
        guard let path = svgPath, !plots.isEmpty else { return }
        let url = URL(fileURLWithPath: path)
        let paths: [URL] = plots.count == 1 ? [url] : plots.indices.map { index in
            let base = url.deletingPathExtension().lastPathComponent + "-\(index + 1)"
            return url.deletingLastPathComponent().appendingPathComponent(base).appendingPathExtension(
                url.pathExtension.isEmpty ? "svg" : url.pathExtension)
        }
        for (plot, target) in zip(plots, paths) {
            let svg = renderSVG(plot, width: 640, height: 400)
            do throws(SafeFileError) {
                try AtomicFile.write(svg, to: target.path)
            } catch {
                throw RuntimeError(
                    "cannot write '\(target.path)': \(error.explanation)",
                    at: input.options["svg"]?.value.span ?? input.span)
            }
        }
        write(paths.count == 1 ? "saved \(paths[0].path)" : "saved " + paths.map(\.path).joined(separator: ", "))
    }
}

extension SessionOptions {
    /// The colour escapes plots and the progress line may use.
    var plotColors: ColorMode {
        guard color else { return .none }
        return colors256 ? .ansi256 : .ansi16
    }
}
