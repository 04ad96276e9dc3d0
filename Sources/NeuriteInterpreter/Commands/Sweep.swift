import NeuriteLanguage

/// The options of a `train` given a list (`lr: [0.3, 0.03]`, `optimizer: [sgd, adam]`): each value
/// trains one fresh copy of every model; several lists give the grid, in the order written.
struct Sweep {
    /// The varied options with their values, as expressions (each one is read as the option would be).
    private(set) var axes: [(name: String, values: [Expression])] = []

    /// Finds the options of `input` written as a list literal, or (for numeric options) evaluating
    /// to a vector.
    init(_ input: CommandInput, options: [OptionSpec]) throws {
        for spec in options {
            // An option whose value is itself a list (`betas: [0.9, 0.999]`) is not swept.
            guard spec.kind != .vector, let expression = input.expression(named: spec.name) else { continue }
            if case .vector(let elements) = expression.kind {
                guard !elements.isEmpty else {
                    throw RuntimeError(.sweepEmptyList(option: spec.name), at: expression.span)
                }
                axes.append((spec.name, elements))
                continue
            }
            switch spec.kind {
            case .integer, .number:
                if case .vector(let numbers) = try input.evaluate(expression) {
                    guard !numbers.isEmpty else {
                        throw RuntimeError(.sweepEmptyList(option: spec.name), at: expression.span)
                    }
                    axes.append((spec.name, numbers.map { Expression(.number($0), span: expression.span) }))
                }
            default: break
            }
        }
        let points = axes.reduce(1) { $0 * $1.values.count }
        guard points <= Self.maximumPoints else {
            throw RuntimeError(
                .sweepTooLarge(points: points, maximum: Self.maximumPoints), at: input.span,
                hint: "sweep fewer values, or fewer options at a time")
        }
    }

    /// The most combinations one `train` sweeps.
    static let maximumPoints = 1000

    var isEmpty: Bool { axes.isEmpty }

    /// Every combination: the inputs with the values in place, and how each is labelled.
    func points(of input: CommandInput) -> [(input: CommandInput, varied: [(name: String, value: String)])] {
        var points: [(CommandInput, [(name: String, value: String)])] = [(input, [])]
        for axis in axes {
            points = points.flatMap { point in
                axis.values.map { value in
                    (point.0.replacing(axis.name, with: value), point.1 + [(axis.name, label(of: value, in: input))])
                }
            }
        }
        return points
    }

    private func label(of value: Expression, in input: CommandInput) -> String {
        if case .number(let x) = value.kind { return ValueFormatter.plain.describe(.number(x)) }
        return input.text(of: value)
    }
}
