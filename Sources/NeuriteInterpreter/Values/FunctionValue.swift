import NeuriteLanguage

/// Something that can be called: a user function, a built-in, or a derivative of either.
public enum FunctionValue {
    case user(UserFunction)
    case builtin(Builtin)
    /// `f'`, `f''`, `grad(f)`: the `order`-th derivative of a one-argument function.
    indirect case derivative(of: FunctionValue, order: Int)

    /// The name used in messages: `f`, `relu`, `f'`, or `<fn>` for a lambda.
    public var displayName: String {
        switch self {
        case .user(let function): return function.name ?? "<fn>"
        case .builtin(let builtin): return builtin.name
        case .derivative(let base, let order):
            return base.displayName + String(repeating: "'", count: order)
        }
    }

    /// The `order`-th derivative of this function; derivatives of derivatives add up their orders.
    func differentiated(order: Int) -> FunctionValue {
        if case .derivative(let base, let inner) = self {
            return .derivative(of: base, order: inner + order)
        }
        return .derivative(of: self, order: order)
    }
}

/// A function written in Neurite: `fn f(x, a = 1) = …`, `fn f(x) { … }` or `fn(x) = …`.
///
/// It closes over the scope it was defined in (top-level functions see later top-level
/// definitions, which makes recursion and mutual recursion work).
public final class UserFunction {
    /// `nil` for a lambda.
    public let name: String?
    public let parameters: [Parameter]
    public let body: Expression
    /// Where it was declared, for notes in diagnostics.
    public let span: Span
    /// The source it was written in (an earlier REPL entry, a loaded script): spans in the body
    /// point into this file.
    public let file: SourceFile
    let closure: Scope

    init(
        name: String?, parameters: [Parameter], body: Expression, span: Span, file: SourceFile,
        closure: Scope
    ) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.span = span
        self.file = file
        self.closure = closure
    }

    /// The number of parameters without a default value.
    public var requiredParameterCount: Int {
        parameters.filter { $0.defaultValue == nil }.count
    }
}

extension FunctionValue {
    /// The same definition: the same user function object, built-in, or derivative of the same.
    func isSame(as other: FunctionValue) -> Bool {
        switch (self, other) {
        case (.user(let a), .user(let b)): return a === b
        case (.builtin(let a), .builtin(let b)): return a.name == b.name
        case (.derivative(let a, let m), .derivative(let b, let n)): return m == n && a.isSame(as: b)
        default: return false
        }
    }
}
