import NeuriteNumerics

/// The elementwise maths of NeuriteNumerics (`exp`, `log`, `sin`, …, `pow`, `atan2`, `clamp`)
/// as built-ins. Formulas and summaries come from there; nothing is re-implemented here.
enum MathBuiltins {
    static var all: [Builtin] {
        // A name in both tables (tanh) is listed once, with the activations (richer documentation).
        MathFunction.allCases.filter { Activation.named($0.name) == nil }.map(oneArgument)
            + [pow, atan2, clamp]
    }

    private static func oneArgument(_ function: MathFunction) -> Builtin {
        Builtin(
            function.name, group: .math, parameters: [BuiltinParameter("x")], differentiable: true,
            summary: function.summary + "; elementwise on vectors", example: function.example
        ) { call in
            try mapElementwise(call, double: function.apply, jet: function.apply)
        }
    }

    /// A two-argument function with operator-style broadcasting.
    static func binary(_ function: MultiArgumentFunction, group: BuiltinGroup = .math, extra: String = "")
        -> Builtin
    {
        let names = function.signature.drop { $0 != "(" }.dropFirst().dropLast()
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return Builtin(
            function.name, group: group, parameters: names.map { BuiltinParameter($0) },
            differentiable: false, summary: function.summary + "; broadcasts like the operators" + extra,
            example: function.example
        ) { call in
            try Arithmetic.elementwise(
                function.name, call.arguments[0], call.arguments[1], span: call.span,
                lhsSpan: call.span(of: 0), rhsSpan: call.span(of: 1),
                double: { function.apply([$0, $1]) }, jet: { function.apply([$0, $1]) })
        }
    }

    static var pow: Builtin { binary(.pow) }
    static var atan2: Builtin { binary(.atan2) }

    static var clamp: Builtin {
        let function = MultiArgumentFunction.clamp
        return Builtin(
            "clamp", group: .math,
            parameters: [BuiltinParameter("x"), BuiltinParameter("lo"), BuiltinParameter("hi")],
            summary: function.summary + "; x may be a vector, lo and hi are numbers",
            example: "clamp([-2, 0.5, 9], 0, 1)"
        ) { call in
            let lo = try call.number(1, "a number for lo")
            let hi = try call.number(2, "a number for hi")
            guard lo <= hi else {
                throw call.error(.clampBounds(lo: formatNumber(lo), hi: formatNumber(hi)))
            }
            return try mapElementwise(
                call, double: { function.apply([$0, lo, hi]) },
                jet: { function.apply([$0, Jet(lo), Jet(hi)]) })
        }
    }
}
