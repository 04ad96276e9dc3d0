/// Session messages about no place in a source text: meta-commands, files that cannot be read, and
/// the count of errors not shown. They are shown on one line from an origin (`<repl>: error: …`).
///
/// One function per ``RuntimeErrorID`` case, named as the case; the text is lowercase with no final
/// period, names and words in `'…'`. See ``RuntimeMessage``.
extension RuntimeMessage {
    static func fileNotReadable(path: String) -> Self {
        Self(.fileNotReadable, "cannot read '\(path)': no such file, or not readable")
    }

    static func fileNotUTF8(path: String) -> Self {
        Self(.fileNotUTF8, "cannot read '\(path)': it is not UTF-8 text")
    }

    static var loadNeedsFile: Self {
        Self(.loadNeedsFile, "':load' needs a file name, e.g. :load Scripts/examples/dying-relu.nn")
    }

    static func moreErrorsNotShown(count: Int) -> Self {
        Self(.moreErrorsNotShown, "\(count) more error\(count == 1 ? "" : "s") not shown")
    }

    static func noHelp(name: String) -> Self {
        Self(.noHelp, "no help for '\(name)'")
    }

    static func sessionFileNeeded(command: String, example: String) -> Self {
        Self(.sessionFileNeeded, "':\(command)' needs a file name, e.g. :\(command) \(example)")
    }

    static func notebookFormatUnknown(path: String) -> Self {
        Self(.notebookFormatUnknown, "cannot tell the notebook format of '\(path)': name it .md or .ipynb")
    }

    static var timeNeedsExpression: Self {
        Self(.timeNeedsExpression, "':time' needs an expression, e.g. :time sum(1..1000)")
    }

    static var depsNeedsName: Self {
        Self(.depsNeedsName, "':deps' needs a name, e.g. :deps r")
    }

    static func depsUnknownName(name: String) -> Self {
        Self(.depsUnknownName, "'\(name)' was not defined in this session")
    }

    static func unknownMetaCommand(word: String) -> Self {
        Self(.unknownMetaCommand, "unknown command ':\(word)'")
    }
}
