#if !FUZZING
import Foundation

/// Without the fuzzer (an ordinary build): `neurite-fuzz TARGET PATH…` runs every file (and every
/// file in every folder) through the target once, as libFuzzer would, so that Scripts/test can
/// replay the corpora and the regression inputs of past findings without a sanitizer build.
@main
struct Replay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("usage: neurite-fuzz {\(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|"))} PATH…\n".utf8))
            exit(2)
        }
        var count = 0
        for path in arguments.dropFirst() {
            for file in files(at: path) {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                data.withUnsafeBytes { target.run($0.bindMemory(to: UInt8.self)) }
                count += 1
            }
        }
        print("neurite-fuzz \(name): \(count) inputs ran")
    }

    private static func files(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().flatMap { files(at: path + "/" + $0) }
    }
}
#endif
