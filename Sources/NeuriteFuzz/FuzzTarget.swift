import Foundation
import LineEditor
import NeuriteEngine
import NeuriteInterpreter
import NeuriteLanguage
import Synchronization

/// What a fuzz input is fed to. Each run must end without a crash, a trap or a hang; a broken
/// invariant is a trap on purpose (so the fuzzer reports it).
enum FuzzTarget: String, CaseIterable {
    /// The bytes as source text: lexer, parser, and the rendering of every diagnostic.
    case parse
    /// The bytes as a program run in a fresh session, interrupted (as by Ctrl-C) after
    /// ``InterpreterWatchdog/budget`` seconds; inputs that could touch files are skipped.
    case interpret
    /// The bytes as a history file, read back with small caps; every entry read must survive an
    /// encode/decode round trip.
    case history
    /// The bytes as a CSV file, read with the options a user can give (header, label column,
    /// delimiter detection, missing values); what it reads must be rectangular.
    case csv
    /// The bytes as a safetensors file, read as a model file would be; what it reads must encode
    /// and read back the same.
    case safetensors
    /// The bytes as a notebook-style script split into cells; every cell's code must be the text
    /// of the lines it says it starts on.
    case cells

    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        switch self {
        case .parse: Self.parse(String(decoding: bytes, as: UTF8.self))
        case .interpret: Self.interpret(String(decoding: bytes, as: UTF8.self))
        case .history: Self.history(bytes)
        case .csv: Self.csv(bytes)
        case .safetensors: Self.safetensors(bytes)
        case .cells: Self.cells(String(decoding: bytes, as: UTF8.self))
        }
    }

    private static func parse(_ text: String) {
        let file = SourceFile(name: "fuzz.nn", text: text)
        let result = Parser.parse(file)
        // The first few rendered (rendering dominates the time; the rest render the same way).
        _ = DiagnosticFormatter(color: true).format(Array(result.diagnostics.prefix(3)), in: file)
        _ = inputIsComplete(text)
    }

    /// Words that reach the file system (`svg:` writes files, `csv(…)` reads them): skipped, so
    /// the fuzzer never writes over or reads from a path it made up.
    static let fileWords = ["svg", "csv"]

    private static func interpret(_ text: String) {
        let lowered = text.lowercased()
        guard !fileWords.contains(where: lowered.contains) else { return }
        let interrupt = InterruptFlag()
        let session = Session(options: SessionOptions(terminalWidth: 60, terminalHeight: 20), output: DiscardingSink(), interrupt: interrupt)
        InterpreterWatchdog.shared.watch(interrupt) {
            _ = session.run(text, fileName: "fuzz.nn", echo: .everyExpression)
        }
    }

    private static func history(_ bytes: UnsafeBufferPointer<UInt8>) {
        let path = HistoryScratch.path
        guard FileManager.default.createFile(atPath: path, contents: Data(buffer: bytes)) else { return }
        let file = HistoryFile(path: path, capacity: 50, maximumFileBytes: 4096, maximumEntryBytes: 512, lockTimeout: 0)
        guard let entries = try? file.load() else { return }
        precondition(entries.count <= 50, "more entries than the capacity")
        for entry in entries {
            precondition(entry.utf8.count <= 4096, "an entry longer than what was read")
            precondition(HistoryFileFormat.decode(HistoryFileFormat.encode([entry])) == [entry], "round trip broke \(entry.debugDescription)")
        }
    }
}

extension FuzzTarget {
    /// The first byte picks the options a user can give: how to treat a missing value, classes or
    /// real targets, the order of the classes.
    private static func csv(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let first = bytes.first else { return }
        let options = CSVOptions(
            task: first & 4 == 0 ? .classification : .regression,
            classOrder: first & 8 == 0 ? .sorted : .firstAppearance,
            missing: MissingValues.allCases[Int(first) % MissingValues.allCases.count])
        guard let read = try? Dataset.readCSV(bytes: Array(bytes.dropFirst()), source: "fuzz.csv", options: options) else {
            return
        }
        precondition(read.dataset.features.shape.count == 2, "features are not a matrix")
        precondition(read.dataset.features.rows == read.dataset.count, "features not one row per sample")
    }

    private static func safetensors(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let archive = try? SafetensorsArchive(bytes: Array(bytes)) else { return }
        for tensor in archive.tensors {
            precondition(tensor.values.count == tensor.shape.reduce(1, *), "\(tensor.name): values do not fill its shape")
        }
        _ = try? ModelArchive.load(archive)
        guard let encoded = try? archive.encoded(), let again = try? SafetensorsArchive(bytes: encoded) else {
            preconditionFailure("an archive that was read does not encode and read back")
        }
        precondition(again.tensors.map(\.name) == archive.tensors.map(\.name), "the round trip changed the tensors")
    }

    /// A cell's code joins its lines with "\n": its first line is what comes before the first "\n"
    /// byte (split as Characters instead, a line ending in a lone "\r" would merge with that "\n").
    private static func cells(_ text: String) {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for cell in CellSplitter.cells(of: text) where cell.hasCode {
            let first = cell.code.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)[0]
            precondition(cell.codeLine >= 1 && cell.codeLine <= lines.count, "a cell starts outside the script")
            precondition(Array(lines[cell.codeLine - 1].utf8) == Array(first), "a cell's code is not at the line it names")
        }
    }
}

/// Output that goes nowhere (the fuzzer only cares whether evaluation ends well).
final class DiscardingSink: OutputSink {
    let isTerminal = false
    func write(_ text: String) {}
    func writeError(_ text: String) {}
}

/// A private scratch file for the history target, in a folder of its own.
enum HistoryScratch {
    static let path: String = {
        let folder = NSTemporaryDirectory() + "neurite-fuzz-history-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/history"
    }()
}

/// One background thread that raises a session's interrupt flag (as Ctrl-C would) once an input
/// has run for ``budget`` seconds. An evaluation that does not stop soon after is a hang, which
/// libFuzzer's `-timeout` reports.
final class InterpreterWatchdog: Sendable {
    static let shared = InterpreterWatchdog()
    /// Seconds an input may run before it is interrupted.
    static let budget = 0.2

    private let deadline = Atomic<UInt64>(0)
    private let current = Mutex<InterruptFlag?>(nil)

    private init() {
        let thread = Thread { [self] in
            while true {
                usleep(10_000)
                let due = deadline.load(ordering: .acquiring)
                if due != 0, DispatchTime.now().uptimeNanoseconds > due {
                    current.withLock { $0?.raise() }
                }
            }
        }
        thread.start()
    }

    func watch(_ flag: InterruptFlag, _ body: () -> Void) {
        current.withLock { $0 = flag }
        deadline.store(DispatchTime.now().uptimeNanoseconds + UInt64(Self.budget * 1e9), ordering: .releasing)
        body()
        deadline.store(0, ordering: .releasing)
        current.withLock { $0 = nil }
    }
}
