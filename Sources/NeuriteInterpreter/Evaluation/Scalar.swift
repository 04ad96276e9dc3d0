import NeuriteLanguage
import NeuriteNumerics

/// A number as arithmetic sees it: plain, or carrying derivatives.
enum Scalar {
    case plain(Double)
    case jet(Jet)

    init?(_ value: Value) {
        switch value {
        case .number(let x): self = .plain(x)
        case .jet(let x): self = .jet(x)
        default: return nil
        }
    }

    var value: Double {
        switch self {
        case .plain(let x): return x
        case .jet(let x): return x.value
        }
    }

    var isJet: Bool {
        if case .jet = self { return true }
        return false
    }

    var asJet: Jet {
        switch self {
        case .plain(let x): return Jet(x)
        case .jet(let x): return x
        }
    }

    /// Back to a value; a jet stays a jet even if it is constant (harmless).
    var valueCase: Value {
        switch self {
        case .plain(let x): return .number(x)
        case .jet(let x): return .jet(x)
        }
    }

    func combined(_ op: BinaryOperator, _ other: Scalar) -> Scalar {
        if case .plain(let a) = self, case .plain(let b) = other {
            switch op {
            case .add: return .plain(a + b)
            case .subtract: return .plain(a - b)
            case .multiply: return .plain(a * b)
            case .divide: return .plain(a / b)
            case .remainder: return .plain(Arithmetic.flooredRemainder(a, b))
            default: return .plain(Double.pow(a, b))
            }
        }
        let a = asJet, b = other.asJet
        switch op {
        case .add: return .jet(a + b)
        case .subtract: return .jet(a - b)
        case .multiply: return .jet(a * b)
        case .divide: return .jet(a / b)
        case .remainder: return .jet(a - b * (a.value / b.value).rounded(.down))
        default: return .jet(Jet.pow(a, b))
        }
    }
}
