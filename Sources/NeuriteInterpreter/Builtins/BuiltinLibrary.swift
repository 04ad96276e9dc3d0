import Foundation

/// Every built-in function and constant, in help order. The one place they are listed.
enum BuiltinLibrary {
    static func all() -> [Builtin] {
        MathBuiltins.all + VectorBuiltins.all + ActivationBuiltins.all + FunctionBuiltins.all
            + DatasetBuiltins.all + TransformBuiltins.all + ModelBuiltins.all + LayerOutputBuiltins.all + RandomBuiltins.all
    }

    static let constants: [BuiltinConstant] = [
        BuiltinConstant(name: "pi", value: Double.pi, summary: "π, the ratio of a circle's circumference to its diameter"),
        BuiltinConstant(name: "e", value: M_E, summary: "e, the base of the natural logarithm"),
        BuiltinConstant(name: "inf", value: .infinity, summary: "positive infinity"),
        BuiltinConstant(name: "nan", value: .nan, summary: "not a number (nan == nan is false)"),
    ]
}
