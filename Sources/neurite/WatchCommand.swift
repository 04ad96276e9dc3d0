import Foundation
import LineEditor
import NeuriteInterpreter
import NeuriteLanguage

/// `neurite FILE.nn --watch`: runs the script as a reactive notebook, then runs again what each
/// save changed (see ``ReactiveNotebook``) until Ctrl-C twice within a second, or `q` and Enter.
enum WatchCommand {
    /// Two Ctrl-C within this many seconds leave.
    static let doublePress = 1.0

    static func run(path: String, session: Session, notebooks: [NotebookRequest], environment: [String: String]) -> Int32 {
        InterruptHandling.install()
        let terminal = Terminal.isTerminal(STDOUT_FILENO)
        let display: WatchDisplay = terminal
            ? TerminalWatchDisplay(color: session.options.color, columns: { Terminal.size(of: STDOUT_FILENO)?.columns ?? 80 })
            : PlainWatchDisplay()
        let notebook = ReactiveNotebook(session: session, fileName: path)
        let watcher = FileWatcher(path: path, forcePolling: environment["NEURITE_WATCH_POLL"] == "1")
        let input: Int32? = Terminal.isTerminal(STDIN_FILENO) ? STDIN_FILENO : nil
        var lastText: String?
        var lastInterrupt: ContinuousClock.Instant?

        func update() {
            guard case .success(let text) = ScriptReader.read(path) else { return }  // mid-save: the next event brings it
            guard text != lastText else { return }
            lastText = text
            if let size = Terminal.size(of: STDOUT_FILENO) { session.updateTerminalSize(width: size.columns, height: size.rows) }
            interruptState.flag.clear()
            let start = ContinuousClock.now
            let summary = interruptState.evaluating { notebook.update(text) { display.show($0, of: notebook) } }
            let elapsed = ContinuousClock.now - start
            display.finished(summary, of: notebook, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
            if summary.outcome == .interrupted { lastInterrupt = .now }
            guard summary.outcome == .success else { return }
            for request in notebooks {
                do {
                    try NotebookFile.write(notebook.notebook, to: request.path, format: request.format)
                    display.note("wrote \(request.path)")
                } catch {
                    let diagnostic = Diagnostic(.error, "cannot write notebook '\(error.path)': \(error.explanation)", id: "cannotWriteNotebook")
                    StandardStream.error.write(DiagnosticFormatter(color: false).format(diagnostic, origin: "neurite") + "\n")
                }
            }
        }

        update()
        while true {
            let wake = watcher.wait(milliseconds: 500, input: input)
            if interruptState.flag.isRaised {
                interruptState.flag.clear()
                if let lastInterrupt, ContinuousClock.now - lastInterrupt < .seconds(doublePress) { break }
                lastInterrupt = .now
                display.note("Ctrl-C again within a second to leave")
                continue
            }
            switch wake {
            case .changed: update()
            case .input:
                guard let line = readLine() else { return ExitStatus.success }
                if line.trimmingCharacters(in: .whitespaces) == "q" { return ExitStatus.success }
            case .nothing: break
            }
        }
        StandardStream.output.write("\n")
        return ExitStatus.success
    }
}
