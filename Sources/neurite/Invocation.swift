import NeuriteInterpreter
import NeuriteLanguage

/// What the command line asks for.
enum Mode: Equatable {
    /// No script and no `-e`: the REPL if standard input is a terminal, else read it as a script.
    case repl
    case script(path: String)
    /// `neurite -`: standard input read as `neurite < FILE` would, even from a terminal.
    case standardInput
    case evaluate(code: String)
    case help
    case version
}

/// A parsed command line.
struct Invocation: Equatable {
    var mode: Mode = .repl
    var noColor = false
    /// `--images MODE` (nil: `NEURITE_IMAGES`, else `auto`).
    var images: ImageMode?
    /// `--keep-going`: a script runs cell by cell and every cell runs, whatever failed before it.
    var keepGoing = false
    /// `--notebook FILE` (format by extension) and `--ipynb FILE`: notebooks written after a script runs.
    var notebooks: [NotebookRequest] = []
    /// `--watch`: run the script as a reactive notebook and again after each save.
    var watch = false
}

/// A notebook to write: where, and in which format.
struct NotebookRequest: Equatable {
    var path: String
    var format: NotebookFile.Format
}

/// A command line that cannot be run (exit status 2, message and usage on stderr).
enum UsageError: Error, Equatable {
    case unknownOption(String, suggestion: String?)
    case missingValue(option: String)
    case unexpectedArgument(String)
    case scriptAndExpression
    case invalidValue(option: String, value: String, suggestion: String?)
    /// `--notebook`, `--ipynb`, `--keep-going` or `--watch` without a script to run.
    case needsScript(option: String)
    /// `--notebook FILE` whose extension is neither `.md` nor `.ipynb`.
    case unknownNotebookFormat(path: String)

    /// The error as a diagnostic (no source location; shown as `neurite: error: …`), its id the case's name.
    var diagnostic: Diagnostic {
        switch self {
        case .unknownOption(let option, let suggestion):
            return Diagnostic(
                .error, "unknown option '\(option)'", hint: suggestion.map { "did you mean '\($0)'?" }, id: "unknownOption")
        case .missingValue(let option):
            return Diagnostic(.error, "option '\(option)' needs a value", id: "missingValue")
        case .unexpectedArgument(let argument):
            return Diagnostic(.error, "unexpected argument '\(argument)' (only one script can be run)", id: "unexpectedArgument")
        case .scriptAndExpression:
            return Diagnostic(.error, "give either a script or -e CODE, not both", id: "scriptAndExpression")
        case .invalidValue(let option, let value, let suggestion):
            let choices = "the choices are \(ImageMode.names.joined(separator: ", "))"
            return Diagnostic(
                .error, "option '\(option)' has no value '\(value)'",
                hint: suggestion.map { "did you mean '\($0)'? " + choices } ?? choices, id: "invalidValue")
        case .needsScript(let option):
            return Diagnostic(.error, "option '\(option)' needs a script to run: neurite FILE.nn \(option) …", id: "needsScript")
        case .unknownNotebookFormat(let path):
            return Diagnostic(
                .error, "cannot tell the notebook format of '\(path)'",
                hint: "name it .md (Markdown, plots as SVG files beside it) or .ipynb (Jupyter)", id: "unknownNotebookFormat")
        }
    }
}

extension Invocation {
    static let options = [
        "-e", "--eval", "-h", "--help", "--version", "--no-color", "--images", "--keep-going", "--notebook", "--ipynb", "--watch",
    ]

    /// Parses the arguments after the program name. `--help` and `--version` win over anything
    /// after them; `--` ends the options (a script named `-x.nn` can follow).
    static func parse(_ arguments: [String]) -> Result<Invocation, UsageError> {
        var invocation = Invocation()
        var script: String?
        var code: String?
        var index = 0
        var optionsEnded = false
        var scriptOnlyOption: String?  // the first option that needs a script
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if !optionsEnded, argument.hasPrefix("-"), argument != "-" {
                switch argument {
                case "--":
                    optionsEnded = true
                case "-h", "--help":
                    return .success(Invocation(mode: .help, noColor: invocation.noColor))
                case "--version":
                    return .success(Invocation(mode: .version, noColor: invocation.noColor))
                case "--no-color":
                    invocation.noColor = true
                case "--images":
                    guard index < arguments.count else { return .failure(.missingValue(option: argument)) }
                    switch imageMode(arguments[index]) {
                    case .success(let mode): invocation.images = mode
                    case .failure(let error): return .failure(error)
                    }
                    index += 1
                case _ where argument.hasPrefix("--images="):
                    switch imageMode(String(argument.dropFirst("--images=".count))) {
                    case .success(let mode): invocation.images = mode
                    case .failure(let error): return .failure(error)
                    }
                case "--keep-going":
                    invocation.keepGoing = true
                    scriptOnlyOption = scriptOnlyOption ?? argument
                case "--watch":
                    invocation.watch = true
                    scriptOnlyOption = scriptOnlyOption ?? argument
                case "--notebook", "--ipynb":
                    scriptOnlyOption = scriptOnlyOption ?? argument
                    guard index < arguments.count else { return .failure(.missingValue(option: argument)) }
                    let path = arguments[index]
                    index += 1
                    guard let format = argument == "--ipynb" ? .jupyter : NotebookFile.Format(path: path) else {
                        return .failure(.unknownNotebookFormat(path: path))
                    }
                    invocation.notebooks.append(NotebookRequest(path: path, format: format))
                case "-e", "--eval":
                    guard index < arguments.count, code == nil else {
                        return .failure(code == nil ? .missingValue(option: argument)
                                        : .unexpectedArgument(argument))
                    }
                    code = arguments[index]
                    index += 1
                default:
                    return .failure(.unknownOption(argument, suggestion: suggestion(for: argument)))
                }
            } else if script == nil {
                script = argument
            } else {
                return .failure(.unexpectedArgument(argument))
            }
        }
        if script == nil || script == "-", let option = scriptOnlyOption {
            return .failure(.needsScript(option: option))
        }
        switch (script, code) {
        case (.some, .some): return .failure(.scriptAndExpression)
        case ("-", nil): invocation.mode = .standardInput
        case (let path?, nil): invocation.mode = .script(path: path)
        case (nil, let code?): invocation.mode = .evaluate(code: code)
        case (nil, nil): invocation.mode = .repl
        }
        return .success(invocation)
    }

    /// The image mode named `value` (`auto kitty sixel iterm off`).
    static func imageMode(_ value: String) -> Result<ImageMode, UsageError> {
        if let mode = ImageMode(rawValue: value) { return .success(mode) }
        return .failure(.invalidValue(
            option: "--images", value: value, suggestion: Suggestion.nearest(to: value, among: ImageMode.names)))
    }

    /// The known option closest to `option`, if it is a plausible typo (the language's "did you mean").
    static func suggestion(for option: String) -> String? {
        Suggestion.nearest(to: option, among: options)
    }
}
