import Foundation
import SafeFiles

/// Writes a ``Notebook`` to a file, its format chosen by the file's extension.
public enum NotebookFile {
    public enum Format: Sendable, Equatable {
        /// `.md`: Markdown, plots as SVG files in a folder beside it (`out.md` → `out_files/`).
        case markdown
        /// `.ipynb`: a Jupyter notebook, plots embedded as PNG.
        case jupyter

        /// The format `path`'s extension names, or nil.
        public init?(path: String) {
            switch URL(fileURLWithPath: path).pathExtension.lowercased() {
            case "md", "markdown": self = .markdown
            case "ipynb": self = .jupyter
            default: return nil
            }
        }
    }

    /// The folder of a Markdown notebook's plots: `out_files` beside `out.md`.
    public static func plotFolder(of path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().path + "_files"
    }

    /// Writes `notebook` to `path` in `format`, each file atomically (a reader never sees half a
    /// notebook; a failed write leaves the old file). For Markdown, the plots are written first
    /// and plots of an earlier export that this one no longer has are removed.
    public static func write(_ notebook: Notebook, to path: String, format: Format) throws(SafeFileError) {
        switch format {
        case .jupyter:
            try AtomicFile.write(JupyterNotebook.render(notebook), to: path)
        case .markdown:
            let folder = plotFolder(of: path)
            let rendered = MarkdownNotebook.render(notebook, folder: URL(fileURLWithPath: folder).lastPathComponent)
            if !rendered.files.isEmpty {
                var isDirectory: ObjCBool = false
                if !(FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue),
                    mkdir(folder, 0o777) != 0
                {
                    throw SafeFileError(path: folder, reason: .system(errno))
                }
            }
            for file in rendered.files {
                try AtomicFile.write(file.contents, to: folder + "/" + file.name)
            }
            removeStalePlots(in: folder, keeping: Set(rendered.files.map(\.name)))
            try AtomicFile.write(rendered.markdown, to: path)
        }
    }

    /// Removes `cell-N-K.svg` files an earlier export left that this one does not link to (only
    /// files named as this writer names them; anything else in the folder stays).
    private static func removeStalePlots(in folder: String, keeping names: Set<String>) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in entries where !names.contains(name) && isPlotName(name) {
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }

    static func isPlotName(_ name: String) -> Bool {
        let parts = name.split(separator: "-")
        guard parts.count == 3, parts[0] == "cell", name.hasSuffix(".svg") else { return false }
        return Int(parts[1]) != nil && Int(parts[2].dropLast(4)) != nil
    }
}
