import NeuriteLanguage

/// An error found while evaluating: which kind, what it says, where, and what to do about it.
/// The session turns it into a ``Diagnostic`` (carrying the id) and formats it with the source line
/// and a caret.
struct RuntimeError: Error {
    /// The kind of error; ``Diagnostic/id`` carries its raw value.
    var id: RuntimeErrorID
    var message: String
    var span: Span
    var hint: String?
    var notes: [String] = []
    /// The source the span points into, when it is not the entry being run (set as the error
    /// leaves the body of a function written elsewhere).
    var file: SourceFile?

    /// An error whose id and text come from the catalog (``RuntimeMessage``).
    init(_ message: RuntimeMessage, at span: Span, hint: String? = nil, notes: [String] = []) {
        self.id = message.id
        self.message = message.text
        self.span = span
        self.hint = hint
        self.notes = notes
    }

    var diagnostic: Diagnostic {
        Diagnostic(.error, message, at: span, hint: hint, notes: notes, id: id.rawValue)
    }
}

/// Thrown when the ``InterruptFlag`` is seen raised; unwinds the evaluation.
struct Interruption: Error {}
