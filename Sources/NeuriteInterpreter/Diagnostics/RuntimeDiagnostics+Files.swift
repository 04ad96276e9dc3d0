/// Runtime messages of the commands that write and read files (`save`, `load`, `export`).
///
/// One function per ``RuntimeErrorID`` case, named as the case; the text is lowercase with no final
/// period, names and words in `'…'`. See ``RuntimeMessage``.
extension RuntimeMessage {
    static func exportNeedsOne(typeName: String) -> Self {
        Self(.exportNeedsOne, "cannot export a \(typeName)")
    }

    static var exportScriptNeedsData: Self {
        Self(.exportScriptNeedsData, "a PyTorch script needs the data it trains on: … on d")
    }

    static func fileCommandNeedsFile(command: String) -> Self {
        Self(.fileCommandNeedsFile, "'\(command)' needs a file to write: … to \"file\"")
    }

    static func fileCommandNeedsOne(command: String, what: String) -> Self {
        Self(.fileCommandNeedsOne, "'\(command)' takes one \(what)")
    }

    static func cannotDrawPicture(reason: String) -> Self {
        Self(.cannotDrawPicture, "cannot draw the picture: \(reason)")
    }
}
