import NeuriteNumerics

/// Python text for the pieces of a PyTorch export: activation modules, user-defined activations as
/// torch expressions, and learning-rate schedules. Each mirrors Neurite's definition exactly
/// (constants written out where PyTorch's defaults differ or could change).
enum PyTorchExpressions {
    /// A Python float literal that reads back as the same Double (`float("inf")` for infinities).
    static func literal(_ value: Double) -> String {
        if value.isNaN { return "float(\"nan\")" }
        if value.isInfinite { return value > 0 ? "float(\"inf\")" : "float(\"-inf\")" }
        return "\(value)"
    }

    /// The `nn` module of a built-in activation (softmax over rows included).
    static func module(_ activation: Activation) -> String {
        switch activation {
        case .relu: return "nn.ReLU()"
        case .leakyReLU: return "nn.LeakyReLU(negative_slope=0.01)"
        case .relu6: return "nn.ReLU6()"
        case .elu: return "nn.ELU(alpha=1.0)"
        case .selu: return "nn.SELU()"
        case .celu: return "nn.CELU(alpha=1.0)"
        case .gelu: return "nn.GELU(approximate=\"none\")"
        case .geluTanh: return "nn.GELU(approximate=\"tanh\")"
        case .silu: return "nn.SiLU()"
        case .mish: return "nn.Mish()"
        // Neurite's softplus is log(1 + eˣ) everywhere; threshold 20 returns x above 20 (a difference < 3e-9).
        case .softplus: return "nn.Softplus(beta=1.0, threshold=20.0)"
        case .softsign: return "nn.Softsign()"
        case .sigmoid: return "nn.Sigmoid()"
        case .hardSigmoid: return "nn.Hardsigmoid()"  // relu6(x + 3) / 6, as Neurite's
        case .tanh: return "nn.Tanh()"
        case .hardTanh: return "nn.Hardtanh(min_val=-1.0, max_val=1.0)"
        case .linear: return "nn.Identity()"
        case .softmax: return "nn.Softmax(dim=1)"
        }
    }

    /// A torch expression applying a built-in activation to `a` elementwise.
    static func function(_ activation: Activation, _ a: String) -> String {
        switch activation {
        case .relu: return "torch.relu(\(a))"
        case .leakyReLU: return "F.leaky_relu(\(a), negative_slope=0.01)"
        case .relu6: return "F.relu6(\(a))"
        case .elu: return "F.elu(\(a), alpha=1.0)"
        case .selu: return "F.selu(\(a))"
        case .celu: return "F.celu(\(a), alpha=1.0)"
        case .gelu: return "F.gelu(\(a), approximate=\"none\")"
        case .geluTanh: return "F.gelu(\(a), approximate=\"tanh\")"
        case .silu: return "F.silu(\(a))"
        case .mish: return "F.mish(\(a))"
        case .softplus: return "F.softplus(\(a), beta=1.0, threshold=20.0)"
        case .softsign: return "F.softsign(\(a))"
        case .sigmoid: return "torch.sigmoid(\(a))"
        case .hardSigmoid: return "F.hardsigmoid(\(a))"
        case .tanh: return "torch.tanh(\(a))"
        case .hardTanh: return "F.hardtanh(\(a), min_val=-1.0, max_val=1.0)"
        case .linear: return "(\(a))"
        case .softmax: return "torch.ones_like(\(a))"  // softmax of one value is 1, as in Neurite
        }
    }

    /// A torch expression of `x` (a tensor) computing `expression` elementwise in the tensor's dtype.
    /// Constants are tensors shaped like `x`, so every operation is a tensor operation.
    static func torch(_ expression: ScalarExpression) -> String {
        switch expression {
        case .input: return "x"
        case .constant(let value): return "torch.full_like(x, \(literal(value)))"
        case let .unary(function, a):
            let inner = torch(a)
            if function == .round {
                // Half away from zero, as Neurite (torch.round rounds half to even).
                return "_round_half_away(\(inner))"
            }
            return "torch.\(function.rawValue)(\(inner))"
        case let .activation(function, a): return Self.function(function, torch(a))
        case let .add(a, b): return "(\(torch(a)) + \(torch(b)))"
        case let .subtract(a, b): return "(\(torch(a)) - \(torch(b)))"
        case let .multiply(a, b): return "(\(torch(a)) * \(torch(b)))"
        case let .divide(a, b): return "(\(torch(a)) / \(torch(b)))"
        case let .power(a, b): return "torch.pow(\(torch(a)), \(torch(b)))"
        case let .negate(a): return "(-\(torch(a)))"
        case let .select(condition, lhs, rhs, then, otherwise):
            let op: String
            switch condition {
            case .less: op = "<"
            case .lessOrEqual: op = "<="
            case .greater: op = ">"
            case .greaterOrEqual: op = ">="
            case .equal: op = "=="
            case .notEqual: op = "!="
            }
            return "torch.where(\(torch(lhs)) \(op) \(torch(rhs)), \(torch(then)), \(torch(otherwise)))"
        }
    }

    /// A Python expression of the integer variable `step` (0 for the first optimizer step) giving
    /// the schedule's factor of the base learning rate.
    static func schedule(_ schedule: LearningRateSchedule, step: String = "step") -> String {
        switch schedule {
        case .constant: return "1.0"
        case let .step(every, factor): return "\(literal(factor)) ** (\(step) // \(Swift.max(every, 1)))"
        case let .exponential(rate, every): return "\(literal(rate)) ** (\(step) / \(Swift.max(every, 1)))"
        case let .cosine(steps, minimum):
            let progress = "min(\(step) / \(Swift.max(steps, 1)), 1.0)"
            return "(\(literal(minimum)) + (1 - \(literal(minimum))) * 0.5 * (1 + math.cos(math.pi * \(progress))))"
        case let .warmup(steps, then):
            return "((\(step) + 1) / \(steps) if \(step) < \(steps) else \(Self.schedule(then, step: "(\(step) - \(steps))")))"
        }
    }

    /// A Python class name for a user-defined activation (letters, digits and underscores).
    static func className(_ name: String, index: Int) -> String {
        let cleaned = String(name.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_") })
        return "Activation\(index)_" + (cleaned.isEmpty ? "custom" : cleaned)
    }
}
