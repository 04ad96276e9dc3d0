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
        let fakeSwift = try directory.file("bin/swift", contents: """
            #!/bin/sh
            mkdir -p .build/release
            printf '#!/bin/sh\\necho "ran $*"\\n' > .build/release/neurite
            chmod +x .build/release/neurite

            """)
        try fileManager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fakeSwift)
        let input = try directory.file("stdin", contents: "")
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
