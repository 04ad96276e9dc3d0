import Foundation
import LineEditor
import NeuriteInterpreter
import NeuriteLanguage
import NeuritePlot

/// How `neurite --watch` shows its notebook: redrawn whole on a terminal, or as a plain log of each
/// update when standard output is not a terminal (for tests and pipes).
protocol WatchDisplay: AnyObject {
    /// An update's plan is known (or its text did not parse), then cells start and finish.
    func show(_ event: ReactiveNotebook.Event, of notebook: ReactiveNotebook)
    /// The update is over.
    func finished(_ summary: ReactiveNotebook.Summary, of notebook: ReactiveNotebook, seconds: Double)
    /// A short message (Ctrl-C at rest, a notebook written, the file missing).
    func note(_ text: String)
}

/// The text of what a cell showed, as on the screen: text, plots' text, diagnostics.
enum ShownText {
    static func of(_ outputs: [ShownOutput]) -> String {
        outputs.map { output -> String in
            switch output {
            case .text(let text), .errorText(let text): return text
            case .plots(let plots): return plots.map { $0.text.hasSuffix("\n") ? $0.text : $0.text + "\n" }.joined()
            case .diagnostic(_, let rendered): return rendered
            }
        }.joined()
    }

    static func elapsed(_ seconds: Double) -> String { String(format: "%.2f s", seconds) }
}

/// The plain log: one block per update, each running cell's output under a line naming it.
final class PlainWatchDisplay: WatchDisplay {
    private var updates = 0

    func show(_ event: ReactiveNotebook.Event, of notebook: ReactiveNotebook) {
        switch event {
        case .planned:
            updates += 1
            if !notebook.rejection.isEmpty {
                StandardStream.output.write("== update \(updates): \(notebook.fileName) does not parse; the last good outputs stay ==\n")
                StandardStream.error.write(TerminalText.removingEscapes(ShownText.of(notebook.rejection)))
                return
            }
            let pending = notebook.cells.filter { $0.state == .pending }.map { String($0.cell.codeLine) }
            let kept = notebook.cells.filter { $0.state == .kept }.count
            StandardStream.output.write(
                "== update \(updates): running \(pending.isEmpty ? "nothing" : "line " + pending.joined(separator: ", ")); \(kept) kept ==\n")
            for cell in notebook.cells where cell.state == .problem {
                StandardStream.error.write(TerminalText.removingEscapes(ShownText.of(cell.outputs)))
            }
        case .started(let index):
            StandardStream.output.write("-- line \(notebook.cells[index].cell.codeLine) --\n")
        case .finished:
            break
        }
    }

    func finished(_ summary: ReactiveNotebook.Summary, of notebook: ReactiveNotebook, seconds: Double) {
        guard notebook.rejection.isEmpty else { return }
        for cell in notebook.cells {
            if case .stale(let reason) = cell.state {
                StandardStream.output.write("-- line \(cell.cell.codeLine): stale, \(reason) --\n")
            }
        }
        let failed = summary.ran.filter { notebook.cells[$0].state == .ran(.failed) }.count
        StandardStream.output.write(
            "== done: ran \(summary.ran.count) cell\(summary.ran.count == 1 ? "" : "s") in \(ShownText.elapsed(seconds))"
                + (failed > 0 ? ", \(failed) failed" : "") + (summary.outcome == .interrupted ? ", interrupted" : "") + " ==\n")
    }

    func note(_ text: String) {
        StandardStream.output.write("== \(text) ==\n")
    }
}

/// The terminal view: the whole notebook redrawn in one write per frame (inside synchronized
/// output, so it does not flicker); while a cell runs, the frame ends at that cell and its output
/// (training progress included) follows below it as it comes.
final class TerminalWatchDisplay: WatchDisplay {
    private let color: Bool
    private let columns: () -> Int
    private var status = ""
    private var lastNote: String?

    init(color: Bool, columns: @escaping () -> Int) {
        self.color = color
        self.columns = columns
    }

    func show(_ event: ReactiveNotebook.Event, of notebook: ReactiveNotebook) {
        switch event {
        case .planned:
            let running = notebook.cells.filter { $0.state == .pending }.count
            status = notebook.rejection.isEmpty ? "running \(running) cell\(running == 1 ? "" : "s")…" : "the file does not parse"
            draw(notebook, upTo: nil)
        case .started(let index):
            draw(notebook, upTo: index)
        case .finished:
            break
        }
    }

    func finished(_ summary: ReactiveNotebook.Summary, of notebook: ReactiveNotebook, seconds: Double) {
        var now = time(nil)
        var local = tm()
        localtime_r(&now, &local)
        let time = String(format: "%02d:%02d:%02d", local.tm_hour, local.tm_min, local.tm_sec)
        if !notebook.rejection.isEmpty {
            status = "\(time): the file does not parse; showing the last good outputs"
        } else {
            let failed = summary.ran.filter { notebook.cells[$0].state == .ran(.failed) }.count
            status = "\(time): ran \(summary.ran.count) cell\(summary.ran.count == 1 ? "" : "s") in \(ShownText.elapsed(seconds)), kept \(summary.kept)"
                + (failed > 0 ? ", \(failed) failed" : "") + (summary.outcome == .interrupted ? ", interrupted" : "")
        }
        lastNote = nil
        draw(notebook, upTo: nil)
    }

    func note(_ text: String) {
        lastNote = text
        StandardStream.output.write("\r" + paint(text, "33") + "\u{1B}[K")
    }

    private func paint(_ text: String, _ style: String) -> String {
        color ? "\u{1B}[\(style)m\(text)\u{1B}[0m" : text
    }

    /// One frame: the header, every cell (up to `last` when one is running), the status line.
    private func draw(_ notebook: ReactiveNotebook, upTo last: Int?) {
        let width = max(20, columns())
        var frame = "\u{1B}[?2026h\u{1B}[H\u{1B}[2J\u{1B}[3J"
        frame += paint("neurite --watch \(notebook.fileName)", "1") + "  " + paint(status, "2") + "\n"
        if !notebook.rejection.isEmpty {
            frame += ShownText.of(notebook.rejection)
        }
        var codeIndex = 0
        for cell in notebook.scriptCells {
            if let title = cell.title { frame += "\n" + paint("## " + title, "1") + "\n" }
            if let prose = cell.prose { frame += paint(prose, "2") + "\n" }
            guard cell.hasCode, codeIndex < notebook.cells.count else { continue }
            let index = codeIndex
            codeIndex += 1
            frame += render(notebook.cells[index], width: width, running: index == last)
            if index == last { break }
        }
        if last == nil {
            // The status again at the bottom, which stays in view when the notebook is taller than the window.
            frame += "\n" + paint(status, "1") + "\n"
            frame += paint("Ctrl-C stops a running cell; Ctrl-C twice, or q and Enter, leaves", "2") + "\n"
            if let lastNote { frame += paint(lastNote, "33") + "\n" }
        }
        frame += "\u{1B}[?2026l"
        StandardStream.output.write(frame)
    }

    private func render(_ reactive: ReactiveCell, width: Int, running: Bool) -> String {
        let count = reactive.executionCount.map { "[\($0)]" } ?? "[ ]"
        let tag: String
        var showOutputs = true
        switch reactive.state {
        case .kept, .ran(.success): tag = ""
        case .pending: tag = paint(" pending", "2")
        case .running: tag = paint(" running…", "33")
        case .ran(.failed): tag = paint(" failed", "31")
        case .ran(.interrupted): tag = paint(" interrupted", "33")
        case .stale(let reason):
            tag = paint(" stale: " + reason, "35")
        case .problem: tag = paint(" error", "31")
        }
        if running { showOutputs = false }
        let head = "── \(count) line \(reactive.cell.codeLine) "
        var text = "\n" + paint(head + String(repeating: "─", count: max(3, min(width, 60) - head.count)), "2") + tag + "\n"
        let lines = reactive.cell.code.split(separator: "\n", omittingEmptySubsequences: false)
        let numberWidth = String(reactive.cell.codeLine + lines.count - 1).count
        for (offset, line) in lines.enumerated() {
            let number = String(reactive.cell.codeLine + offset)
            text += paint(String(repeating: " ", count: numberWidth - number.count) + number + " │ ", "2") + line + "\n"
        }
        if showOutputs {
            var shown = ShownText.of(reactive.outputs)
            if !color { shown = TerminalText.removingEscapes(shown) }
            text += shown
        }
        return text
    }
}
