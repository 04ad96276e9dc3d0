import NeuriteLanguage

/// One option, declared once: its ``OptionSpec`` (for parsing checks, `:help`, `Docs/` and Tab) and
/// how its written value becomes a typed `Value`. Handlers read it with ``CommandInput/value(_:)``;
/// nothing else names the option.
struct Option<Value: Sendable>: Sendable {
    let spec: OptionSpec
    /// The value when the option is not written.
    let defaultValue: Value
    let read: @Sendable (Expression, ValueReader) throws -> Value

    var name: String { spec.name }

    /// `what` in messages: `'epochs'`.
    static func quoted(_ name: String) -> String { "'\(name)'" }
}

extension Option where Value == Int {
    /// A whole number within `bounds`.
    static func integer(
        _ name: String, _ bounds: NumberBounds, default value: Int, shown: String? = nil, _ summary: String,
        otherNames: [String] = []
    ) -> Option {
        let kind = OptionKind.integer(bounds)
        return Option(
            spec: OptionSpec(name: name, kind: kind, defaultText: shown ?? String(value), summary: summary, otherNames: otherNames),
            defaultValue: value, read: { try $1.integer($0, quoted(name), bounds: bounds) })
    }
}

extension Option where Value == Int? {
    /// A whole number within `bounds`, nil when not written (the default is described by `shown`).
    static func integer(
        _ name: String, _ bounds: NumberBounds, shown: String?, _ summary: String, otherNames: [String] = []
    ) -> Option {
        Option(
            spec: OptionSpec(name: name, kind: .integer(bounds), defaultText: shown, summary: summary, otherNames: otherNames),
            defaultValue: nil, read: { try $1.integer($0, quoted(name), bounds: bounds) })
    }
}

extension Option where Value == Double {
    /// A finite number within `bounds`.
    static func number(
        _ name: String, _ bounds: NumberBounds, default value: Double, shown: String, _ summary: String,
        otherNames: [String] = []
    ) -> Option {
        Option(
            spec: OptionSpec(name: name, kind: .number(bounds), defaultText: shown, summary: summary, otherNames: otherNames),
            defaultValue: value, read: { try $1.number($0, quoted(name), bounds: bounds) })
    }
}

extension Option where Value == Double? {
    /// A finite number within `bounds`, nil when not written.
    static func number(
        _ name: String, _ bounds: NumberBounds, shown: String?, _ summary: String, otherNames: [String] = []
    ) -> Option {
        Option(
            spec: OptionSpec(name: name, kind: .number(bounds), defaultText: shown, summary: summary, otherNames: otherNames),
            defaultValue: nil, read: { try $1.number($0, quoted(name), bounds: bounds) })
    }
}

extension Option where Value == Bool? {
    /// `true` or `false`, nil when not written (the command decides the default).
    static func flag(_ name: String, shown: String?, _ summary: String) -> Option {
        Option(
            spec: OptionSpec(name: name, kind: .flag, defaultText: shown, summary: summary, otherNames: []),
            defaultValue: nil, read: { try $1.flag($0, quoted(name)) })
    }
}

extension Option where Value == String? {
    /// A string, nil when not written.
    static func text(_ name: String, _ summary: String) -> Option {
        Option(
            spec: OptionSpec(name: name, kind: .text, defaultText: nil, summary: summary, otherNames: []),
            defaultValue: nil, read: { try $1.string($0, quoted(name)) })
    }

    /// A file path ending in `.fileExtension` (not enforced: the name is the user's), nil when not written.
    static func path(_ name: String, fileExtension: String, _ summary: String) -> Option {
        let kind = OptionKind.path(fileExtension: fileExtension)
        return Option(
            spec: OptionSpec(name: name, kind: kind, defaultText: nil, summary: summary, otherNames: []),
            defaultValue: nil, read: { try $1.string($0, quoted(name), requirement: kind.requirement) })
    }
}

extension Option where Value == [String]? {
    /// Labels (`["a", "b", 3]` or a vector), nil when not written.
    static func labels(_ name: String, _ summary: String) -> Option {
        Option(
            spec: OptionSpec(name: name, kind: .labels, defaultText: nil, summary: summary, otherNames: []),
            defaultValue: nil, read: { try $1.labels($0, quoted(name)) })
    }
}

extension Option where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// One of a closed set of words (an enum's raw values), with a default.
    static func word(_ name: String, default value: Value, _ summary: String) -> Option {
        let words = Value.allCases.map(\.rawValue)
        return Option(
            spec: OptionSpec(name: name, kind: .word(words), defaultText: value.rawValue, summary: summary, otherNames: []),
            defaultValue: value,
            read: { expression, reader in
                let word = try reader.word(expression, quoted(name), among: words)
                return Value(rawValue: word) ?? value
            })
    }
}

extension Option {
    /// One of the words of an ``OptionWord`` table (`optimizer: adam`), nil when not written.
    static func word<Choice: Sendable>(
        _ name: String, _ table: OptionWord<Choice>, shown: String?, _ summary: String
    ) -> Option where Value == Choice? {
        Option(
            spec: OptionSpec(name: name, kind: .word(table.words), defaultText: shown, summary: summary, otherNames: []),
            defaultValue: nil,
            read: { expression, reader in
                let word = try reader.word(expression, quoted(name), among: table.words)
                return table.value(of: word)
            })
    }

    /// A value of any other kind, read by `read`.
    static func custom(_ spec: OptionSpec, default value: Value, read: @escaping @Sendable (Expression, ValueReader) throws -> Value)
        -> Option
    {
        Option(spec: spec, defaultValue: value, read: read)
    }
}
