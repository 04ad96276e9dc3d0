import NeuriteNumerics

/// Built-ins about functions and output: print, grad, map.
enum FunctionBuiltins {
    static var all: [Builtin] { [print, grad, map] }

    static var print: Builtin {
        Builtin(
            "print", group: .functions, parameters: [], variadic: true,
            summary: "writes its arguments separated by spaces, then a newline (strings without quotes); when one of them takes several lines (a table), each argument starts on a line of its own",
            example: "print(\"relu(2) =\", relu(2))"
        ) { call in
            let formatter = ValueFormatter.fitting(width: call.evaluator.sessionOptions.terminalWidth)
            let pieces = call.arguments.map(formatter.format)
            call.evaluator.printLine(pieces.joined(separator: pieces.contains { $0.contains("\n") } ? "\n" : " "))
            return .nothing
        }
    }

    static var grad: Builtin {
        Builtin(
            "grad", group: .functions,
            parameters: [BuiltinParameter("f"), BuiltinParameter("order", default: .number(1))],
            summary: "the derivative of a one-argument function, as a function (grad(f) is f')",
            formula: "computed exactly by Taylor-mode automatic differentiation, to any order",
            example: "grad(sin)(0) + grad(tanh, order: 2)(0.5)"
        ) { call in
            let function = try call.function(0)
            let order = try call.count(1, minimum: 1, what: "an order")
            let derivative = function.differentiated(order: order)
            try call.evaluator.checkDifferentiable(derivative, span: call.span)
            return .function(derivative)
        }
    }

    static var map: Builtin {
        Builtin(
            "map", group: .functions, parameters: [BuiltinParameter("f"), BuiltinParameter("v")],
            summary: "applies f to each element of a vector (each row of a matrix)",
            formula: "map(f, v) = [f(x) for x in v]", example: "map(fn(x) = x * x, [1, 2, 3])"
        ) { call in
            let function = try call.function(0)
            let items: [Value]
            switch call.arguments[1] {
            case .vector(let elements): items = elements.map(Value.number)
            case .matrix(let matrix): items = (0..<matrix.rows).map { .vector(matrix.row($0)) }
            default:
                throw call.error(.mapNeedsVector(typeName: call.arguments[1].typeName), argument: 1)
            }
            var builder = CollectionBuilder(maximumElements: call.evaluator.maximumElements)
            for item in items {
                try call.evaluator.checkInterrupt()
                try builder.append(try call.evaluator.call(function, [item], span: call.span), span: call.span)
            }
            return builder.build()
        }
    }
}
