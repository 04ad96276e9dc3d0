import Foundation
import Glibc
import Testing

@testable import neurite

/// Scripts are read with POSIX calls: pipes work like files (`neurite <(…)` used to fail with
/// "cannot read"), and endless or binary input is refused.
@Suite struct ScriptReaderTests {
    @Test func readsARegularFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.file("s.nn", contents: "print(\"héllo\")\n")
        #expect(ScriptReader.read(path) == .success("print(\"héllo\")\n"))
    }

    @Test func readsAPipeLikeProcessSubstitution() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let text = "let x = 1\nprint(x + 41)\n"
        _ = text.withCString { write(ends[1], $0, strlen($0)) }
        close(ends[1])
        defer { close(ends[0]) }
        #expect(ScriptReader.read("/proc/self/fd/\(ends[0])") == .success(text))
    }

    @Test func refusesEndlessInputBinaryAndMissingFiles() throws {
        #expect(ScriptReader.read("/dev/zero", maximumBytes: 1 << 20) == .failure(.tooLarge))
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/junk.nn"
        try Data([0x70, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: path))
        #expect(ScriptReader.read(path) == .failure(.notUTF8))
        #expect(ScriptReader.read(directory.path + "/missing.nn") == .failure(.cannotOpen("No such file or directory")))
    }

    @Test func endlessScriptIsBadUsageNotAnOutOfMemory() throws {
        let result = try ProcessRun.neurite(["/dev/zero"])
        #expect(result.status == 2)
        #expect(result.standardError == "neurite: error: cannot read script '/dev/zero': it is larger than 64 MiB\n")
    }
}
