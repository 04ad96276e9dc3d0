// TEMPORARY FAKE (branch `cli` only): stands in for the interpreter's Session until the
// `interpreter` branch is merged; delete this file on that merge. Not part of the product.
import Foundation
import Synchronization

public final class InterruptFlag: Sendable {
    private let raised = Atomic<Bool>(false)
    public init() {}
    public func raise() { raised.store(true, ordering: .relaxed) }
    public var isRaised: Bool { raised.load(ordering: .relaxed) }
    public func clear() { raised.store(false, ordering: .relaxed) }
}

public enum MetaResult: Sendable, Equatable {
    case handled(RunOutcome)
    case showHistory
    case quit
    case notMeta
}

public final class Session {
    private let output: OutputSink
    private let interrupt: InterruptFlag
    private var names: [String] = []
    public init(options: SessionOptions, output: OutputSink, interrupt: InterruptFlag) {
        self.output = output
        self.interrupt = interrupt
    }
    public func run(_ source: String, fileName: String, echo: EchoMode) -> RunOutcome {
        let line = source.drop { $0 == "\n" }
        let lineNumber = source.count - line.count + 1
        if line.contains("error") {
            output.writeError("\(fileName):\(lineNumber):1: error: fake error\n")
            return .failed
        }
        if line.contains("spin") {
            while !interrupt.isRaised { usleep(10_000) }
            output.writeError("interrupted\n")
            return .interrupted
        }
        if line.hasPrefix("fn "), let name = line.dropFirst(3).split(separator: "(").first {
            names.append(String(name))
            return .success
        }
        if echo != .none { output.write(String(line) + "\n") }
        return .success
    }
    public func runFile(path: String, echo: EchoMode) -> RunOutcome {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return .failed }
        return run(text, fileName: path, echo: echo)
    }
    public func completions(forPrefix prefix: String) -> [String] {
        (["sigmoid", "sin", "sinh", "sum", "softmax"] + names).filter { $0.hasPrefix(prefix) }
    }
    public func isComplete(_ input: String) -> Bool {
        input.filter { $0 == "(" }.count <= input.filter { $0 == ")" }.count
    }
    public func meta(_ line: String) -> MetaResult {
        switch line.trimmingCharacters(in: .whitespaces) {
        case ":quit": return .quit
        case ":history": return .showHistory
        default: return line.hasPrefix(":") ? .handled(.failed) : .notMeta
        }
    }
    public func reset() { names = [] }
}
