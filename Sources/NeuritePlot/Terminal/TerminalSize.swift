#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The size of the terminal in character cells.
public struct TerminalSize: Sendable, Equatable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    public static let fallback = TerminalSize(columns: 80, rows: 24)

    /// The size of the terminal on standard output (TIOCGWINSZ), else from the `COLUMNS` and
    /// `LINES` environment variables, else 80 × 24. Meant for the executable; renderers take
    /// explicit sizes.
    public static func current() -> TerminalSize {
        if let size = fromIoctl(fileDescriptor: STDOUT_FILENO) { return size }
        return fromEnvironment(Self.environment)
    }

    /// The size from `COLUMNS` / `LINES` in `environment`, each falling back to 80 × 24.
    public static func fromEnvironment(_ environment: [String: String]) -> TerminalSize {
        func positive(_ key: String) -> Int? {
            guard let text = environment[key]?.trimmingSpaces, let v = Int(text), v > 0, v < 10_000 else { return nil }
            return v
        }
        return TerminalSize(columns: positive("COLUMNS") ?? fallback.columns,
                            rows: positive("LINES") ?? fallback.rows)
    }

    /// The window size of the terminal open on `fileDescriptor` (TIOCGWINSZ), or nil if it is
    /// not a terminal or reports zero.
    static func fromIoctl(fileDescriptor: Int32) -> TerminalSize? {
        #if canImport(Glibc) || canImport(Darwin)
        var size = winsize()
        let result = withUnsafeMutablePointer(to: &size) { ioctl(fileDescriptor, UInt(TIOCGWINSZ), $0) }
        guard result == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        return TerminalSize(columns: Int(size.ws_col), rows: Int(size.ws_row))
        #else
        return nil
        #endif
    }

    private static var environment: [String: String] {
        var result: [String: String] = [:]
        for key in ["COLUMNS", "LINES"] {
            if let value = getenv(key) { result[key] = String(cString: value) }
        }
        return result
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
