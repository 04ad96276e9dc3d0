/// A half-open range of UTF-8 byte offsets into a ``SourceFile``'s text.
///
/// Spans are cheap to store in tokens and AST nodes; line and column are computed only
/// when a diagnostic is shown (see ``SourceFile/location(of:)``).
public struct Span: Hashable, Sendable, CustomStringConvertible {
    /// Offset of the first byte.
    public var start: Int
    /// Offset one past the last byte (equal to `start` for an empty span).
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// An empty span at `offset`.
    public static func at(_ offset: Int) -> Span { Span(start: offset, end: offset) }

    /// The smallest span covering both.
    public func union(_ other: Span) -> Span {
        Span(start: min(start, other.start), end: max(end, other.end))
    }

    public var length: Int { end - start }
    public var description: String { "\(start)..<\(end)" }
}

/// A line and column, both counted from 1. Columns count characters, not bytes.
public struct SourceLocation: Hashable, Sendable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A named piece of source text: a script file, `<repl>`, or `<-e>`.
public struct SourceFile: Sendable {
    /// The name shown in diagnostics, e.g. `tutorial.nn` or `<repl>`.
    public let name: String
    /// The full text.
    public let text: String
    /// The text as UTF-8 bytes; spans index into this.
    public let utf8: [UInt8]
    /// Byte offsets at which each line starts (the first is 0).
    public let lineStarts: [Int]
    /// The number diagnostics give the text's first line: 1, or where an entry starts in a longer
    /// input (piped standard input is run entry by entry).
    public let firstLine: Int

    public init(name: String, text: String, firstLine: Int = 1) {
        self.name = name
        self.text = text
        self.firstLine = firstLine
        let bytes = Array(text.utf8)
        self.utf8 = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// The 0-based index of the line containing `offset`.
    public func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Line (counted from ``firstLine``) and column (from 1, counting characters) of a byte offset.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = min(max(0, offset), utf8.count)
        let index = lineIndex(of: clamped)
        let prefix = utf8[lineStarts[index]..<clamped]
        let column = String(decoding: prefix, as: UTF8.self).count + 1
        return SourceLocation(line: index + firstLine, column: column)
    }

    /// The text of the 0-based line `index`, without its line terminator.
    public func lineText(_ index: Int) -> String {
        guard index >= 0, index < lineStarts.count else { return "" }
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : utf8.count
        if end > start, utf8[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: utf8[start..<max(start, end)], as: UTF8.self)
    }

    /// The source text covered by `span`.
    public func text(of span: Span) -> String {
        let start = min(max(0, span.start), utf8.count)
        let end = min(max(start, span.end), utf8.count)
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}
