import SafeFiles

extension Session {
    /// The source of what ran since the last `:reset`, as a script that redoes it: every run's
    /// statements that completed, in order (of a run that failed, the statements before the
    /// failing one, which kept their effect).
    public var scriptOfSession: String {
        let parts = savedEntries.map { entry in
            entry.outcome == .success
                ? entry.completedSource
                : entry.completedSource + "\n# (the rest of this entry failed and is left out)"
        }
        return parts.map { $0.hasSuffix("\n") ? String($0.dropLast()) : $0 }.joined(separator: "\n") + (parts.isEmpty ? "" : "\n")
    }

    /// The entries `:save` writes: those since the last `:reset` that ran at least one statement.
    private var savedEntries: [TranscriptEntry] {
        transcript.filter { $0.generation == resets && !$0.completedSource.isEmpty }
    }

    /// `:save FILE`: writes ``scriptOfSession`` atomically.
    func saveScript(to path: String, origin: String) -> RunOutcome {
        do {
            try AtomicFile.write(scriptOfSession, to: path)
        } catch {
            report(.cannotWriteFile(path: path, reason: error.explanation), origin: origin)
            return .failed
        }
        let count = savedEntries.count
        output.write("saved \(count) \(count == 1 ? "entry" : "entries") to \(path)\n")
        return .success
    }

    /// `:notebook FILE`: the session so far as a notebook, from what was shown (nothing runs again).
    func saveNotebook(to path: String, origin: String) -> RunOutcome {
        guard let format = NotebookFile.Format(path: path) else {
            report(.notebookFormatUnknown(path: path), origin: origin)
            return .failed
        }
        let notebook = Notebook(transcript: transcript)
        do {
            try NotebookFile.write(notebook, to: path, format: format)
        } catch {
            report(.cannotWriteFile(path: error.path, reason: error.explanation), origin: origin)
            return .failed
        }
        output.write("saved \(path)" + (format == .markdown && notebook.hasPlots
            ? ", its plots in \(NotebookFile.plotFolder(of: path))/\n" : "\n"))
        return .success
    }
}

extension Notebook {
    /// Whether any cell showed a plot.
    var hasPlots: Bool {
        cells.contains { cell in
            guard case .code(let code) = cell else { return false }
            return code.outputs.contains { if case .plots = $0 { return true } else { return false } }
        }
    }
}

extension Session {
    /// Unbinds user names (a watched notebook's cells that are gone or about to run again).
    func forget(_ names: Set<String>) {
        for name in names { evaluator.globals.remove(name) }
    }
}
