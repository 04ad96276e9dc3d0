import Foundation
import Testing

@testable import NeuriteInterpreter

/// Every tutorial script is published as a Markdown notebook, `Docs/tutorials/notebooks/NAME.md` with
/// its plots in `NAME_files/`, made by running the script as `neurite SCRIPT --notebook` does (80
/// columns, no colour). The test runs each script again and fails when the published notebook is not
/// exactly what it makes now, so the notebooks cannot drift from the scripts; `NEURITE_RECORD=1`
/// writes them afresh (and fails, so a re-recording never passes silently): review the diff.
@Suite struct TutorialNotebookTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let notebooks = repository.appendingPathComponent("Docs/tutorials/notebooks").path

    /// The tutorial scripts, by name without `.nn`.
    static let tutorials: [String] = {
        let folder = repository.appendingPathComponent("Scripts/tutorials").path
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasSuffix(".nn") }.map { String($0.dropLast(3)) }.sorted()
    }()

    @Test func thereAreTutorials() {
        #expect(Self.tutorials.contains("why-relu"))
    }

    @Test(arguments: tutorials)
    func publishedNotebookIsWhatTheScriptMakes(_ name: String) throws {
        let script = try String(
            contentsOf: Self.repository.appendingPathComponent("Scripts/tutorials/\(name).nn"), encoding: .utf8)
        let result = ScriptNotebook.run(
            script, fileName: "Scripts/tutorials/\(name).nn", in: TestSession(width: 80).session, keepGoing: false)
        #expect(result.outcome == .success, "Scripts/tutorials/\(name).nn failed")
        let path = Self.notebooks + "/\(name).md"
        if ProcessInfo.processInfo.environment["NEURITE_RECORD"] != nil {
            try FileManager.default.createDirectory(atPath: Self.notebooks, withIntermediateDirectories: true)
            try NotebookFile.write(result.notebook, to: path, format: .markdown)
            Issue.record("wrote \(path); review the diff and run again without NEURITE_RECORD")
            return
        }
        let rendered = MarkdownNotebook.render(result.notebook, folder: "\(name)_files")
        let published = try String(contentsOfFile: path, encoding: .utf8)
        #expect(published == rendered.markdown, "\(path) is not what the script makes now (NEURITE_RECORD=1 rewrites it)")
        let folder = NotebookFile.plotFolder(of: path)
        for file in rendered.files {
            let contents = try? String(contentsOfFile: folder + "/" + file.name, encoding: .utf8)
            #expect(contents == file.contents, "\(folder)/\(file.name) is missing or differs")
        }
        let present = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        #expect(Set(present) == Set(rendered.files.map(\.name)), "\(folder) holds files no cell links to")
    }

    /// Every image the published notebooks link to exists.
    @Test func linksResolve() throws {
        let pages = (try? FileManager.default.contentsOfDirectory(atPath: Self.notebooks)) ?? []
        for page in pages where page.hasSuffix(".md") {
            let text = try String(contentsOfFile: Self.notebooks + "/" + page, encoding: .utf8)
            for match in text.matches(of: /!\[[^\]]*\]\(([^)]+)\)/) {
                let target = Self.notebooks + "/" + String(match.output.1).replacingOccurrences(of: "%20", with: " ")
                #expect(FileManager.default.fileExists(atPath: target), "\(page) links to \(match.output.1), which is missing")
            }
        }
    }
}
