import LineEditor
import NeuriteInterpreter

/// The session's output on the process's stdout (values) and stderr (diagnostics). With colour
/// on, escape sequences are removed from whichever stream is not a terminal.
final class StandardStreamsSink: OutputSink {
    let isTerminal: Bool
    private let stripOutput: Bool
    private let stripError: Bool

    init(stdoutIsTerminal: Bool, stderrIsTerminal: Bool) {
        isTerminal = stdoutIsTerminal
        stripOutput = !stdoutIsTerminal
        stripError = !stderrIsTerminal
    }

    func write(_ text: String) {
        StandardStream.output.write(stripOutput ? Self.removingEscapes(text) : text)
    }

    func writeError(_ text: String) {
        StandardStream.error.write(stripError ? Self.removingEscapes(text) : text)
    }

    /// `text` without terminal escape sequences (CSI, OSC, charset designations, two-byte `ESC x`).
    static func removingEscapes(_ text: String) -> String {
        guard text.contains("\u{1B}") else { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else {
                out.append(scalar)
                continue
            }
            guard let next = scalars.next() else { break }
            switch next {
            case "[":  // CSI: parameters, then a final byte in @…~
                while let c = scalars.next(), !(0x40...0x7E).contains(c.value) {}
            case "]":  // OSC: up to BEL or ESC \
                while let c = scalars.next(), c != "\u{07}" {
                    if c == "\u{1B}" {
                        _ = scalars.next()
                        break
                    }
                }
            case "(", ")":  // character set designation: one more byte
                _ = scalars.next()
            default:
                break
            }
        }
        return String(out)
    }
}
