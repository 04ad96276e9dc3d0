import Foundation
import Glibc
import Testing

/// Whether this machine lets a test mount a small tmpfs in a private mount namespace
/// (`unshare --mount`, needs root with CAP_SYS_ADMIN): the way to get a real full disk and a
/// real read-only folder without touching anything outside the test.
private let canMountPrivately: Bool = {
    guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
    let probe = (try? Subprocess.run(
        "/usr/bin/unshare", ["--mount", "/bin/sh", "-c", "mount -t tmpfs -o size=4k tmpfs /mnt"],
        environment: [:], inputPath: "/dev/null", outputPath: "/dev/null", errorPath: "/dev/null")) ?? 1
    return probe == 0
}()

/// Saving files from the product: SVG output goes through `AtomicFile`, so links are followed,
/// special files are never replaced, and a failed write leaves the old file intact.
@Suite(.enabled(if: NeuriteBinary.isBuilt)) struct SafeWriteTests {
    static let plot = "plot relu over -2..2 with svg: "

    @Test func svgThroughASymbolicLinkReplacesTheTargetAndKeepsTheLink() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = try dir.file("real.svg", contents: "old")
        symlink("real.svg", dir.path + "/link.svg")
        let result = try ProcessRun.neurite(["-e", Self.plot + "\"\(dir.path)/link.svg\""])
        #expect(result.status == 0, "\(result.standardError)")
        var info = stat()
        #expect(lstat(dir.path + "/link.svg", &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(try String(contentsOfFile: dir.path + "/real.svg", encoding: .utf8).contains("</svg>"))
    }

    /// A FIFO with no reader: refused at once (no blocking open), and it stays a FIFO.
    @Test func svgOntoAFIFOIsRefusedAndTheFIFOStays() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(mkfifo(dir.path + "/pipe.svg", 0o600) == 0)
        let result = try ProcessRun.neurite(["-e", Self.plot + "\"\(dir.path)/pipe.svg\""])
        #expect(result.status == 1)
        #expect(result.standardError.contains(
            "cannot write '\(dir.path)/pipe.svg': it is a FIFO (named pipe), not a regular file, and is left as it is"))
        var info = stat()
        #expect(lstat(dir.path + "/pipe.svg", &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    /// Runs `script` under `sh` in a private mount namespace with a fresh tmpfs of `size` at
    /// `$D` holding `p.svg` = "old", then neurite's plot to `$D/p.svg`; returns neurite's
    /// standard error and the file's contents afterwards.
    private func plotInPrivateTmpfs(size: String, readOnly: Bool) throws -> (status: Int32, error: String, file: String) {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let mountPoint = dir.path + "/mnt"
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: false)
        let script = """
            set -e
            mount -t tmpfs -o size=\(size) tmpfs "$D"
            printf old > "$D/p.svg"
            \(readOnly ? "mount -o remount,ro \"$D\"" : "")
            set +e
            "$NEURITE" -e "$PROGRAM" > "$OUT/stdout" 2> "$OUT/stderr"
            echo $? > "$OUT/status"
            cat "$D/p.svg" > "$OUT/after"
            ls -a "$D" > "$OUT/listing"
            """
        let status = try Subprocess.run(
            "/usr/bin/unshare", ["--mount", "/bin/sh", "-c", script],
            environment: [
                "D": mountPoint, "OUT": dir.path, "NEURITE": NeuriteBinary.path,
                "PROGRAM": Self.plot + "\"\(mountPoint)/p.svg\"", "OPENBLAS_NUM_THREADS": "1",
                "XDG_STATE_HOME": dir.path + "/state",
            ],
            inputPath: "/dev/null", outputPath: dir.path + "/sh-out", errorPath: dir.path + "/sh-err")
        #expect(status == 0, "\((try? String(contentsOfFile: dir.path + "/sh-err", encoding: .utf8)) ?? "")")
        let read = { (name: String) in (try? String(contentsOfFile: dir.path + "/" + name, encoding: .utf8)) ?? "" }
        #expect(read("listing").split(separator: "\n").sorted() == [".", "..", "p.svg"])  // no temporary left
        return (Int32(read("status").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1, read("stderr"), read("after"))
    }

    @Test(.enabled(if: canMountPrivately)) func aFullDiskIsAPlainErrorAndTheOldFileStays() throws {
        let result = try plotInPrivateTmpfs(size: "8k", readOnly: false)
        #expect(result.status == 1)
        #expect(result.error.contains("p.svg': the disk is full"), "\(result.error)")
        #expect(!result.error.contains("NSCocoaErrorDomain"))
        #expect(result.file == "old")
    }

    @Test(.enabled(if: canMountPrivately)) func aReadOnlyFolderIsAPlainErrorAndTheOldFileStays() throws {
        let result = try plotInPrivateTmpfs(size: "1m", readOnly: true)
        #expect(result.status == 1)
        #expect(result.error.contains("p.svg': the folder is on a read-only file system"), "\(result.error)")
        #expect(result.file == "old")
    }

    /// `neurite -e '1' > /dev/full`: the failed write is reported and the status is 1, not 0.
    /// (`/dev/full` is only opened as standard output; nothing can replace it.)
    @Test func aFullStandardOutputIsReportedWithStatusOne() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let status = try Subprocess.run(
            NeuriteBinary.path, ["-e", "1"], environment: ["OPENBLAS_NUM_THREADS": "1"],
            inputPath: "/dev/null", outputPath: "/dev/full", errorPath: dir.path + "/stderr")
        let error = try String(contentsOfFile: dir.path + "/stderr", encoding: .utf8)
        #expect(status == 1)
        #expect(error == "neurite: cannot write to standard output: the disk is full\n")
    }

    @Test func aScriptThatFailsKeepsItsOwnStatusWhenOutputAlsoFails() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let status = try Subprocess.run(
            NeuriteBinary.path, ["-e", "print(1)\nundefined_name"], environment: ["OPENBLAS_NUM_THREADS": "1"],
            inputPath: "/dev/null", outputPath: "/dev/full", errorPath: dir.path + "/stderr")
        let error = try String(contentsOfFile: dir.path + "/stderr", encoding: .utf8)
        #expect(status == 1)
        #expect(error.hasSuffix("neurite: cannot write to standard output: the disk is full\n"))
    }
}
