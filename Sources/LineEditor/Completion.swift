/// What the completion callback found for the text before the cursor.
public struct CompletionResult: Sendable, Equatable {
    /// The word being completed: a suffix of the text before the cursor.
    public var word: String
    /// Full words that could replace `word` (those not starting with `word` are ignored).
    public var candidates: [String]
    public init(word: String, candidates: [String]) {
        self.word = word
        self.candidates = candidates
    }
}

/// What Tab does with a ``CompletionResult``.
public enum CompletionAction: Sendable, Equatable {
    /// Nothing matches: beep.
    case none
    /// Insert this text at the cursor (the rest of a unique match, or the matches' common prefix).
    case insert(String)
    /// Several matches and nothing to add: list them.
    case list([String])

    /// Decides: a unique match is completed, several matches are extended to their common
    /// prefix, and listed (sorted, without duplicates) when that adds nothing.
    public static func decide(_ result: CompletionResult) -> CompletionAction {
        let matches = Array(Set(result.candidates.filter { $0.hasPrefix(result.word) })).sorted()
        guard let first = matches.first else { return .none }
        let common = matches.dropFirst().reduce(first) { commonPrefix($0, $1) }
        if common.count > result.word.count {
            return .insert(String(common.dropFirst(result.word.count)))
        }
        return matches.count == 1 ? .none : .list(matches)
    }

    private static func commonPrefix(_ a: String, _ b: String) -> String {
        String(zip(a, b).prefix { $0 == $1 }.map(\.0))
    }
}

/// The identifier (letters, digits, `_`) that ends `text`: the word Tab completes.
public func trailingIdentifier(of text: String) -> String {
    String(text.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }.reversed())
}
