/// A problem found in source text, as data: where, how bad, what, and what to do.
///
/// Rendering (file:line:col, the line, a caret, colour) is done by ``DiagnosticFormatter``.
/// Messages are lowercase with no final period ("expected expression after operator").
public struct Diagnostic: Error, Hashable, Sendable {
    /// How bad it is; the raw value is the word shown (`error:`).
    public enum Severity: String, Hashable, Sendable {
        case error, warning, note
    }

    public var severity: Severity
    /// What is wrong, e.g. `unknown name 'rleu'`.
    public var message: String
    /// Where; rendered with a caret under it.
    public var span: Span
    /// Shown after the caret, e.g. `did you mean 'relu'?`.
    public var hint: String?
    /// Extra lines shown after the snippet, e.g. `note: 'f' is defined at 1:4`.
    public var notes: [String]
    /// Which kind of problem, stable across wording changes (a runtime error's `RuntimeErrorID`,
    /// e.g. `noMember`); nil for messages that have none. Not shown; for tests and tools.
    public var id: String?

    public init(
        _ severity: Severity = .error, _ message: String, at span: Span,
        hint: String? = nil, notes: [String] = [], id: String? = nil
    ) {
        self.severity = severity
        self.id = id
        self.message = message
        self.span = span
        self.hint = hint
        self.notes = notes
    }

    /// A problem at no place in a source text: a command line, a meta-command, a file that cannot
    /// be read. Its span is empty; show it with ``DiagnosticFormatter/format(_:origin:)``.
    public init(
        _ severity: Severity = .error, _ message: String, hint: String? = nil, notes: [String] = [],
        id: String? = nil
    ) {
        self.init(severity, message, at: .at(0), hint: hint, notes: notes, id: id)
    }
}
