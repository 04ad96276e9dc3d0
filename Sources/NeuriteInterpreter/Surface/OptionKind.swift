import Foundation
import NeuriteNumerics

/// The bounds of a numeric option or argument: an inclusive minimum, an inclusive or exclusive maximum.
struct NumberBounds: Sendable, Equatable {
    var minimum: Double?
    /// True when the minimum itself is refused (`> 0` rather than `≥ 0`).
    var minimumExcluded = false
    var maximum: Double?
    /// True when the maximum itself is refused (`< 1` rather than `≤ 1`).
    var maximumExcluded = false

    static let any = NumberBounds()
    static let nonNegative = NumberBounds(minimum: 0)
    static let positive = NumberBounds(minimum: 0, minimumExcluded: true)
    /// A fraction in [0, 1).
    static let fraction = NumberBounds(minimum: 0, maximum: 1, maximumExcluded: true)

    func contains(_ x: Double) -> Bool {
        if let minimum, minimumExcluded ? x <= minimum : x < minimum { return false }
        if let maximum, maximumExcluded ? x >= maximum : x > maximum { return false }
        return true
    }

    /// `≥ 0`, `> 0`, `in [0, 1)`, `from 24 to 1000`, `from 0 to 1e9` (empty when unbounded).
    var text: String {
        func formatNumber(_ x: Double) -> String {
            let exponent = log10(abs(x)).rounded()
            if abs(x) >= 1e6, pow(10, exponent) == abs(x) { return (x < 0 ? "-" : "") + "1e\(Int(exponent))" }
            return NeuriteNumerics.formatNumber(x)
        }
        switch (minimum, maximum) {
        case (nil, nil): return ""
        case (let lo?, nil): return (minimumExcluded ? "> " : "≥ ") + formatNumber(lo)
        case (nil, let hi?): return (maximumExcluded ? "< " : "≤ ") + formatNumber(hi)
        case (let lo?, let hi?):
            if !minimumExcluded && !maximumExcluded { return "from \(formatNumber(lo)) to \(formatNumber(hi))" }
            return "in \(minimumExcluded ? "(" : "[")\(formatNumber(lo)), \(formatNumber(hi))\(maximumExcluded ? ")" : "]")"
        }
    }
}

/// What an option's value must be. It decides how the value is read, what `:help` and the reference
/// in `Docs/` say of it, and what Tab offers after `name: `.
enum OptionKind: Sendable, Equatable {
    /// A whole number within the bounds.
    case integer(NumberBounds)
    /// A finite number within the bounds.
    case number(NumberBounds)
    /// `true` or `false`.
    case flag
    /// A string.
    case text
    /// A file path, as a string, whose name ends with the extension.
    case path(fileExtension: String)
    /// One of the words, written bare (`optimizer: adam`) or as a string.
    case word([String])
    /// A list of labels: `["a", "b", 3]` or a vector.
    case labels
    /// A vector of numbers.
    case vector
    /// A function of one number (an activation).
    case function
    /// An initializer name, or a number for a constant (`bias: -1`, `bias: zeros`).
    case initializerOrNumber
    /// An initializer name (`init: he_normal`).
    case initializer

    /// The placeholder `:help` shows after the name: `N`, `X`, `NAME`, `"f.svg"`.
    var placeholder: String {
        switch self {
        case .integer: return "N"
        case .number: return "X"
        case .flag: return "true"
        case .text: return "\"…\""
        case .path(let fileExtension): return "\"f.\(fileExtension)\""
        case .word: return "NAME"
        case .labels: return "[..]"
        case .vector: return "v"
        case .function: return "ACT"
        case .initializerOrNumber: return "X|NAME"
        case .initializer: return "NAME"
        }
    }

    /// What the value must be, in words: `a whole number from 24 to 1000`, `one of sgd, adam, …`.
    var requirement: String {
        switch self {
        case .integer(let bounds): return "a whole number" + (bounds.text.isEmpty ? "" : " " + bounds.text)
        case .number(let bounds): return "a finite number" + (bounds.text.isEmpty ? "" : " " + bounds.text)
        case .flag: return "true or false"
        case .text: return "a string"
        case .path(let fileExtension): return "a file name such as \"plot.\(fileExtension)\""
        case .word(let words): return "one of " + words.joined(separator: ", ")
        case .labels: return "a list of labels such as [\"a\", \"b\"]"
        case .vector: return "a vector of numbers"
        case .function: return "a function of one number, e.g. relu"
        case .initializerOrNumber: return "a number, an initializer name, or uniform(a, b), normal(mean, std), orthogonal(gain)"
        case .initializer: return "an initializer name, or uniform(a, b), normal(mean, std), constant(c), orthogonal(gain)"
        }
    }

    /// The words Tab offers for the value (empty when it is not a closed set).
    var completions: [String] {
        switch self {
        case .word(let words): return words
        case .flag: return ["true", "false"]
        case .initializer, .initializerOrNumber: return OptionWords.initializer.words
        default: return []
        }
    }
}

/// Everything said about one option, declared once: name, kind, default, one-line doc, and the
/// names other tools use for it (`learning_rate` → `lr`), which get a specific hint.
struct OptionSpec: Sendable, Equatable {
    let name: String
    let kind: OptionKind
    /// The default as shown (`100`, `the terminal's`); nil when absent means "off".
    let defaultText: String?
    let summary: String
    /// Names from other tools that mean this option; writing one gets "'learning_rate' is 'lr' here".
    let otherNames: [String]

    /// The `:help` line: `epochs: N   passes over the data (100)`.
    var helpLine: String {
        let head = "\(name): \(kind.placeholder)"
        let padded = head.count < 20 ? head + String(repeating: " ", count: 20 - head.count) : head + "  "
        return padded + summary + (defaultText.map { " (\($0))" } ?? "")
    }
}
