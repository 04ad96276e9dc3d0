import Foundation

/// The result of running a program to completion.
struct ProcessResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

enum ProcessRun {
    /// Runs the built `neurite` with `arguments`, feeding `input` on stdin (not a terminal).
    /// The environment is the test's own without colour switches or terminal size, with a private
    /// `XDG_STATE_HOME`, plus `environment`.
    static func neurite(
        _ arguments: [String], input: String = "", environment: [String: String] = [:]
    ) throws -> ProcessResult {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let inputPath = try directory.file("stdin", contents: input)
        let outputPath = directory.path + "/stdout"
        let errorPath = directory.path + "/stderr"
        var env = ProcessInfo.processInfo.environment
        for name in ["NO_COLOR", "COLUMNS", "LINES", "CLICOLOR_FORCE"] { env[name] = nil }
        env["OPENBLAS_NUM_THREADS"] = "1"
        env["XDG_STATE_HOME"] = directory.path + "/state"
        env.merge(environment) { $1 }
        let status = try Subprocess.run(
            NeuriteBinary.path, arguments, environment: env,
            inputPath: inputPath, outputPath: outputPath, errorPath: errorPath)
        return ProcessResult(
            status: status,
            standardOutput: try String(contentsOfFile: outputPath, encoding: .utf8),
            standardError: try String(contentsOfFile: errorPath, encoding: .utf8))
    }
}
