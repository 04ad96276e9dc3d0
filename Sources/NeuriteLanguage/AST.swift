/// The abstract syntax tree. Produced by the parser; evaluated by NeuriteInterpreter.
///
/// Every node carries the ``Span`` of the source it came from, so runtime errors can point
/// at it. The tree is plain immutable data (`indirect enum`s and structs).

/// A whole script or REPL entry.
public struct Program: Sendable {
    public var statements: [Statement]
    public init(statements: [Statement]) { self.statements = statements }
}

/// A name as written, with where it was written.
public struct Identifier: Hashable, Sendable {
    public var name: String
    public var span: Span
    public init(_ name: String, span: Span) {
        self.name = name
        self.span = span
    }
}

/// One top-level statement of a program (or of a `{ … }` block), with its source span.
public struct Statement: Sendable {
    /// What the statement is.
    public indirect enum Kind: Sendable {
        /// An expression whose value the REPL echoes.
        case expression(Expression)
        /// `let x = e`, or `data x = e` (the same binding, but the value must be a dataset).
        case binding(BindingKind, name: Identifier, value: Expression)
        /// `fn f(x, a = 1) = e` or `fn f(x) { … }`.
        case function(FunctionDeclaration)
        /// `model deep(act) { input 2; repeat 6 { dense 8, act }; dense 1, sigmoid }`.
        case model(ModelDeclaration)
        /// `m.layers[0].bias[3] = -3`: a new value for part of a value (an index or member chain;
        /// a plain name is bound with `let`).
        case assignment(target: Expression, value: Expression)
    }

    public var kind: Kind
    public var span: Span
    public init(_ kind: Kind, span: Span) {
        self.kind = kind
        self.span = span
    }
}

/// The keyword that introduced a binding: `let x = …`, or `data x = …` (the value must be a dataset).
public enum BindingKind: String, Sendable {
    case `let`, data
}

/// A formal parameter: `x` or `a = 1`.
public struct Parameter: Sendable {
    public var name: Identifier
    public var defaultValue: Expression?
    public init(name: Identifier, defaultValue: Expression? = nil) {
        self.name = name
        self.defaultValue = defaultValue
    }
}

/// An actual argument: positional `e` or named `lr: 0.1`.
public struct Argument: Sendable {
    public var label: Identifier?
    public var value: Expression
    public init(label: Identifier? = nil, value: Expression) {
        self.label = label
        self.value = value
    }
}

/// `fn name(parameters) = body` or `fn name(parameters) { … }`.
public struct FunctionDeclaration: Sendable {
    public var name: Identifier
    public var parameters: [Parameter]
    /// A single expression, or a `.block` for the `{ … }` form.
    public var body: Expression
    public var span: Span
    public init(name: Identifier, parameters: [Parameter], body: Expression, span: Span) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.span = span
    }
}

/// `model name { … }` or `model name(parameters) { … }`: a network, or a constructor of networks.
public struct ModelDeclaration: Sendable {
    public var name: Identifier
    /// Empty for `model m { … }`; `model deep(act, depth = 6) { … }` takes parameters.
    public var parameters: [Parameter]
    public var body: [LayerItem]
    public var span: Span
    public init(name: Identifier, parameters: [Parameter], body: [LayerItem], span: Span) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.span = span
    }
}

/// One line of a model body.
public indirect enum LayerItem: Sendable {
    /// `dense 8, relu, init: he_normal, bias: -1`: a layer name and its arguments.
    case layer(name: Identifier, arguments: [Argument], span: Span)
    /// `repeat N { … }`.
    case repetition(count: Expression, body: [LayerItem], span: Span)
}

/// A command: a reserved word, positional arguments, then keyword clauses, e.g.
/// `train deep(sigmoid), deep(relu) on ring with epochs: 100, lr: 0.03` or
/// `plot relu, relu' over -5..5`. The parser knows the shape; the interpreter the meaning.
public struct Command: Sendable {
    public var name: Identifier
    public var arguments: [Argument]
    /// Clauses in source order: `on` / `over` / `with` and their arguments.
    public var clauses: [Clause]
    public init(name: Identifier, arguments: [Argument], clauses: [Clause]) {
        self.name = name
        self.arguments = arguments
        self.clauses = clauses
    }
}

/// A command clause: `on ring`, `over -5..5`, `with epochs: 100, lr: 0.03`.
public struct Clause: Sendable {
    public var keyword: Identifier
    public var arguments: [Argument]
    public init(keyword: Identifier, arguments: [Argument]) {
        self.keyword = keyword
        self.arguments = arguments
    }
}

/// A prefix operator; the raw value is its spelling.
public enum UnaryOperator: String, Sendable, CaseIterable {
    case negate = "-"
    case plus = "+"
    case not = "not"
}

/// An infix operator; the raw value is its spelling (precedence lives in the parser).
public enum BinaryOperator: String, Sendable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%", power = "^"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">"
    case greaterEqual = ">="
    case and = "and", or = "or"
}

/// An expression node with its source span.
public struct Expression: Sendable {
    /// What the expression is.
    public indirect enum Kind: Sendable {
        case number(Double)
        case string(String)
        case boolean(Bool)
        case identifier(String)
        /// `[a, b, c]`; a matrix is a vector of equal-length vectors.
        case vector([Expression])
        /// `[e for x in s]` or `[e for x in s if c]`.
        case comprehension(
            element: Expression, variable: Identifier, sequence: Expression, condition: Expression?)
        /// `a..b` (inclusive, step 1) or `a..b step s`.
        case range(start: Expression, end: Expression, step: Expression?)
        case unary(UnaryOperator, Expression)
        case binary(BinaryOperator, Expression, Expression)
        /// `f(x, lr: 0.1)`.
        case call(callee: Expression, arguments: [Argument])
        /// `f'` (order 1), `f''` (order 2): the derivative of a one-argument function.
        case derivative(Expression, order: Int)
        /// `v[i]`.
        case index(Expression, Expression)
        /// `run.loss`.
        case member(Expression, Identifier)
        /// `if c then a else b`.
        case conditional(condition: Expression, then: Expression, else: Expression)
        /// `{ s1; s2; e }`: statements whose value is the last expression's.
        case block([Statement])
        /// `fn(x) = x * x`: an anonymous function.
        case lambda(parameters: [Parameter], body: Expression)
        /// `plot …`, `train …`: see ``Command``.
        case command(Command)
    }

    public var kind: Kind
    public var span: Span
    public init(_ kind: Kind, span: Span) {
        self.kind = kind
        self.span = span
    }
}
