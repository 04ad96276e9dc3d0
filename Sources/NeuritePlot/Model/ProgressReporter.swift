/// Writes progress lines to a sink. On a terminal each update redraws the same line (`\r`,
/// the line, erase to end of line) at most every `redrawInterval` seconds of the lines'
/// `elapsed` time (the first and last always), and `finish` ends it with a newline; otherwise it
/// writes plain lines now and then: the first, about every tenth of the total, and the last.
public final class ProgressReporter {
    private let sink: (String) -> Void
    public let isTerminal: Bool
    public let width: Int
    public let canvas: CanvasKind
    public let color: ColorMode
    /// Without a terminal, write every `plainEvery`-th step (default: a tenth of the total).
    public var plainEvery: Int?
    /// On a terminal, the least time between two redraws, in seconds of `ProgressLine.elapsed`.
    public var redrawInterval: Double
    private var lastWritten: ProgressLine?
    private var lastShown: ProgressLine?

    public init(isTerminal: Bool, width: Int = 80, canvas: CanvasKind = .braille, color: ColorMode = .none,
                plainEvery: Int? = nil, redrawInterval: Double = 0.05, sink: @escaping (String) -> Void) {
        self.isTerminal = isTerminal
        self.width = max(10, width)
        self.canvas = canvas
        self.color = color
        self.plainEvery = plainEvery
        self.redrawInterval = redrawInterval
        self.sink = sink
    }

    /// Shows `line` now, or skips it if it comes too soon after the last one shown.
    public func update(_ line: ProgressLine) {
        lastShown = line
        if isTerminal {
            if let last = lastWritten, line.current < line.total, line.elapsed - last.elapsed < redrawInterval {
                return
            }
            // One column short of the width so the cursor never wraps.
            sink("\r" + line.render(canvas: canvas, color: color, maxWidth: width - 1) + "\u{1B}[K")
            lastWritten = line
            return
        }
        let every = max(1, plainEvery ?? max(1, line.total / 10))
        if line.current <= 1 || line.current % every == 0 || line.current >= line.total {
            sink(line.render(canvas: canvas, color: .none, maxWidth: width) + "\n")
            lastWritten = line
        }
    }

    /// Ends the progress display: a newline on a terminal, the last line if it was not written.
    public func finish() {
        if isTerminal {
            if let shown = lastShown, shown != lastWritten {
                sink("\r" + shown.render(canvas: canvas, color: color, maxWidth: width - 1) + "\u{1B}[K")
            }
            if lastShown != nil { sink("\n") }
        } else if let shown = lastShown, shown != lastWritten {
            sink(shown.render(canvas: canvas, color: .none, maxWidth: width) + "\n")
        }
        lastWritten = nil
        lastShown = nil
    }
}
