import NeuriteLanguage
import NeuriteNumerics

/// The one reader of written values for commands, options and layer lines: evaluates an expression
/// and checks it against what is expected, with the error at the expression and the allowed range
/// in the message (`'epochs' must be a whole number ≥ 0, got -1`).
struct ValueReader {
    let evaluator: Evaluator
    let scope: Scope

    func evaluate(_ expression: Expression) throws -> Value {
        try evaluator.evaluate(expression, in: scope)
    }

    /// A finite number within `bounds`; `what` names it in messages (`'lr'`, `a number of units`).
    func number(_ expression: Expression, _ what: String, bounds: NumberBounds = .any) throws -> Double {
        let kind = OptionKind.number(bounds)
        let value = try evaluate(expression)
        guard case .number(let x) = value else {
            throw RuntimeError(.valueOutOfKind(what: what, requirement: kind.requirement, got: value.typeName), at: expression.span)
        }
        guard x.isFinite, bounds.contains(x) else {
            throw RuntimeError(.valueOutOfKind(what: what, requirement: kind.requirement, got: formatNumber(x)), at: expression.span)
        }
        return x
    }

    /// A whole number within `bounds`.
    func integer(_ expression: Expression, _ what: String, bounds: NumberBounds) throws -> Int {
        let kind = OptionKind.integer(bounds)
        let value = try evaluate(expression)
        guard case .number(let x) = value else {
            throw RuntimeError(.valueOutOfKind(what: what, requirement: kind.requirement, got: value.typeName), at: expression.span)
        }
        // Int(x) is safe: the bounds of every declared integer lie well inside Int's range.
        guard x.isFinite, x == x.rounded(), bounds.contains(x), abs(x) <= 9_007_199_254_740_992 else {
            throw RuntimeError(.valueOutOfKind(what: what, requirement: kind.requirement, got: formatNumber(x)), at: expression.span)
        }
        return Int(x)
    }

    func flag(_ expression: Expression, _ what: String) throws -> Bool {
        let value = try evaluate(expression)
        guard case .boolean(let flag) = value else {
            throw RuntimeError(.notBoolean(what: what, typeName: value.typeName), at: expression.span)
        }
        return flag
    }

    func string(_ expression: Expression, _ what: String, requirement: String = "a string") throws -> String {
        let value = try evaluate(expression)
        guard case .string(let text) = value else {
            throw RuntimeError(.valueOutOfKind(what: what, requirement: requirement, got: value.typeName), at: expression.span)
        }
        return text
    }

    /// One of `words`, written bare (`canvas: ascii`) or as a string; did-you-mean for others.
    func word(_ expression: Expression, _ what: String, among words: [String]) throws -> String {
        let written: String
        if case .identifier(let name) = expression.kind, words.contains(name) || scope.lookup(name) == nil {
            written = name
        } else if case .string(let text) = try evaluate(expression) {
            written = text
        } else {
            written = evaluator.sourceText(of: expression)
        }
        guard words.contains(written) else {
            let hint = Suggestion.nearest(to: written, among: words).map { "did you mean '\($0)'?" }
                ?? "one of " + words.joined(separator: ", ")
            throw RuntimeError(.noSuchValue(what: what, written: written), at: expression.span, hint: hint)
        }
        return written
    }

    /// Labels: a list literal of strings or numbers (`["a", "b", 3]`), a vector, or one string.
    func labels(_ expression: Expression, _ what: String) throws -> [String] {
        if case .vector(let elements) = expression.kind {
            return try elements.map { element in
                switch try evaluate(element) {
                case .string(let text): return text
                case .number(let x): return formatNumber(x)
                case let other:
                    throw RuntimeError(.labelNotText(typeName: other.typeName), at: element.span)
                }
            }
        }
        switch try evaluate(expression) {
        case .vector(let values): return values.map { formatNumber($0) }
        case .string(let text): return [text]
        case let other:
            throw RuntimeError(
                .notLabelList(what: what, typeName: other.typeName), at: expression.span)
        }
    }
}

extension Evaluator {
    /// The source text of `expression` as written in the current file (`relu'`, `fn(x) = x^2`).
    func sourceText(of expression: Expression) -> String {
        let bytes = currentFile.utf8
        let span = expression.span
        guard span.start >= 0, span.end <= bytes.count, span.start < span.end else { return "?" }
        return String(decoding: bytes[span.start..<span.end], as: UTF8.self)
    }
}

extension ValueReader {
    /// Checks the value written at `expression` against what `spec` declares, as the option's own
    /// reader does (used by tests over every declared option, and to check defaults).
    func check(_ expression: Expression, against spec: OptionSpec) throws {
        let what = "'\(spec.name)'"
        switch spec.kind {
        case .integer(let bounds): _ = try integer(expression, what, bounds: bounds)
        case .number(let bounds): _ = try number(expression, what, bounds: bounds)
        case .flag: _ = try flag(expression, what)
        case .text, .path: _ = try string(expression, what, requirement: spec.kind.requirement)
        case .word(let words): _ = try word(expression, what, among: words)
        case .labels: _ = try labels(expression, what)
        case .initializer: _ = try word(expression, what, among: OptionWords.initializer.words)
        case .vector, .function, .initializerOrNumber: _ = try evaluate(expression)
        }
    }
}
