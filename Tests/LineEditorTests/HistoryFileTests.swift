import Foundation
import Testing
@testable import LineEditor

/// A fresh directory under the system temporary directory, removed by `cleanUp`.
private struct TemporaryDirectory {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "neurite-history-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func cleanUp() { try? FileManager.default.removeItem(atPath: path) }
}

@Suite struct HistoryFileFormatTests {
    @Test(arguments: [
        "plain", "fn f(x) =\n  x * x", "back\\slash \\n literal", "tab\tand \"quotes\"", "héllo ∑ 🧠",
        "cr\r\nlf", "trailing\\",
    ])
    func entriesRoundTrip(entry: String) {
        let encoded = HistoryFileFormat.encode([entry, "next"])
        #expect(encoded.split(separator: "\n").count == 3)  // header + one line per entry
        #expect(HistoryFileFormat.decode(encoded) == [entry, "next"])
    }

    @Test func multiLineEntryIsEscapedOnOneLine() {
        #expect(HistoryFileFormat.encode(["a\nb\\c"]) == "#neurite-history-v1\na\\nb\\\\c\n")
    }

    @Test func fileWithoutHeaderIsReadLineByLine() {
        #expect(HistoryFileFormat.decode("x = 1\n\ny\n") == ["x = 1", "y"])
    }
}

@Suite struct HistoryFileTests {
    @Test func defaultPathFollowsXDGStateHome() {
        #expect(HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])
            == "/s/neurite/history")
        #expect(HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"])
            == "/h/.local/state/neurite/history")
        #expect(HistoryFile.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/state/neurite/history")
        #expect(HistoryFile.defaultPath(environment: [:]) == nil)
    }

    @Test func saveCreatesDirectoriesAndLoadsBack() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let file = HistoryFile(path: dir.path + "/a/b/history")
        #expect(try file.load() == [])
        try file.append(["x = 1", "fn f(x) =\n  x * 2"])
        #expect(try file.load() == ["x = 1", "fn f(x) =\n  x * 2"])
        let text = try String(contentsOfFile: file.path, encoding: .utf8)
        #expect(text.hasPrefix(HistoryFileFormat.header + "\n"))
    }

    @Test func saveLeavesNoTemporaryFilesBehind() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let file = HistoryFile(path: dir.path + "/history")
        for index in 0..<5 { try file.append(["entry \(index)"]) }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == ["history", "history.lock"])
    }

    @Test func saveReplacesTheFileRatherThanRewritingIt() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let file = HistoryFile(path: dir.path + "/history")
        try file.append(["one"])
        let before = try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int
        try file.append(["two"])
        let after = try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int
        #expect(before != nil && after != nil && before != after)  // renamed over: a new inode
        #expect(try file.load() == ["one", "two"])
    }

    @Test func keepsOnlyTheNewestEntriesUpToCapacity() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let file = HistoryFile(path: dir.path + "/history", capacity: 3)
        try file.append(["1", "2"])
        try file.append(["3", "4", "5"])
        #expect(try file.load() == ["3", "4", "5"])
        let reopened = HistoryFile(path: file.path, capacity: 2)
        #expect(try reopened.load() == ["4", "5"])
    }

    @Test func twoSessionsSavingInTurnKeepEachOthersEntries() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.path + "/history"
        try HistoryFile(path: path).append(["old"])
        let first = HistoryFile(path: path)
        let second = HistoryFile(path: path)
        #expect(try first.load() == ["old"])
        #expect(try second.load() == ["old"])
        try first.append(["a1"])
        try second.append(["b1"])
        try first.append(["a2"])
        #expect(try HistoryFile(path: path).load() == ["old", "a1", "b1", "a2"])
    }

    @Test func concurrentSavesLoseNothing() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.path + "/history"
        await withTaskGroup(of: Void.self) { group in
            for session in 0..<4 {
                group.addTask {
                    for index in 0..<10 { _ = try? HistoryFile(path: path).append(["s\(session)-\(index)"]) }
                }
            }
        }
        let entries = try HistoryFile(path: path).load()
        #expect(entries.count == 40)
        #expect(Set(entries).count == 40)
    }

    @Test func repeatedEntryIsNotDuplicated() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let file = HistoryFile(path: dir.path + "/history")
        try file.append(["x", "x", "y"])
        try file.append(["y", "x"])
        #expect(try file.load() == ["x", "y", "x"])
    }

    @Test func unwritableLocationIsAnErrorNotACrash() throws {
        let file = HistoryFile(path: "/proc/neurite-cannot-exist/history")
        #expect(throws: HistoryFileError.self) { try file.append(["x"]) }
    }
}

@Suite struct HistoryFileErrorTests {
    private func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    @Test func aDirectoryInPlaceOfTheFileIsReportedAndLeftAlone() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        try FileManager.default.createDirectory(atPath: dir.path + "/history", withIntermediateDirectories: true)
        let file = HistoryFile(path: dir.path + "/history")
        let expected = HistoryFileError(path: file.path, reason: .notARegularFile(kind: "a directory"))
        #expect(throws: expected) { try file.load() }
        #expect(throws: expected) { try file.append(["x"]) }
        #expect(expected.description == "history file \(file.path) is a directory; history is not saved")
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory) && isDirectory.boolValue)
    }

    /// A FIFO in place of the file: reading must not wait for a writer, saving must not replace it.
    @Test func aFIFOInPlaceOfTheFileIsNeitherOpenedForLongNorReplaced() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        #expect(mkfifo(dir.path + "/history", 0o600) == 0)
        let file = HistoryFile(path: dir.path + "/history")
        #expect(throws: HistoryFileError(path: file.path, reason: .notARegularFile(kind: "not a regular file"))) {
            try file.append(["x"])
        }
        var info = stat()
        #expect(lstat(file.path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func aFileWithoutTheHeaderIsNeverOverwritten() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.path + "/history"
        try write("my precious notes\nsecond line\n", to: path)
        let file = HistoryFile(path: path)
        let expected = HistoryFileError(path: path, reason: .notAHistoryFile)
        #expect(throws: expected) { try file.load() }
        #expect(throws: expected) { try file.append(["x = 1"]) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "my precious notes\nsecond line\n")
        #expect(expected.description.contains("is not a Neurite history file"))
        #expect(expected.description.contains("left unchanged"))
    }

    @Test func anEmptyFileIsAnEmptyHistory() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        try write("", to: dir.path + "/history")
        let file = HistoryFile(path: dir.path + "/history")
        #expect(try file.load() == [])
        #expect(try file.append(["a"]) == ["a"])
    }

    /// Invalid UTF-8, NUL bytes, stray escapes and blank lines: read as best it can, never a trap.
    @Test func corruptContentLoadsWhatCanBeRead() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.path + "/history"
        var bytes = Array((HistoryFileFormat.header + "\nok\n").utf8)
        bytes += [0xFF, 0xFE, 0x00, 0x41, 0x0A, 0x0A, 0x5C, 0x0A, 0xC3, 0x0A]  // bad UTF-8, NUL, lone \\
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let entries = try HistoryFile(path: path).load()
        #expect(entries.count == 4)
        #expect(entries.first == "ok")
        #expect(entries[2] == "\\")
        #expect(try HistoryFile(path: path).append(["after"]).last == "after")
    }

    /// Only the newest `maximumFileBytes` are read: the read is bounded whatever the file's size.
    @Test func aHugeFileIsReadOnlyFromItsNewestPart() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.path + "/history"
        let entries = (0..<20_000).map { "entry number \($0) " + String(repeating: "x", count: 40) }
        try write(HistoryFileFormat.encode(entries), to: path)  // about 1.1 MB
        let file = HistoryFile(path: path, capacity: 100_000, maximumFileBytes: 64 << 10)
        let loaded = try file.load()
        #expect(loaded.last == entries.last)
        #expect(loaded.count < 1200)
        #expect(loaded.joined(separator: "\n").utf8.count <= 64 << 10)
        #expect(loaded == Array(entries.suffix(loaded.count)))  // whole entries only, in order
        // Saving trims the file to what is read.
        try file.append(["new"])
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        #expect(size <= 64 << 10)
        #expect(try file.load().last == "new")
    }

    @Test func anOverlongEntryIsNeitherSavedNorLoaded() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.path + "/history"
        let file = HistoryFile(path: path, maximumEntryBytes: 100)
        let long = String(repeating: "y", count: 101)
        #expect(try file.append(["a", long, "b"]) == ["a", "b"])
        try write(HistoryFileFormat.encode(["c", long, "d"]), to: path)
        #expect(try file.load() == ["c", "d"])
        #expect(file.accepts(String(repeating: "y", count: 100)))
    }

    /// Another running REPL holding the lock: the save gives up after `lockTimeout`, the file is
    /// unchanged, and the entries can be saved once the lock is released.
    @Test func aLockHeldByAnotherSessionIsWaitedForOnlyBriefly() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        let file = HistoryFile(path: dir.path + "/history", lockTimeout: 0.05)
        try file.append(["before"])
        let other = open(file.path + ".lock", O_RDWR)  // a separate open file description
        #expect(flock(other, LOCK_EX) == 0)
        #expect(throws: HistoryFileError(path: file.path, reason: .locked)) { try file.append(["blocked"]) }
        #expect(try file.load() == ["before"])
        flock(other, LOCK_UN)
        close(other)
        #expect(try file.append(["blocked"]) == ["before", "blocked"])
    }

    @Test func aSymbolicLinkedHistoryStaysALink() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanUp() }
        try HistoryFile(path: dir.path + "/real-history").append(["one"])
        symlink("real-history", dir.path + "/history")
        let file = HistoryFile(path: dir.path + "/history")
        try file.append(["two"])
        var info = stat()
        #expect(lstat(file.path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(try HistoryFile(path: dir.path + "/real-history").load() == ["one", "two"])
    }
}
