import Foundation
import Testing

/// Golden text files next to the tests. `NEURITE_RECORD=1` rewrites them from the code, and
/// that run fails on purpose, so that nothing passes silently; review the files, then rerun.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden")

    static var isRecording: Bool {
        ProcessInfo.processInfo.environment["NEURITE_RECORD"] == "1"
    }

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        let text = actual.hasSuffix("\n") ? actual : actual + "\n"
        if isRecording {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
                Issue.record("recorded golden file \(name); review it and rerun without NEURITE_RECORD",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("could not write golden file \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name); record it with NEURITE_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        if expected != text {
            Issue.record(Comment(rawValue: "golden file \(name) differs:\n" + lineDiff(expected: expected, actual: text)),
                         sourceLocation: sourceLocation)
        }
    }

    /// The differing lines, numbered, expected (-) before actual (+).
    static func lineDiff(expected: String, actual: String) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        var out: [String] = []
        for i in 0..<max(e.count, a.count) {
            let l = i < e.count ? e[i] : "<none>", r = i < a.count ? a[i] : "<none>"
            if l != r {
                out.append("\(i + 1)- \(l.debugDescription)")
                out.append("\(i + 1)+ \(r.debugDescription)")
            }
            if out.count > 40 { out.append("…"); break }
        }
        return out.joined(separator: "\n")
    }
}
