import Foundation
import Glibc
import Testing

@testable import LineEditor

/// Piped standard input, line by line, with a cap: `neurite < /dev/zero` used to fill memory.
@Suite struct DescriptorLinesTests {
    /// A pipe holding `bytes`, its writing end closed.
    func pipeHolding(_ bytes: [UInt8]) throws -> Int32 {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let written = bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
        try #require(written == bytes.count)
        close(ends[1])
        return ends[0]
    }

    func allLines(_ source: DescriptorLines) -> [String] {
        var lines: [String] = []
        while let line = source.next() { lines.append(line) }
        return lines
    }

    @Test func splitsOnNewlinesAndCarriageReturnNewlines() throws {
        let descriptor = try pipeHolding(Array("a\nb c\r\n\nlast".utf8) + [0xFF, 0x0A, 0x0D])
        defer { close(descriptor) }
        let source = DescriptorLines(descriptor: descriptor)
        #expect(allLines(source) == ["a", "b c", "", "last\u{FFFD}", "\r"])
        #expect(source.lineTooLong == nil)
        #expect(source.next() == nil)
    }

    @Test func aLineLongerThanTheLimitStopsTheInput() throws {
        let descriptor = try pipeHolding(Array("ok\n".utf8) + [UInt8](repeating: 0, count: 5000) + Array("\nlater\n".utf8))
        defer { close(descriptor) }
        let source = DescriptorLines(descriptor: descriptor, maximumLineBytes: 1000)
        #expect(allLines(source) == ["ok"])
        #expect(source.lineTooLong == 2)
    }

    @Test func endlessInputWithoutLineBreaksStopsInBoundedMemory() throws {
        let zero = open("/dev/zero", O_RDONLY)
        try #require(zero >= 0)
        defer { close(zero) }
        let source = DescriptorLines(descriptor: zero, maximumLineBytes: 1 << 20)
        #expect(source.next() == nil)
        #expect(source.lineTooLong == 1)
    }

    @Test func manyLinesAcrossReads() throws {
        let text = (1...20000).map { "line \($0)" }.joined(separator: "\n") + "\n"
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let writer = ends[1]
        let thread = Thread { _ = text.withCString { write(writer, $0, strlen($0)) }; close(writer) }
        thread.start()
        defer { close(ends[0]) }
        let lines = allLines(DescriptorLines(descriptor: ends[0]))
        #expect(lines.count == 20000)
        #expect(lines.first == "line 1" && lines.last == "line 20000")
    }
}
