/// "Did you mean" support: the known names closest to an unknown one by edit distance.
enum NameSuggestions {
    /// The names within a small edit distance of `name` (case-insensitive), closest first, at most `limit`.
    /// The allowed distance grows with the length: 1 for short names, up to a third of the length.
    static func closest(to name: String, among names: [String], limit: Int = 3) -> [String] {
        let target = Array(name.lowercased())
        let allowed = Swift.max(1, target.count / 3)
        let scored = names.enumerated().compactMap { (index, candidate) -> (Int, Int, String)? in
            let distance = editDistance(target, Array(candidate.lowercased()))
            return distance <= allowed ? (distance, index, candidate) : nil
        }
        return scored.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(limit).map { $0.2 }
    }

    /// The Levenshtein distance (insertions, deletions and substitutions each cost 1).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = Swift.min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
