import Foundation
import Testing

/// `Scripts/neurite` with a stand-in `swift` on PATH (so no real release build runs): on a fresh
/// checkout it says that it is building before the minutes-long first build, which used to pass in
/// silence, then runs the binary with the arguments; once the binary exists it is quiet.
@Suite struct LauncherScriptTests {
    @Test func firstRunSaysItIsBuildingThenRunsTheBinary() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let fileManager = FileManager.default
        let checkout = directory.path + "/checkout"
        try fileManager.createDirectory(atPath: checkout + "/Scripts/lib", withIntermediateDirectories: true)
        for script in ["Scripts/neurite", "Scripts/lib/setup.sh"] {
            try fileManager.copyItem(
                atPath: NeuriteBinary.repositoryRoot.appendingPathComponent(script).path, toPath: checkout + "/" + script)
        }
        try fileManager.createDirectory(atPath: directory.path + "/bin", withIntermediateDirectories: true)
        let script = try directory.file("fake-swift.sh", contents: """
            #!/bin/sh
            mkdir -p .build/release
            printf '#!/bin/sh\\necho "ran $*"\\n' > .build/release/neurite
            chmod +x .build/release/neurite

            """)
        let input = try directory.file("stdin", contents: "")
        // The executable stand-in is written by a child process, not by this (multi-threaded) test
        // process: a file this process had open for writing could leak into a child that another test
        // forks at that moment, and exec'ing it would then fail with ETXTBSY ("Text file busy").
        let installStatus = try Subprocess.run(
            "/bin/sh", ["-c", "cp \"$0\" \"$1\" && chmod 755 \"$1\"", script, directory.path + "/bin/swift"],
            environment: ProcessInfo.processInfo.environment,
            inputPath: input, outputPath: directory.path + "/install.out", errorPath: directory.path + "/install.err")
        try #require(installStatus == 0)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = directory.path + "/bin:/usr/bin:/bin:/usr/sbin:/sbin"

        func launch() throws -> (status: Int32, output: String, error: String) {
            let status = try Subprocess.run(
                "/bin/bash", [checkout + "/Scripts/neurite", "--version"], environment: environment,
                inputPath: input, outputPath: directory.path + "/out", errorPath: directory.path + "/err")
            return (status, try String(contentsOfFile: directory.path + "/out", encoding: .utf8),
                    try String(contentsOfFile: directory.path + "/err", encoding: .utf8))
        }
        let first = try launch()
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output == "ran --version\n")
        #expect(first.error.contains("building"), "\(first.error)")
        let second = try launch()
        #expect(second.output == "ran --version\n")
        #expect(!second.error.contains("building"), "\(second.error)")
    }
}
