import NeuriteLanguage

/// How the names of a session were computed, entry by entry, read from each completed run's
/// parsed code (``CellNames``): what `:deps NAME` shows, which values a redefinition leaves stale,
/// and what `:rerun` runs again to recompute them.
struct SessionDependencies {
    /// One completed run.
    struct Entry {
        var source: String
        var fileName: String
        var firstLine: Int
        var names: CellNames
    }

    private(set) var entries: [Entry] = []
    /// The entry that last defined each name.
    private(set) var definitions: [String: Int] = [:]
    /// For each name, the entries after its definition that changed it in place (`train m …`).
    private(set) var changes: [String: [Int]] = [:]
    /// Names computed from a value that has since been redefined or changed.
    private(set) var stale: Set<String> = []
    /// For each name, the names whose definition or changes used it at some point (a superset:
    /// ``dependents(of:transitively:)`` checks each against what it uses now).
    private var users: [String: Set<String>] = [:]

    /// Records a completed run; gives the names that became stale through it, sorted.
    mutating func record(_ entry: Entry) -> [String] {
        let index = entries.count
        entries.append(entry)
        let redefined = entry.names.defines.filter { definitions[$0] != nil }
        for name in entry.names.defines {
            definitions[name] = index
            changes[name] = []
            stale.remove(name)
        }
        let changed = entry.names.mutates.filter { definitions[$0] != nil }
        for name in changed { changes[name, default: []].append(index) }
        for used in entry.names.uses {
            users[used, default: []].formUnion(entry.names.defines)
            users[used, default: []].formUnion(changed)
        }
        let affected = dependents(of: Set(redefined).union(changed)).subtracting(entry.names.defines)
        let newlyStale = affected.subtracting(stale)
        stale.formUnion(affected)
        return newlyStale.sorted()
    }

    /// Forgets everything (`:reset`).
    mutating func removeAll() { self = SessionDependencies() }

    /// The names `name` was computed from (directly, then through those), as the session defined them.
    func dependencies(of name: String) -> (direct: [String], indirect: [String]) {
        let direct = uses(of: name)
        var all = direct
        var pending = Array(direct)
        while let next = pending.popLast() {
            for used in uses(of: next) where used != name && all.insert(used).inserted { pending.append(used) }
        }
        return (direct.sorted(), all.subtracting(direct).sorted())
    }

    /// The names computed from `name` (directly, then from those).
    func dependents(of name: String) -> (direct: [String], indirect: [String]) {
        let direct = dependents(of: [name], transitively: false)
        let all = dependents(of: [name]).subtracting([name])
        return (direct.sorted(), all.subtracting(direct).sorted())
    }

    /// The entries that recompute `names`: each one's definition and the changes made to it since,
    /// in the order they first ran.
    func entriesRecomputing(_ names: Set<String>) -> [Entry] {
        var indices = Set<Int>()
        for name in names {
            guard let definition = definitions[name] else { continue }
            indices.insert(definition)
            indices.formUnion(changes[name] ?? [])
        }
        return indices.sorted().map { entries[$0] }
    }

    /// The user names the definition of `name` (and the changes made to it) used.
    private func uses(of name: String) -> Set<String> {
        guard let definition = definitions[name] else { return [] }
        var used = entries[definition].names.uses
        for change in changes[name] ?? [] { used.formUnion(entries[change].names.uses) }
        return Set(used.filter { $0 != name && definitions[$0] != nil })
    }

    /// The names whose definitions (or changes) used one of `names`, and, transitively, those after them.
    private func dependents(of names: Set<String>, transitively: Bool = true) -> Set<String> {
        var found = Set<String>()
        var pending = Array(names)
        while let next = pending.popLast() {
            for candidate in users[next] ?? [] where !found.contains(candidate) && uses(of: candidate).contains(next) {
                found.insert(candidate)
                if transitively { pending.append(candidate) }
            }
        }
        return found
    }
}
