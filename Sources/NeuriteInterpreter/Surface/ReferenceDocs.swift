import Foundation
import NeuriteLanguage

/// The reference tables of `Docs/`, generated from the declarations. Each table sits in a doc
/// between `<!-- generated: NAME -->` and `<!-- end generated -->`; a test regenerates them and
/// fails when a doc has drifted (`NEURITE_RECORD=1` rewrites the docs, and fails the run).
enum ReferenceDocs {
    /// The generated blocks by name.
    static var blocks: [String: String] {
        var blocks: [String: String] = [
            "train-options": optionTable(TrainOptions.all),
            "drawing-options": optionTable(DrawingOptions.all),
            "layers": layerTable(),
            "commands": commandReference(),
            "meta-commands": MetaCommand.allCases.map { "- `\($0.summary)`\n" }.joined(),
        ]
        for signature in CommandSurface.signatures {
            blocks["options-" + signature.word.rawValue] = optionTable(signature.options)
        }
        return blocks
    }

    /// `| option | default | meaning |` rows for `options`.
    static func optionTable(_ options: [OptionSpec]) -> String {
        guard !options.isEmpty else { return "It takes no options.\n" }
        var text = "| option | default | meaning |\n|---|---|---|\n"
        for option in options {
            let meaning = option.summary + "; " + option.kind.requirement
            text += "| \(cell("`\(option.name): \(option.kind.placeholder)`")) | \(cell(option.defaultText ?? "none")) | \(cell(meaning)) |\n"
        }
        return text
    }

    static func layerTable() -> String {
        var text = "| line | meaning |\n|---|---|\n"
        for layer in LayerWords.all {
            text += "| \(cell("`\(layer.usage)`")) | \(cell(layer.summary)) |\n"
        }
        text += "| `repeat N { … }` | the lines N times |\n"
        var options: [OptionSpec] = []
        for option in LayerWords.all.flatMap(\.options) where !options.contains(option) { options.append(option) }
        return text + "\nOptions of a layer line:\n\n" + optionTable(options)
    }

    /// Every command: its forms, what it does, its clauses and its options.
    static func commandReference() -> String {
        var text = ""
        for signature in CommandSurface.signatures {
            text += "### `\(signature.word.rawValue)`\n\n\(signature.summary).\n\n"
            text += signature.usage.map { "- `\($0)`\n" }.joined()
            if !signature.clauses.isEmpty {
                text += signature.clauses.map { "- `\($0.word.rawValue) …`: \($0.summary)\n" }.joined()
            }
            let own = signature.options.filter { !DrawingOptions.all.contains($0) }
            if own.count < signature.options.count {
                text += "\nIt takes the [common drawing options](language-plots.md#common-options)"
                    + (own.isEmpty ? ".\n" : ", and:\n")
            }
            if !own.isEmpty || own.count == signature.options.count {
                text += "\n" + optionTable(own)
            }
            text += "\n"
        }
        return text
    }

    /// Escapes `|` for a Markdown table cell.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }

    /// `document` with every generated block replaced by its current text; the names found.
    static func regenerate(_ document: String) -> (text: String, names: [String]) {
        var output = ""
        var names: [String] = []
        var rest = Substring(document)
        let blocks = self.blocks
        while let start = rest.range(of: "<!-- generated: ") {
            guard let nameEnd = rest[start.upperBound...].range(of: " -->"),
                let end = rest[nameEnd.upperBound...].range(of: "<!-- end generated -->")
            else { break }
            let name = String(rest[start.upperBound..<nameEnd.lowerBound])
            names.append(name)
            output += rest[..<nameEnd.upperBound] + "\n"
            output += (blocks[name] ?? "(no generated block named '\(name)')\n")
            output += "<!-- end generated -->"
            rest = rest[end.upperBound...]
        }
        return (output + rest, names)
    }
}
