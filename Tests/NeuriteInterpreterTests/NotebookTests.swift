import Foundation
import NeuriteEngine
import NeuriteLanguage
import Testing

@testable import NeuriteInterpreter

/// Scripts run as notebooks: cell by cell, stopping or going on after an error, and written as
/// Markdown (plots as SVG files it links to) or as Jupyter notebooks.
@Suite struct NotebookTests {
    static let script = """
        # A notebook for the tests.
        #%% Setup
        # Two functions.
        fn swish(x) = x * sigmoid(x)
        let a = 2
        #%% Plots
        plot relu, swish over -3..3 with height: 5
        print("after the plot")
        #%% Broken
        print(a)
        print(nope)
        print("not reached")
        #%% Last
        print(a * 3)
        """

    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "neurite-notebook-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func codeCells(_ notebook: Notebook) -> [Notebook.CodeCell] {
        notebook.cells.compactMap { if case .code(let code) = $0 { code } else { nil } }
    }

    static func text(_ outputs: [ShownOutput]) -> String {
        outputs.compactMap { if case .text(let text) = $0 { text } else { nil } }.joined()
    }

    @Test func keepGoingRunsEveryCellAndReportsTheFailure() {
        let test = TestSession()
        let result = ScriptNotebook.run(Self.script, fileName: "nb.nn", in: test.session, keepGoing: true)
        #expect(result.outcome == .failed)
        let cells = Self.codeCells(result.notebook)
        #expect(cells.map(\.executionCount) == [1, 2, 3, 4])
        #expect(Self.text(cells[2].outputs) == "2\n")
        #expect(Self.text(cells[3].outputs) == "6\n")
        // The error names the line of the whole file, not of the cell.
        #expect(test.sink.errors.hasPrefix("nb.nn:11:7: error: unknown name 'nope'"))
        guard case .diagnostic(let diagnostic, _)? = cells[2].outputs.last else {
            Issue.record("the broken cell's last output is not its error: \(cells[2].outputs)")
            return
        }
        #expect(diagnostic.id == RuntimeErrorID.unknownName.rawValue)
    }

    @Test func withoutKeepGoingTheFirstFailureStopsTheRun() {
        let test = TestSession()
        let result = ScriptNotebook.run(Self.script, fileName: "nb.nn", in: test.session, keepGoing: false)
        #expect(result.outcome == .failed)
        let cells = Self.codeCells(result.notebook)
        #expect(cells.map(\.executionCount) == [1, 2, 3, nil])
        #expect(cells[3].outputs.isEmpty)
        #expect(!test.sink.output.contains("6\n"))
    }

    @Test func titlesAndOpeningCommentsAreProse() {
        let result = ScriptNotebook.run(Self.script, fileName: "nb.nn", in: TestSession().session, keepGoing: true)
        let prose = result.notebook.cells.compactMap { if case .prose(let text) = $0 { text } else { nil } }
        #expect(prose == ["A notebook for the tests.", "## Setup\n\nTwo functions.", "## Plots", "## Broken", "## Last"])
    }

    @Test func markdownLinksEveryPlotToAnSVGFileThatExists() throws {
        let folder = try Self.folder()
        let path = folder + "/my notes.md"
        let result = ScriptNotebook.run(Self.script, fileName: "nb.nn", in: TestSession().session, keepGoing: true)
        try NotebookFile.write(result.notebook, to: path, format: .markdown)
        let markdown = try String(contentsOfFile: path, encoding: .utf8)
        #expect(markdown.contains("```neurite\nplot relu, swish over -3..3 with height: 5\nprint(\"after the plot\")\n```"))
        #expect(markdown.contains("```text\nafter the plot\n```"))
        #expect(markdown.contains("```text\nnb.nn:11:7: error: unknown name 'nope'"))
        let links = markdown.matches(of: /!\[[^\]]*\]\(([^)]+)\)/).map { String($0.output.1) }
        #expect(links == ["my%20notes_files/cell-2-1.svg"])
        for link in links {
            let file = folder + "/" + link.replacingOccurrences(of: "%20", with: " ")
            let svg = try String(contentsOfFile: file, encoding: .utf8)
            #expect(svg.hasPrefix("<svg") || svg.hasPrefix("<?xml"))
        }
        #expect(!markdown.contains("\u{1B}"))
    }

    @Test func aNewExportRemovesPlotsTheOldOneHadButLeavesOtherFiles() throws {
        let folder = try Self.folder()
        let path = folder + "/n.md"
        let session = TestSession().session
        let two = ScriptNotebook.run("plot relu\nplot tanh", fileName: "a.nn", in: session, keepGoing: false)
        try NotebookFile.write(two.notebook, to: path, format: .markdown)
        try "mine".write(toFile: folder + "/n_files/notes.txt", atomically: true, encoding: .utf8)
        #expect(FileManager.default.fileExists(atPath: folder + "/n_files/cell-2-1.svg"))
        let one = ScriptNotebook.run("plot relu", fileName: "a.nn", in: session, keepGoing: false)
        try NotebookFile.write(one.notebook, to: path, format: .markdown)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/n_files").sorted()
        #expect(files == ["cell-1-1.svg", "notes.txt"])
    }

    @Test func aFenceIsLongerThanTheBackticksItHolds() {
        #expect(MarkdownNotebook.fenced("a ``` b", language: "text") == "````text\na ``` b\n````")
    }

    /// The Jupyter file parses as JSON and has the nbformat 4.5 shape: unique ids, a code cell per
    /// code cell of the script with its source, execution counts, a PNG and braille text per plot.
    @Test func jupyterNotebookHasOneCellPerScriptCell() throws {
        let result = ScriptNotebook.run(Self.script, fileName: "nb.nn", in: TestSession().session, keepGoing: true)
        let json = try JSONParser.parse(Array(JupyterNotebook.render(result.notebook).utf8))
        #expect(json["nbformat"]?.integer == 4)
        #expect(json["nbformat_minor"]?.integer == 5)
        guard case .array(let cells)? = json["cells"] else {
            Issue.record("no cells array")
            return
        }
        let ids = cells.compactMap { $0["id"]?.string }
        #expect(Set(ids).count == cells.count)
        let code = cells.filter { $0["cell_type"]?.string == "code" }
        let scriptCells = CellSplitter.cells(of: Self.script).filter(\.hasCode)
        #expect(code.count == scriptCells.count)
        for (cell, scriptCell) in zip(code, scriptCells) {
            guard case .array(let lines)? = cell["source"] else { continue }
            #expect(lines.compactMap(\.string).joined() == scriptCell.code)
        }
        guard case .array(let plotOutputs)? = code[1]["outputs"] else { return }
        let display = try #require(plotOutputs.first)
        #expect(display["output_type"]?.string == "display_data")
        let png = try #require(display["data"]?["image/png"]?.string.flatMap { Data(base64Encoded: $0) })
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(display["data"]?["text/plain"] != nil)
        guard case .array(let brokenOutputs)? = code[2]["outputs"] else { return }
        #expect(brokenOutputs.last?["output_type"]?.string == "error")
        #expect(brokenOutputs.last?["ename"]?.string == "unknownName")
    }

    /// Python's `nbformat` (the reference implementation) reads and validates the file, and every
    /// PNG output decodes: its chunks check out and its pixels inflate to the size its header says.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["NEURITE_PYTHON"].map { !$0.isEmpty } ?? false))
    func nbformatValidatesTheJupyterFile() throws {
        let folder = try Self.folder()
        let path = folder + "/nb.ipynb"
        let result = ScriptNotebook.run(Self.script, fileName: "nb.nn", in: TestSession().session, keepGoing: true)
        try NotebookFile.write(result.notebook, to: path, format: .jupyter)
        let checker = """
            import base64, struct, sys, zlib
            import nbformat
            nb = nbformat.read(sys.argv[1], as_version=4)
            nbformat.validate(nb)
            assert nb.nbformat == 4 and nb.nbformat_minor == 5
            pngs = 0
            for cell in nb.cells:
                for out in cell.get("outputs", []):
                    if "image/png" not in out.get("data", {}):
                        continue
                    data = base64.b64decode(out["data"]["image/png"])
                    assert data[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
                    pos, idat, size = 8, b"", None
                    while pos < len(data):
                        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
                        body = data[pos + 8:pos + 8 + length]
                        crc = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0]
                        assert zlib.crc32(kind + body) == crc, kind
                        if kind == b"IHDR":
                            size = struct.unpack(">IIBB", body[:10])
                        if kind == b"IDAT":
                            idat += body
                        pos += 12 + length
                    width, height, depth, color = size
                    channels = {2: 3, 6: 4, 0: 1, 4: 2}[color]
                    assert len(zlib.decompress(idat)) == height * (1 + width * channels * depth // 8)
                    pngs += 1
            print(len(nb.cells), pngs)
            """
        try checker.write(toFile: folder + "/check.py", atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(ProcessInfo.processInfo.environment["NEURITE_PYTHON"]))
        process.arguments = [folder + "/check.py", path]
        let pipe = Pipe(), errors = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(problems)")
        #expect(printed == "\(result.notebook.cells.count) 1\n")
    }
}
