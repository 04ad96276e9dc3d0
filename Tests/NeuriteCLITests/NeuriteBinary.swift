import Foundation

/// Where the built `neurite` executable is: next to the test bundle (`swift build --build-tests`
/// puts every product in the same directory), else `.build/debug/neurite` under the repository.
enum NeuriteBinary {
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static var path: String {
        let candidates = [
            URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
                .appendingPathComponent("neurite").path,
            repositoryRoot.appendingPathComponent(".build/debug/neurite").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
    }

    static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: path) }
}

/// A fresh directory under the system temporary directory; `remove()` deletes it.
struct TemporaryDirectory {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "neurite-cli-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func file(_ name: String, contents: String) throws -> String {
        let filePath = path + "/" + name
        try contents.write(toFile: filePath, atomically: true, encoding: .utf8)
        return filePath
    }
    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
