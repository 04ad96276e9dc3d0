/// One line of training progress:
/// `epoch  12/100 ▕████▌     ▏ loss 0.314 ▁▂▃▅▆ 1.2 s`.
public struct ProgressLine: Sendable, Equatable {
    /// A named figure shown after the loss, e.g. accuracy.
    public struct Metric: Sendable, Equatable {
        public var name: String
        public var value: Double
        public init(name: String, value: Double) {
            self.name = name
            self.value = value
        }
    }

    public var label: String
    public var current: Int
    public var total: Int
    /// Loss history; the last value is printed, the whole history drawn as a sparkline.
    public var losses: [Double]
    public var metrics: [Metric]
    /// Seconds since training started.
    public var elapsed: Double
    public var barWidth: Int
    public var sparklineWidth: Int

    public init(label: String = "epoch", current: Int, total: Int, losses: [Double] = [], metrics: [Metric] = [],
                elapsed: Double = 0, barWidth: Int = 10, sparklineWidth: Int = 8) {
        self.label = label
        self.current = current
        self.total = total
        self.losses = losses
        self.metrics = metrics
        self.elapsed = elapsed
        self.barWidth = barWidth
        self.sparklineWidth = sparklineWidth
    }

    /// The line, at most `maxWidth` columns: when it is too long, the sparkline goes first, then
    /// the metrics, then the bar shrinks and goes, and only then is the text cut.
    public func render(canvas: CanvasKind = .braille, color: ColorMode = .none, maxWidth: Int = 1000) -> String {
        let ascii = canvas.isASCII
        let totalText = String(max(total, 0))
        let currentText = String(current)
        var head = StyledLine(DisplayWidth.sanitize(label) + " ")
        head.appendSpaces(totalText.count - currentText.count)
        head.append(currentText + "/" + totalText)

        let loss = losses.last.map { ["loss " + NumberFormat.compact($0)] } ?? []
        let metricTexts = metrics.map { DisplayWidth.sanitize($0.name) + " " + NumberFormat.compact($0.value) }
        let spark = losses.count > 1 ? [Sparkline(losses).render(maxWidth: sparklineWidth, canvas: canvas)] : []
        let time = [Self.duration(elapsed)]
        let fullBar = max(1, min(barWidth, 200))
        // From the most to the least complete.
        let candidates: [(bar: Int, tail: [String])] = [
            (fullBar, loss + metricTexts + spark + time),
            (fullBar, loss + metricTexts + time),
            (fullBar, loss + time),
            (min(fullBar, 4), loss + time),
            (0, loss + time),
            (0, time),
        ]
        var line = head
        for candidate in candidates {
            line = head
            if candidate.bar > 0 {
                line.append(" ")
                line.append(bar(width: candidate.bar, ascii: ascii, color: color))
            }
            line.append(" " + candidate.tail.joined(separator: " "))
            if line.width <= maxWidth { return line.rendered }
        }
        return DisplayWidth.truncate(line.plainText, to: max(1, maxWidth), ascii: ascii)
    }

    private func bar(width: Int, ascii: Bool, color: ColorMode) -> StyledLine {
        let fraction = total > 0 ? min(1, max(0, Double(current) / Double(total))) : 0
        let filled = fraction * Double(width)
        var whole = Int(filled)
        var inside: String
        if ascii {
            whole = Int(filled.rounded())
            inside = String(repeating: "#", count: whole)
        } else {
            let eighth = Int(((filled - Double(whole)) * 8).rounded(.down))
            inside = String(repeating: "█", count: whole)
            if whole < width && eighth > 0 { inside += BarRows.eighths[eighth]; whole += 1 }
        }
        var line = StyledLine(ascii ? "[" : "▕")
        line.append(inside, paint: Paint(foreground: Palette.series(0, mode: color)))
        line.appendSpaces(width - whole)
        line.append(ascii ? "]" : "▏")
        return line
    }

    /// `0.4 s`, `12 s`, `2m03s`, `1h02m`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "? s" }
        if seconds < 10 { return NumberFormat.fixed((seconds * 10).rounded() / 10, decimals: 1) + " s" }
        if seconds < 60 { return String(Int(seconds.rounded())) + " s" }
        let total = Int(min(seconds, 1e9).rounded())
        if total < 3600 { return "\(total / 60)m" + twoDigits(total % 60) + "s" }
        return "\(total / 3600)h" + twoDigits((total % 3600) / 60) + "m"
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
