/// What a runtime error says, as data: which kind of error it is and its text.
///
/// Made only by the catalog (`RuntimeDiagnostics+*.swift`): one static function or property per
/// ``RuntimeErrorID`` case, so an error site names the kind of error and passes the values its text
/// shows (`RuntimeError(.noMember(typeName: "number", member: "x"), at: span)`), and the wording lives
/// in one place.
struct RuntimeMessage: Hashable, Sendable {
    /// Which kind of error.
    let id: RuntimeErrorID
    /// The text shown after `error:`, lowercase with no final period.
    let text: String

    /// Used by the catalog only.
    init(_ id: RuntimeErrorID, _ text: String) {
        self.id = id
        self.text = text
    }
}
