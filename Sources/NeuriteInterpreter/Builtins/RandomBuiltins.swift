import NeuriteEngine

/// Seeded random numbers for experiments: `rand(n, seed: 1)`, `randn(n, seed: 1)`,
/// `randn(rows, cols, seed: 1)`, drawn by the engine's generator (the same seed gives the same
/// numbers everywhere).
enum RandomBuiltins {
    static var all: [Builtin] { [random("rand", uniform: true), random("randn", uniform: false)] }

    private static func random(_ name: String, uniform: Bool) -> Builtin {
        Builtin(
            name, group: .vectors,
            parameters: [
                BuiltinParameter("n"), BuiltinParameter("columns", default: .nothing),
                BuiltinParameter("seed", default: .number(0)),
            ],
            summary: uniform
                ? "n seeded random numbers uniform in [0, 1) (or an n×columns matrix)"
                : "n seeded random numbers from the standard normal distribution (or an n×columns matrix)",
            formula: "the same seed gives the same numbers; seed: 0 unless given",
            example: "\(name)(3, seed: 1)"
        ) { call in
            let n = try call.count(0, minimum: 0, what: "a length")
            let columns: Int? = if case .nothing = call.arguments[1] { nil } else {
                try call.count(1, minimum: 0, what: "a number of columns")
            }
            let seed = try call.count(2, minimum: 0, what: "a seed", maximum: 9_007_199_254_740_991)
            let total = n.multipliedReportingOverflow(by: columns ?? 1)
            try call.evaluator.checkSize(total.overflow ? Int.max : total.partialValue, span: call.span)
            var generator = SeededGenerator(seed: UInt64(seed))
            let values = (0..<total.partialValue).map { _ in uniform ? generator.nextUnitDouble() : generator.nextNormal() }
            guard let columns else { return .vector(values) }
            return .matrix(Matrix(rows: n, columns: columns, elements: values))
        }
    }
}
