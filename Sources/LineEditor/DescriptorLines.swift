import Glibc

/// The lines of a file descriptor (standard input when it is a pipe or a file), read in blocks,
/// with a cap on a line's length: endless input without line breaks (`neurite < /dev/zero`) stops
/// with ``lineTooLong`` set instead of filling memory. `\n` and `\r\n` end lines; invalid UTF-8
/// becomes U+FFFD; a last line without a line break is still a line.
public final class DescriptorLines {
    /// Longer lines end the input.
    public static let defaultMaximumLineBytes = 16 << 20

    private let descriptor: Int32
    private let maximumLineBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var scanned = 0
    private var atEnd = false
    /// The 1-based number of a line that was longer than the limit (reading stopped there).
    public private(set) var lineTooLong: Int?
    private var linesReturned = 0

    public init(descriptor: Int32 = STDIN_FILENO, maximumLineBytes: Int = DescriptorLines.defaultMaximumLineBytes) {
        self.descriptor = descriptor
        self.maximumLineBytes = maximumLineBytes
    }

    /// The next line without its terminator, or nil at the end of input (or after a line too long).
    public func next() -> String? {
        guard lineTooLong == nil else { return nil }
        while true {
            if let newline = buffer[scanned...].firstIndex(of: 0x0A), newline - start <= maximumLineBytes {
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                return take(start..<end, resumingAt: newline + 1)
            }
            scanned = buffer.count
            if buffer.count - start > maximumLineBytes {  // with or without its line break
                lineTooLong = linesReturned + 1
                return nil
            }
            if atEnd {
                return start < buffer.count ? take(start..<buffer.count, resumingAt: buffer.count) : nil
            }
            fill()
        }
    }

    private func take(_ range: Range<Int>, resumingAt next: Int) -> String {
        let line = String(decoding: buffer[range], as: UTF8.self)
        start = next
        scanned = next
        linesReturned += 1
        if start > 1 << 16, start * 2 > buffer.count {  // drop what was read, now and then
            buffer.removeSubrange(0..<start)
            scanned -= start
            start = 0
        }
        return line
    }

    private func fill() {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 {
                atEnd = true
            } else {
                buffer.append(contentsOf: chunk[..<count])
            }
            return
        }
    }
}
