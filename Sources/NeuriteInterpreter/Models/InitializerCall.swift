import NeuriteEngine
import NeuriteLanguage

/// The initializers written as calls: `uniform(-0.5, 0.5)`, `normal(0, 0.1)`, `constant(-3)`,
/// `orthogonal(2)`, and a scaling scheme with a gain, `he_normal(gain: 2)` (`init:` and `bias:` of a
/// dense layer). Their arguments are checked here.
enum InitializerCall {
    static let names = ["uniform", "normal", "constant", "orthogonal"]
    /// The schemes whose scale follows the layer's size (Glorot, He, LeCun and their other names).
    static let scalingSchemes = OptionWords.initializer.words.filter {
        ["glorot_", "xavier_", "he_", "kaiming_", "lecun_"].contains(where: $0.hasPrefix)
    }

    /// The initializer written at `expression`, or nil when it is not such a call.
    static func read(_ expression: Expression, reader: ValueReader) throws -> Initializer? {
        guard case .call(let callee, let arguments) = expression.kind, case .identifier(let name) = callee.kind else {
            return nil
        }
        if scalingSchemes.contains(name), reader.scope.lookup(name) == nil {
            guard arguments.count == 1, arguments[0].label == nil || arguments[0].label?.name == "gain" else {
                throw RuntimeError(.initializerArguments(name: name, usage: "\(name)(gain: g)"), at: expression.span)
            }
            let gain = try reader.number(arguments[0].value, "\(name)'s gain", bounds: .positive)
            let base = try OptionWords.initializer.resolve(name, at: callee.span)
            return gain == 1 ? base : .scaled(base, gain: gain)
        }
        guard names.contains(name), reader.scope.lookup(name) == nil || !arguments.contains(where: { $0.label != nil })
        else { return nil }
        let values = arguments.map(\.value)
        func count(_ expected: Int, _ usage: String) throws {
            guard values.count == expected else {
                throw RuntimeError(.initializerArguments(name: name, usage: usage), at: expression.span)
            }
        }
        switch name {
        case "uniform":
            try count(2, "uniform(low, high)")
            let low = try reader.number(values[0], "uniform's low end")
            let high = try reader.number(values[1], "uniform's high end", bounds: NumberBounds(minimum: low, minimumExcluded: true))
            return .uniform(low: low, high: high)
        case "normal":
            try count(2, "normal(mean, std)")
            let mean = try reader.number(values[0], "normal's mean")
            return .normal(mean: mean, standardDeviation: try reader.number(values[1], "normal's std", bounds: .positive))
        case "constant":
            try count(1, "constant(c)")
            let c = try reader.number(values[0], "the constant")
            return c == 0 ? .zeros : .constant(c)
        default:
            try count(1, "orthogonal(gain)")
            return .orthogonal(gain: try reader.number(values[0], "orthogonal's gain", bounds: .positive))
        }
    }
}
