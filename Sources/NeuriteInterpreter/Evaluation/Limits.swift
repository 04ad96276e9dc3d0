import NeuriteLanguage

/// Sizes the interpreter refuses to exceed, each checked *before* the work it would cost
/// (Docs/limits.md lists them with the other limits of the product).
enum Limits {
    /// The longest string value, in UTF-8 bytes (`s + s` beyond it is an error).
    static let stringBytes = 16 << 20
    /// The most elements a streamed `sum`/`mean` or a comprehension may walk.
    static let walkedElements = 1_000_000_000
    /// The longest line of source (script, `-e`, REPL entry), in UTF-8 bytes, checked before
    /// parsing (parsing costs many times the text's size in memory).
    static let sourceLineBytes = 1 << 20

    /// Throws unless a string of `count` bytes is allowed.
    static func checkString(bytes count: Int, span: Span) throws {
        guard count > stringBytes else { return }
        throw RuntimeError(.stringTooLong(bytes: count, limitMiB: stringBytes >> 20), at: span)
    }

    /// Throws unless a walk over `count` elements is allowed.
    static func checkWalk(_ count: Int, span: Span) throws {
        guard count > walkedElements else { return }
        throw RuntimeError(
            .tooManyElementsToWalk(count: count, limit: walkedElements), at: span,
            hint: "use a coarser step or a shorter range")
    }

    /// The 1-based number of the first line longer than ``sourceLineBytes`` and its length, or
    /// nil. One pass over the bytes; nothing is allocated.
    static func overlongLine(in text: String) -> (line: Int, bytes: Int)? {
        guard text.utf8.count > sourceLineBytes else { return nil }
        var line = 1
        var length = 0
        for byte in text.utf8 {
            if byte == 0x0A {
                if length > sourceLineBytes { return (line, length) }
                line += 1
                length = 0
            } else {
                length += 1
            }
        }
        return length > sourceLineBytes ? (line, length) : nil
    }
}
