/// Runtime messages about the sizes the interpreter refuses before doing the work (Docs/limits.md).
///
/// One function per ``RuntimeErrorID`` case, named as the case; the text is lowercase with no final
/// period. See ``RuntimeMessage``.
extension RuntimeMessage {
    static func lineTooLong(bytes: Int, limitMiB: Int) -> Self {
        Self(.lineTooLong, "the line is too long: \(bytes) bytes (the limit is \(limitMiB) MiB)")
    }

    static func stringTooLong(bytes: Int, limitMiB: Int) -> Self {
        Self(.stringTooLong, "string too long: \(bytes) bytes (the limit is \(limitMiB) MiB)")
    }

    static func tooManyElementsToWalk(count: Int, limit: Int) -> Self {
        Self(.tooManyElementsToWalk, "too many elements to walk: \(count) (the limit is \(limit))")
    }
}
