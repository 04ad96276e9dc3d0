import NeuriteLanguage
import NeuriteNumerics

/// The activations that have a shape parameter: `leaky_relu`'s slope below 0, `elu`'s and `celu`'s α.
///
/// `leaky_relu(x, slope: 0.2)` computes with that slope; `leaky_relu(slope: 0.2)` (no `x`) is the
/// activation itself, a function value that plots, differentiates, trains (`dense 8,
/// leaky_relu(slope: 0.2)`) and exports like any `fn`. (`leaky_relu(0.2)` stays the value at 0.2.)
enum ActivationParameter {
    case leakySlope, eluAlpha, celuAlpha

    /// The parameter of `activation`, if it has one.
    init?(_ activation: Activation) {
        switch activation {
        case .leakyReLU: self = .leakySlope
        case .elu: self = .eluAlpha
        case .celu: self = .celuAlpha
        default: return nil
        }
    }

    /// The parameter's label.
    var label: String { self == .leakySlope ? "slope" : "alpha" }

    /// Its default: the value the built-in activation uses.
    var defaultValue: Double { self == .leakySlope ? ActivationConstants.leakySlope : ActivationConstants.eluAlpha }

    /// The activation with parameter `p` at `x` (a jet carries derivatives through).
    func apply<T: DifferentiableScalar>(_ x: T, _ p: Double) -> T {
        switch self {
        case .leakySlope: return x.value > 0 ? x : T(p) * x
        case .eluAlpha: return x.value > 0 ? x : T(p) * T.expm1(x)
        case .celuAlpha: return x.value > 0 ? x : T(p) * T.expm1(x / T(p))
        }
    }

    /// The function as Neurite source, so that it lowers to the engine as any `fn` does.
    func source(_ p: Double) -> String {
        let literal = "\(p)"
        switch self {
        case .leakySlope: return "fn f(x) = if x > 0 then x else \(literal) * x"
        case .eluAlpha: return "fn f(x) = if x > 0 then x else \(literal) * (exp(x) - 1)"
        case .celuAlpha: return "fn f(x) = if x > 0 then x else \(literal) * (exp(x / \(literal)) - 1)"
        }
    }

    /// Whether `p` is allowed (finite; α above 0 for celu, which divides by it).
    func allows(_ p: Double) -> Bool {
        p.isFinite && (self != .celuAlpha || p > 0)
    }

    /// `name(label: p)` as a function value: the source above, parsed, with the built-ins as its only
    /// surroundings (a user's `let exp = 3` cannot change it).
    func function(named name: String, _ p: Double, builtins: Scope) -> FunctionValue? {
        let display = "\(name)(\(label): \(p))"
        let file = SourceFile(name: "<\(display)>", text: source(p))
        guard case .function(let declaration)? = Parser.parse(file).program.statements.first?.kind else { return nil }
        return .user(UserFunction(
            name: display, parameters: declaration.parameters, body: declaration.body, span: declaration.span,
            file: file, closure: builtins))
    }
}
