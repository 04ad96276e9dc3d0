import NeuritePixels
import NeuritePlot

/// A notebook as Markdown that reads well on a code-hosting site: prose as it is, code in
/// `neurite` fences, text output in `text` fences (plain: no escape codes), each plot as an SVG file
/// in a folder beside it, linked as an image.
public enum MarkdownNotebook {
    /// A file the Markdown links to: its name inside the folder, and its contents.
    public struct LinkedFile: Equatable, Sendable {
        public var name: String
        public var contents: String
    }

    /// The Markdown of `notebook`, with its plots as files in `folder` (a relative path, as linked).
    public static func render(_ notebook: Notebook, folder: String) -> (markdown: String, files: [LinkedFile]) {
        var blocks: [String] = []
        var files: [LinkedFile] = []
        for cell in notebook.cells {
            switch cell {
            case .prose(let text):
                blocks.append(text)
            case .code(let code):
                blocks.append(fenced(code.source, language: "neurite"))
                guard let number = code.executionCount else {
                    blocks.append("*Not run: an earlier cell failed.*")
                    continue
                }
                var plotCount = 0
                for output in code.outputs {
                    switch output {
                    case .text(let text), .errorText(let text):
                        let plain = TerminalText.plain(text)
                        if !plain.trimmingNewlines.isEmpty { blocks.append(fenced(plain, language: "text")) }
                    case .diagnostic(_, let rendered):
                        blocks.append(fenced(TerminalText.plain(rendered), language: "text"))
                    case .plots(let plots):
                        var links: [String] = []
                        for shown in plots {
                            plotCount += 1
                            let name = "cell-\(number)-\(plotCount).svg"
                            let size = PlotPixels.documentSize
                            files.append(LinkedFile(name: name, contents: renderSVG(shown.plot, width: size.width, height: size.height)))
                            links.append("![plot \(plotCount) of cell \(number)](\(linkPath(folder + "/" + name)))")
                        }
                        blocks.append(links.joined(separator: "\n"))
                    }
                }
            }
        }
        return (blocks.joined(separator: "\n\n") + "\n", files)
    }

    /// `text` in a fence longer than any run of backticks inside it.
    static func fenced(_ text: String, language: String) -> String {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + language + "\n" + text.trimmingNewlines + "\n" + fence
    }

    /// A relative path as a Markdown link target: spaces, parentheses and `%` escaped.
    static func linkPath(_ path: String) -> String {
        var out = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case " ": out += "%20"
            case "(": out += "%28"
            case ")": out += "%29"
            case "%": out += "%25"
            case "<": out += "%3C"
            case ">": out += "%3E"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    /// Without newlines at either end.
    var trimmingNewlines: String {
        var text = Substring(self)
        while text.first == "\n" { text = text.dropFirst() }
        while text.last == "\n" { text = text.dropLast() }
        return String(text)
    }
}
