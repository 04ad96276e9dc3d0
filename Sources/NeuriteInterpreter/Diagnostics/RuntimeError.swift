import NeuriteLanguage

/// An error found while evaluating: what, where, and what to do about it.
/// The session turns it into a ``Diagnostic`` and formats it with the source line and a caret.
struct RuntimeError: Error {
    var message: String
    var span: Span
    var hint: String?
    var notes: [String] = []
    /// The source the span points into, when it is not the entry being run (set as the error
    /// leaves the body of a function written elsewhere).
    var file: SourceFile?

    init(_ message: String, at span: Span, hint: String? = nil, notes: [String] = []) {
        self.message = message
        self.span = span
        self.hint = hint
        self.notes = notes
    }

    var diagnostic: Diagnostic {
        Diagnostic(.error, message, at: span, hint: hint, notes: notes)
    }
}

/// Thrown when the ``InterruptFlag`` is seen raised; unwinds the evaluation.
struct Interruption: Error {}
