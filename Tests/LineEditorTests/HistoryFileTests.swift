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
    @Test func aDirectoryInPlaceOfTheFileIsReportedWithItsCause() throws {
        let dir = NSTemporaryDirectory() + "neurite-history-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/history", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = HistoryFile(path: dir + "/history")
        #expect(throws: HistoryFileError.self) { try file.append(["x"]) }
        do {
            _ = try file.load()
            Issue.record("reading a directory should fail")
        } catch let error as HistoryFileError {
            #expect(error.code == EISDIR)
            #expect(error.description.contains("cannot read history file"))
        }
    }
}
