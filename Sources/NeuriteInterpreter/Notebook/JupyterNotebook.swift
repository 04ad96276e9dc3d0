import Foundation
import NeuriteEngine
import NeuritePixels
import NeuritePlot

/// A notebook as a Jupyter notebook (nbformat 4.5): prose as Markdown cells, code cells with their
/// outputs embedded — text as `stdout`/`stderr` streams, errors as `error` outputs, each plot as
/// `image/png` (drawn from the plot's SVG, which viewers show reliably) with its braille text as
/// `text/plain`. Cell ids are `cell-1`, `cell-2`, … so the same run gives the same file.
public enum JupyterNotebook {
    /// The notebook as JSON text, keys sorted and indented by one space as Jupyter writes it.
    public static func render(_ notebook: Notebook) -> String {
        let cells: [JSONValue] = notebook.cells.enumerated().map { index, cell in
            let id = JSONValue.string("cell-\(index + 1)")
            switch cell {
            case .prose(let text):
                return .object([
                    ("cell_type", .string("markdown")), ("id", id), ("metadata", .object([])), ("source", lines(text)),
                ])
            case .code(let code):
                return .object([
                    ("cell_type", .string("code")),
                    ("execution_count", code.executionCount.map(JSONValue.integer) ?? .null),
                    ("id", id), ("metadata", .object([])),
                    ("outputs", .array(code.outputs.flatMap(outputs))),
                    ("source", lines(code.source)),
                ])
            }
        }
        let document = JSONValue.object([
            ("cells", .array(cells)),
            ("metadata", .object([
                ("kernelspec", .object([
                    ("display_name", .string("Neurite")), ("language", .string("neurite")), ("name", .string("neurite")),
                ])),
                ("language_info", .object([("file_extension", .string(".nn")), ("name", .string("neurite"))])),
            ])),
            ("nbformat", .integer(4)),
            ("nbformat_minor", .integer(5)),
        ])
        return document.serialized(indent: 1) + "\n"
    }

    /// One shown output as notebook outputs (a group of plots gives one output per plot).
    static func outputs(_ output: ShownOutput) -> [JSONValue] {
        switch output {
        case .text(let text):
            return stream("stdout", TerminalText.plain(text))
        case .errorText(let text):
            return stream("stderr", TerminalText.plain(text))
        case .diagnostic(let diagnostic, let rendered):
            let plain = TerminalText.plain(rendered)
            guard diagnostic.severity == .error else { return stream("stderr", plain) }
            let traceback = plain.trimmingNewlines.split(separator: "\n", omittingEmptySubsequences: false)
            return [.object([
                ("ename", .string(diagnostic.id ?? "error")), ("evalue", .string(diagnostic.message)),
                ("output_type", .string("error")), ("traceback", .array(traceback.map { .string(String($0)) })),
            ])]
        case .plots(let plots):
            return plots.map { shown in
                let text = ("text/plain", lines(TerminalText.plain(shown.text).trimmingNewlines))
                guard let png = try? PlotPixels.pngFile(of: shown.plot) else {
                    return display(data: [text], metadata: [])  // the picture could not be made: the text alone
                }
                let size = PlotPixels.documentSize
                return display(
                    data: [("image/png", .string(Data(png).base64EncodedString())), text],
                    metadata: [("image/png", .object([("height", .integer(size.height)), ("width", .integer(size.width))]))])
            }
        }
    }

    private static func display(data: [(String, JSONValue)], metadata: [(String, JSONValue)]) -> JSONValue {
        .object([("data", .object(data)), ("metadata", .object(metadata)), ("output_type", .string("display_data"))])
    }

    private static func stream(_ name: String, _ text: String) -> [JSONValue] {
        guard !text.isEmpty else { return [] }
        return [.object([("name", .string(name)), ("output_type", .string("stream")), ("text", lines(text))])]
    }

    /// Text as Jupyter stores it: a list of lines, each but the last ending in a newline.
    static func lines(_ text: String) -> JSONValue {
        var result: [JSONValue] = []
        var current = ""
        for scalar in text.unicodeScalars {
            current.unicodeScalars.append(scalar)
            if scalar == "\n" {
                result.append(.string(current))
                current = ""
            }
        }
        if !current.isEmpty { result.append(.string(current)) }
        return .array(result)
    }
}
