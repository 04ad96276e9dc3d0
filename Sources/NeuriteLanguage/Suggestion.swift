/// "Did you mean …?": the closest known name to a misspelt one.
public enum Suggestion {
    /// The candidate nearest to `name` by edit distance (insertions, deletions, substitutions and
    /// swaps of neighbours each cost 1; letter case is ignored), or nil if none is close enough.
    ///
    /// A candidate qualifies when its distance is at most `max(1, name.count / 3)` and smaller than
    /// `name.count` (so one-letter names suggest nothing). Ties go to the candidate whose case
    /// matches, then to the alphabetically first, so the answer never depends on iteration order.
    /// Candidates equal to `name` are skipped.
    public static func nearest(to name: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased())
        let limit = min(max(1, target.count / 3), target.count - 1)
        guard limit >= 1 else { return nil }
        // Ranked by distance, then exact case before case-insensitive matches, then name.
        var best: (distance: Int, caseRank: Int, name: String)?
        for candidate in candidates where candidate != name {
            let lowered = Array(candidate.lowercased())
            guard abs(lowered.count - target.count) <= limit else { continue }
            let distance = editDistance(target, lowered)
            guard distance <= limit else { continue }
            let caseRank = distance == editDistance(Array(name), Array(candidate)) ? 0 : 1
            if let current = best,
                (current.distance, current.caseRank, current.name) <= (distance, caseRank, candidate)
            {
                continue
            }
            best = (distance, caseRank, candidate)
        }
        return best?.name
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        var previousPrevious = [Int](repeating: 0, count: width)
        var previous = Array(0...b.count)
        var row = [Int](repeating: 0, count: width)
        for i in 1...a.count {
            row[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                row[j] = value
            }
            (previousPrevious, previous, row) = (previous, row, previousPrevious)
        }
        return previous[b.count]
    }
}
