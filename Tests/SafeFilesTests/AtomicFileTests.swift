import Foundation
import Glibc
import Testing
@testable import SafeFiles

/// A fresh folder under the system temporary directory, removed by `cleanUp`.
struct TemporaryFolder {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "neurite-safefiles-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func cleanUp() { try? FileManager.default.removeItem(atPath: path) }

    func contents(_ name: String) throws -> String {
        try String(contentsOfFile: path + "/" + name, encoding: .utf8)
    }

    /// The names in the folder, sorted (temporary files included).
    func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    func kind(_ name: String) -> mode_t? {
        var info = stat()
        guard lstat(path + "/" + name, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }
}

@Suite struct AtomicFileTests {
    @Test func createsAndReplacesARegularFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try AtomicFile.write("first", to: folder.path + "/out.svg")
        #expect(try folder.contents("out.svg") == "first")
        try AtomicFile.write("second", to: folder.path + "/out.svg")
        #expect(try folder.contents("out.svg") == "second")
        #expect(try folder.names() == ["out.svg"])  // no temporary file left behind
    }

    @Test func keepsThePermissionsOfTheReplacedFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try AtomicFile.write("old", to: folder.path + "/f")
        chmod(folder.path + "/f", 0o640)
        try AtomicFile.write("new", to: folder.path + "/f")
        var info = stat()
        stat(folder.path + "/f", &info)
        #expect(info.st_mode & 0o7777 == 0o640)
    }

    @Test func writesThroughASymbolicLinkAndKeepsTheLink() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try FileManager.default.createDirectory(atPath: folder.path + "/real", withIntermediateDirectories: false)
        try AtomicFile.write("old", to: folder.path + "/real/target.svg")
        // A relative link to a relative link: both stay links, the final target is replaced.
        symlink("real/target.svg", folder.path + "/first")
        symlink("first", folder.path + "/second")
        try AtomicFile.write("new", to: folder.path + "/second")
        #expect(folder.kind("second") == S_IFLNK)
        #expect(folder.kind("first") == S_IFLNK)
        #expect(try folder.contents("real/target.svg") == "new")
        #expect(try folder.contents("second") == "new")
        #expect(try folder.names() == ["first", "real", "second"])
    }

    @Test func aDanglingLinkCreatesItsTarget() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        symlink(folder.path + "/made-by-write", folder.path + "/link")
        try AtomicFile.write("x", to: folder.path + "/link")
        #expect(folder.kind("link") == S_IFLNK)
        #expect(try folder.contents("made-by-write") == "x")
    }

    @Test func aLinkLoopIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        symlink("b", folder.path + "/a")
        symlink("a", folder.path + "/b")
        #expect(throws: SafeFileError(path: folder.path + "/a", reason: .tooManySymbolicLinks)) {
            try AtomicFile.write("x", to: folder.path + "/a")
        }
    }

    /// A FIFO with no reader: replacing it would destroy it and opening it would block forever.
    /// The write is refused at once and the FIFO stays a FIFO (also when reached through a link).
    @Test(arguments: ["fifo", "link-to-fifo"])
    func aFIFOIsNeverReplacedNorOpened(name: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        #expect(mkfifo(folder.path + "/fifo", 0o600) == 0)
        symlink("fifo", folder.path + "/link-to-fifo")
        let error = #expect(throws: SafeFileError.self) { try AtomicFile.write("x", to: folder.path + "/" + name) }
        #expect(error?.reason == .notRegularFile(kind: "a FIFO (named pipe)"))
        #expect(error?.description == "cannot write '\(folder.path)/\(name)': it is a FIFO (named pipe), not a regular file, and is left as it is")
        #expect(folder.kind("fifo") == S_IFIFO)
        #expect(try folder.names() == ["fifo", "link-to-fifo"])
    }

    @Test func aDirectoryIsNeverReplaced() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try FileManager.default.createDirectory(atPath: folder.path + "/d", withIntermediateDirectories: false)
        try AtomicFile.write("keep", to: folder.path + "/d/inside")
        #expect(throws: SafeFileError(path: folder.path + "/d", reason: .isDirectory)) {
            try AtomicFile.write("x", to: folder.path + "/d")
        }
        #expect(try folder.contents("d/inside") == "keep")
    }

    @Test func aMissingFolderIsAPlainError() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let error = #expect(throws: SafeFileError.self) { try AtomicFile.write("x", to: folder.path + "/no/f.svg") }
        #expect(error?.explanation == "the folder does not exist")
    }

    @Test(arguments: [
        (ENOSPC, "the disk is full"), (EROFS, "the folder is on a read-only file system"),
        (EACCES, "permission denied"), (EDQUOT, "the disk quota is exceeded"),
        (ENOTDIR, "a part of the path is not a folder"),
    ])
    func systemErrorsAreExplainedInPlainWords(code: Int32, words: String) {
        #expect(SafeFileError(path: "p", reason: .system(code)).description == "cannot write 'p': \(words)")
    }
}
