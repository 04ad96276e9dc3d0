import NeuriteLanguage

extension Session {
    /// Records a completed top-level run in ``dependencies``; in the REPL, says which values it
    /// left stale (computed from a name it redefined or changed in place).
    func recordDependencies(_ program: Program, source: String, fileName: String, firstLine: Int) {
        let entry = SessionDependencies.Entry(source: source, fileName: fileName, firstLine: firstLine, names: CellNames(program))
        let newlyStale = dependencies.record(entry)
        guard !newlyStale.isEmpty, !rerunning, fileName == "<repl>" else { return }
        let changed = (entry.names.defines + entry.names.mutates.sorted()).filter { name in
            newlyStale.contains { dependencies.dependencies(of: $0).direct.contains(name) || dependencies.dependencies(of: $0).indirect.contains(name) }
        }
        output.write(
            "stale: " + newlyStale.joined(separator: ", ") + " (computed from the old "
                + changed.map { "'\($0)'" }.joined(separator: ", ") + "); :rerun recomputes them\n")
    }

    /// `:deps NAME`: what NAME was computed from and what was computed from it.
    func dependencyListing(of name: String) -> String {
        let from = dependencies.dependencies(of: name)
        let to = dependencies.dependents(of: name)
        func list(_ direct: [String], _ indirect: [String]) -> String {
            guard !direct.isEmpty else { return "nothing you defined" }
            return direct.joined(separator: ", ") + (indirect.isEmpty ? "" : "; through them: " + indirect.joined(separator: ", "))
        }
        var text = "\(name) depends on: \(list(from.direct, from.indirect))\n"
        text += "depends on \(name): \(list(to.direct, to.indirect))\n"
        if dependencies.stale.contains(name) { text += "\(name) is stale: :rerun recomputes it\n" }
        return text
    }

    /// `:rerun`: runs again, in their first order, the entries that define the stale values (and
    /// the entries that changed those values in place since).
    func rerunStale() -> RunOutcome {
        let stale = dependencies.stale
        guard !stale.isEmpty else {
            output.write("nothing is stale\n")
            return .success
        }
        rerunning = true
        defer { rerunning = false }
        for entry in dependencies.entriesRecomputing(stale) {
            let outcome = run(entry.source, fileName: entry.fileName, echo: .none, firstLine: entry.firstLine)
            guard outcome == .success else { return outcome }
        }
        output.write("recomputed: " + stale.sorted().joined(separator: ", ") + "\n")
        return .success
    }
}
