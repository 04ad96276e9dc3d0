import NeuriteLanguage

/// The help groups built-ins are listed under.
public enum BuiltinGroup: String, CaseIterable, Sendable {
    case math = "math"
    case reductions = "reductions"
    case vectors = "vectors"
    case activations = "activations"
    case functions = "functions"
    case constants = "constants"
    case datasets = "datasets"
    case models = "models"
}

/// A formal parameter of a built-in; those with a default may be left out or given by label.
struct BuiltinParameter {
    var name: String
    var defaultValue: Value?

    init(_ name: String, default defaultValue: Value? = nil) {
        self.name = name
        self.defaultValue = defaultValue
    }
}

/// What a built-in's implementation sees: the arguments in parameter order, where they were
/// written, and the evaluator (to call function arguments and poll for interrupts).
struct BuiltinCall {
    var name: String
    var arguments: [Value]
    var argumentSpans: [Span]
    var span: Span
    var evaluator: Evaluator

    /// The span of argument `index` (the call's span if there is none).
    func span(of index: Int) -> Span {
        index < argumentSpans.count ? argumentSpans[index] : span
    }

    /// An error at argument `index` (the whole call if nil), with its id and text from the catalog.
    func error(_ message: RuntimeMessage, argument index: Int? = nil, hint: String? = nil) -> RuntimeError {
        RuntimeError(message, at: index.map(span(of:)) ?? span, hint: hint)
    }
}

/// A function provided by the interpreter, with its documentation.
///
/// Every built-in is documented in the same place it is defined: `:help NAME` shows ``summary``,
/// ``formula`` and ``example``, and a test evaluates every example. A class, so that passing a
/// built-in around as a value costs one reference.
public final class Builtin {
    public let name: String
    public let group: BuiltinGroup
    let parameters: [BuiltinParameter]
    /// Accepts any number of arguments beyond the declared parameters (`print`, `max`).
    let isVariadic: Bool
    /// Accepts jets, so `f'` works (math functions and activations).
    let isDifferentiable: Bool
    /// One line: what it does.
    public let summary: String
    /// The exact mathematics or convention (may be empty).
    public let formula: String
    /// A Neurite expression that shows it at work; evaluated by a test.
    public let example: String
    /// Option words that may be written bare as arguments (`init: he_normal`); each arrives as a string.
    let words: Set<String>
    let implementation: (BuiltinCall) throws -> Value

    init(
        _ name: String, group: BuiltinGroup, parameters: [BuiltinParameter], variadic: Bool = false,
        differentiable: Bool = false, words: Set<String> = [], summary: String, formula: String = "",
        example: String, implementation: @escaping (BuiltinCall) throws -> Value
    ) {
        self.words = words
        self.name = name
        self.group = group
        self.parameters = parameters
        self.isVariadic = variadic
        self.isDifferentiable = differentiable
        self.summary = summary
        self.formula = formula
        self.example = example
        self.implementation = implementation
    }

    /// `relu(x)`, `clamp(x, lo, hi)`, `print(values…)`.
    public var signature: String {
        var names = parameters.map { parameter in
            switch parameter.defaultValue {
            case nil: return parameter.name
            case .nothing?: return "[\(parameter.name)]"  // optional, no default value
            case let value?: return "\(parameter.name) = \(ValueFormatter.plain.format(value))"
            }
        }
        if isVariadic { names.append("…") }
        return "\(name)(\(names.joined(separator: ", ")))"
    }

    /// The number of parameters without a default value.
    var requiredParameterCount: Int { parameters.filter { $0.defaultValue == nil }.count }
}

/// A named constant (`pi`, `e`), documented like a built-in.
struct BuiltinConstant {
    let name: String
    let value: Double
    let summary: String
    /// For `:help`; evaluated by a test like the built-ins' examples.
    var example: String { name }
}
