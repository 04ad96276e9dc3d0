/// Errors from making, loading and transforming data sets. Each case carries where the bad input came
/// from (argument name, file and 1-based line, column name) and renders as one readable line.
///
/// Cases that name an unknown thing carry `available` (every known name), so that the interpreter
/// can say "did you mean …" with its own suggester (see ``message(suggesting:)``).
public enum DatasetError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A generator or transform argument is outside its allowed range.
    case invalidArgument(name: String, reason: String)
    /// A file could not be read.
    case fileUnreadable(path: String, reason: String)
    /// A CSV source holds no header (it is empty or blank).
    case emptyFile(source: String)
    /// A CSV source has a header but no data rows.
    case noDataRows(source: String)
    /// A CSV header has fewer than two columns (a feature and a label are needed).
    case tooFewColumns(source: String, count: Int)
    /// A CSV record has the wrong number of fields.
    case fieldCount(source: String, line: Int, expected: Int, got: Int)
    /// A CSV field that must be a finite number is not.
    case notANumber(source: String, line: Int, column: String, value: String)
    /// A CSV label field is empty (or only spaces) when classes are read.
    case emptyLabel(source: String, line: Int, column: String)
    /// A CSV header names a column twice (1-based positions).
    case repeatedColumn(source: String, name: String, first: Int, second: Int)
    /// A quoted CSV field is never closed.
    case unterminatedQuote(source: String, line: Int)
    /// A CSV field is malformed (a stray quote, text after a closing quote, a NUL byte, invalid UTF-8):
    /// the line, the 1-based column and, when the header is known, its name.
    case malformedField(source: String, line: Int, column: Int, name: String?, reason: String)
    /// Every CSV row had a missing value and `missing: drop` dropped them all.
    case noCompleteRows(source: String, dropped: Int)
    /// `missing: mean` cannot fill a column with no value at all.
    case noValuesForMean(source: String, column: String)
    /// Reading stopped because the caller asked (Ctrl-C).
    case interrupted(source: String)
    /// A column name is not in the CSV header.
    case unknownColumn(source: String, name: String, available: [String])
    /// A name is not one of the bundled data sets.
    case unknownBundledDataset(name: String, available: [String])
    /// A name is not one of the generated data sets.
    case unknownGenerator(name: String, available: [String])
    /// The bundled CSV files were not found in any of the searched folders.
    case bundledDataNotFound(name: String, searched: [String])
    /// A data set has the wrong number of features for an operation.
    case featureWidth(operation: String, expected: Int, got: Int)
    /// An operation needs class targets but the data set has real-valued targets.
    case needsClasses(operation: String)
    /// A function used to make regression data returned a value that is not finite.
    case nonFiniteValue(x: Double, value: Double)

    /// The message; an unknown name lists the available ones.
    public var description: String { message(suggesting: { _, _ in nil }) }

    /// The message, where an unknown name ends in "did you mean '…'?" if `nearest(name, available)`
    /// gives a close known name, and lists the available names otherwise.
    public func message(suggesting nearest: (_ name: String, _ available: [String]) -> String?) -> String {
        func hint(_ name: String, _ available: [String]) -> String {
            if let best = nearest(name, available) { return "; did you mean '\(best)'?" }
            if available.isEmpty { return "" }
            let shown = available.prefix(12).map { "'\($0)'" }.joined(separator: ", ")
            return "; available: \(shown)\(available.count > 12 ? ", …" : "")"
        }
        switch self {
        case let .invalidArgument(name, reason):
            return "invalid \(name): \(reason)"
        case let .fileUnreadable(path, reason):
            return "cannot read '\(path)': \(reason)"
        case let .emptyFile(source):
            return "\(source): the file is empty (a header row is needed)"
        case let .noDataRows(source):
            return "\(source): no data rows after the header"
        case let .tooFewColumns(source, count):
            return "\(source): the header has \(count) column\(count == 1 ? "" : "s"); "
                + "at least two are needed (features and a label)"
        case let .fieldCount(source, line, expected, got):
            return "\(source):\(line): expected \(expected) fields, got \(got)"
        case let .notANumber(source, line, column, value):
            let shown = value.isEmpty ? "an empty value" : "'\(value)'"
            return "\(source):\(line): column '\(column)': \(shown) is not a finite number"
        case let .emptyLabel(source, line, column):
            return "\(source):\(line): column '\(column)': an empty label (every row needs its class)"
        case let .repeatedColumn(source, name, first, second):
            return "\(source): column '\(name)' appears twice in the header (columns \(first) and \(second))"
        case let .unterminatedQuote(source, line):
            return "\(source):\(line): a quoted field is never closed"
        case let .malformedField(source, line, column, name, reason):
            return "\(source):\(line): column \(column)\(name.map { " ('\($0)')" } ?? ""): \(reason)"
        case let .noCompleteRows(source, dropped):
            return "\(source): every row (\(dropped)) has a missing value, so none is left after dropping them"
        case let .noValuesForMean(source, column):
            return "\(source): column '\(column)' has no values to take the mean of"
        case let .interrupted(source):
            return "\(source): reading stopped (interrupted)"
        case let .unknownColumn(source, name, available):
            return "\(source): no column '\(name)'" + hint(name, available)
        case let .unknownBundledDataset(name, available):
            return "no bundled data set '\(name)'" + hint(name, available)
        case let .unknownGenerator(name, available):
            return "no generated data set '\(name)'" + hint(name, available)
        case let .bundledDataNotFound(name, searched):
            return "the bundled data set '\(name)' was not found (searched: \(searched.joined(separator: ", ")))"
        case let .featureWidth(operation, expected, got):
            return "\(operation) needs \(expected) feature\(expected == 1 ? "" : "s") per sample, the data set has \(got)"
        case let .needsClasses(operation):
            return "\(operation) needs a data set with class labels"
        case let .nonFiniteValue(x, value):
            return "the function gives \(value) at x = \(x); every value must be finite"
        }
    }
}

/// Argument checks shared by the generators and transforms; each throws ``DatasetError/invalidArgument(name:reason:)``.
enum DatasetArgument {
    /// The most samples a generator makes or a loader accepts, so that a typo cannot exhaust memory.
    static let maximumCount = 10_000_000

    static func positive(_ value: Int, _ name: String) throws {
        guard value > 0 else { throw DatasetError.invalidArgument(name: name, reason: "must be positive, got \(value)") }
    }

    /// A sample count: positive and at most ``maximumCount``.
    static func count(_ value: Int, _ name: String = "count") throws {
        try positive(value, name)
        guard value <= maximumCount else {
            throw DatasetError.invalidArgument(name: name, reason: "must be at most \(maximumCount), got \(value)")
        }
    }

    static func nonNegative(_ value: Double, _ name: String) throws {
        guard value.isFinite, value >= 0 else {
            throw DatasetError.invalidArgument(name: name, reason: "must be a finite number ≥ 0, got \(value)")
        }
    }

    static func finite(_ value: Double, _ name: String) throws {
        guard value.isFinite else { throw DatasetError.invalidArgument(name: name, reason: "must be finite, got \(value)") }
    }

    static func range(_ range: ClosedRange<Double>, _ name: String) throws {
        guard range.lowerBound.isFinite, range.upperBound.isFinite, range.lowerBound < range.upperBound else {
            throw DatasetError.invalidArgument(
                name: name, reason: "must be a finite range with lower < upper, got \(range.lowerBound)...\(range.upperBound)")
        }
    }
}
