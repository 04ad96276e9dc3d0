import NeuriteNumerics

/// Reductions and vector construction: sum, mean, std, min, max, len, linspace, dot, ….
/// Reductions of a matrix run over all its elements.
enum VectorBuiltins {
    static var all: [Builtin] {
        [sum, prod, mean, variance, std, extremum(.min), extremum(.max), argExtremum(min: true),
         argExtremum(min: false), len, linspace, filled("zeros", 0), filled("ones", 1), dot,
         transpose, shape]
    }

    private static func reduction(
        _ name: String, summary: String, formula: String, example: String,
        _ reduce: @escaping ([Double]) -> Double
    ) -> Builtin {
        Builtin(
            name, group: .reductions, parameters: [BuiltinParameter("v")], summary: summary,
            formula: formula, example: example
        ) { call in .number(reduce(try call.elements(0))) }
    }

    static var sum: Builtin {
        reduction(
            "sum", summary: "the sum of the elements (0 for an empty vector)",
            formula: "sum(v) = v_1 + … + v_n; sum(a..b) and sum([e for x in r]) stream without building the vector",
            example: "sum([1, 2, 3, 4])"
        ) { $0.reduce(0, +) }
    }

    static var prod: Builtin {
        reduction(
            "prod", summary: "the product of the elements (1 for an empty vector)",
            formula: "prod(v) = v_1 · … · v_n", example: "prod([1, 2, 3, 4])"
        ) { $0.reduce(1, *) }
    }

    static var mean: Builtin {
        reduction(
            "mean", summary: "the arithmetic mean (nan for an empty vector)",
            formula: "mean(v) = sum(v) / n", example: "mean([1, 2, 3, 4])"
        ) { $0.isEmpty ? .nan : $0.reduce(0, +) / Double($0.count) }
    }

    static func populationVariance(_ v: [Double]) -> Double {
        guard !v.isEmpty else { return .nan }
        let m = v.reduce(0, +) / Double(v.count)
        return v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(v.count)
    }

    static var variance: Builtin {
        reduction(
            "variance", summary: "the population variance (divides by n, not n − 1)",
            formula: "variance(v) = sum((v - mean(v))^2) / n", example: "variance([1, 2, 3, 4])",
            populationVariance)
    }

    static var std: Builtin {
        reduction(
            "std", summary: "the population standard deviation (divides by n, not n − 1)",
            formula: "std(v) = sqrt(sum((v - mean(v))^2) / n)", example: "std([1, 2, 3, 4])"
        ) { populationVariance($0).squareRoot() }
    }

    /// `min(v)` reduces a vector; `min(a, b, …)` compares elementwise with broadcasting.
    static func extremum(_ function: MultiArgumentFunction) -> Builtin {
        let name = function.name
        let word = function == .min ? "smallest" : "largest"
        return Builtin(
            name, group: .reductions, parameters: [BuiltinParameter("a")], variadic: true,
            summary: "the \(word) element of a vector, or the \(word) of its arguments elementwise",
            formula: "\(name)(v) reduces; \(name)(a, b) broadcasts like '+'; nan if any element is nan; \(function.summary)",
            example: "\(name)([3, -1, 2])"
        ) { call in
            if call.arguments.count == 1 {
                let elements = try call.elements(0)
                guard var best = elements.first else {
                    throw call.error(.emptyVector(function: name), argument: 0)
                }
                for x in elements.dropFirst() { best = function.apply([best, x]) }
                return .number(best)
            }
            var result = call.arguments[0]
            for index in 1..<call.arguments.count {
                result = try Arithmetic.elementwise(
                    name, result, call.arguments[index], span: call.span,
                    lhsSpan: call.span(of: index - 1), rhsSpan: call.span(of: index),
                    double: { function.apply([$0, $1]) }, jet: { function.apply([$0, $1]) })
            }
            return result
        }
    }

    static func argExtremum(min: Bool) -> Builtin {
        let name = min ? "argmin" : "argmax"
        return Builtin(
            name, group: .reductions, parameters: [BuiltinParameter("v")],
            summary: "the index (from 0) of the \(min ? "smallest" : "largest") element; the first on ties",
            example: "\(name)([3, -1, 7, 2])"
        ) { call in
            let elements = try call.elements(0)
            guard !elements.isEmpty else { throw call.error(.emptyVector(function: name), argument: 0) }
            var best = 0
            for (index, x) in elements.enumerated() where min ? x < elements[best] : x > elements[best] {
                best = index
            }
            return .number(Double(best))
        }
    }

    static var len: Builtin {
        Builtin(
            "len", group: .vectors, parameters: [BuiltinParameter("v")],
            summary: "the number of elements of a vector, rows of a matrix or table, characters of a string, runs, or a model's layers",
            example: "len(1..10)"
        ) { call in
            switch call.arguments[0] {
            case .vector(let elements): return .number(Double(elements.count))
            case .matrix(let matrix): return .number(Double(matrix.rows))
            case .string(let text): return .number(Double(text.count))
            case .table(let table): return .number(Double(table.rows.count))
            case .layers(let layers): return .number(Double(layers.count))
            case .runs(let runs): return .number(Double(runs.runs.count))
            case .jet: throw call.notDifferentiable(0)
            default:
                throw call.error(.lenNeedsCollection(typeName: call.arguments[0].typeName), argument: 0)
            }
        }
    }

    static var linspace: Builtin {
        Builtin(
            "linspace", group: .vectors,
            parameters: [BuiltinParameter("start"), BuiltinParameter("end"), BuiltinParameter("n")],
            summary: "n evenly spaced numbers from start to end, both included",
            formula: "linspace(a, b, n)_i = a + i·(b − a)/(n − 1), i = 0 … n−1; the last is exactly b",
            example: "linspace(0, 1, 5)"
        ) { call in
            let start = try call.number(0), end = try call.number(1)
            for (index, bound) in [start, end].enumerated() where !bound.isFinite {
                throw call.error(.linspaceNotFinite(bound: formatNumber(bound)), argument: index)
            }
            let n = try call.count(2, minimum: 1, what: "a count")
            try call.evaluator.checkSize(n, span: call.span)
            if n == 1 { return .vector([start]) }
            let step = (end - start) / Double(n - 1)
            return .vector((0..<n).map { $0 == n - 1 ? end : start + Double($0) * step })
        }
    }

    static func filled(_ name: String, _ value: Double) -> Builtin {
        Builtin(
            name, group: .vectors, parameters: [BuiltinParameter("n"), BuiltinParameter("columns", default: .nothing)],
            summary: "a vector of n \(name) (or an n×columns matrix)", example: "\(name)(3)"
        ) { call in
            let n = try call.count(0, minimum: 0, what: "a length")
            if case .nothing = call.arguments[1] {
                try call.evaluator.checkSize(n, span: call.span)
                return .vector(Array(repeating: value, count: n))
            }
            let columns = try call.count(1, minimum: 0, what: "a number of columns")
            try call.evaluator.checkSize(n * columns, span: call.span)
            return .matrix(Matrix(rows: n, columns: columns, elements: Array(repeating: value, count: n * columns)))
        }
    }

    static var dot: Builtin {
        Builtin(
            "dot", group: .vectors, parameters: [BuiltinParameter("a"), BuiltinParameter("b")],
            summary: "the dot product of two vectors of the same length, or a matrix times a vector",
            formula: "dot(a, b) = sum(a * b); dot(M, v)_i = sum(M[i] * v)",
            example: "dot([1, 2, 3], [4, 5, 6])"
        ) { call in
            let b = try call.elements(1)
            if case .matrix(let m) = call.arguments[0] {
                guard case .vector = call.arguments[1], m.columns == b.count else {
                    throw call.error(.dotMatrixVector(columns: m.columns, rows: m.rows, typeName: call.arguments[1].typeName), argument: 1)
                }
                return .vector((0..<m.rows).map { row in zip(m.row(row), b).reduce(0) { $0 + $1.0 * $1.1 } })
            }
            let a = try call.elements(0)
            guard a.count == b.count else {
                throw call.error(.dotLengthMismatch(left: a.count, right: b.count))
            }
            return .number(zip(a, b).reduce(0) { $0 + $1.0 * $1.1 })
        }
    }

    static var transpose: Builtin {
        Builtin(
            "transpose", group: .vectors, parameters: [BuiltinParameter("m")],
            summary: "rows become columns (a vector becomes a one-column matrix)",
            example: "transpose([[1, 2, 3], [4, 5, 6]])"
        ) { call in
            let matrix: Matrix
            switch call.arguments[0] {
            case .matrix(let m): matrix = m
            case .vector(let v): matrix = Matrix(rows: 1, columns: v.count, elements: v)
            default:
                throw call.error(.transposeNeedsMatrix(typeName: call.arguments[0].typeName), argument: 0)
            }
            var elements = [Double](repeating: 0, count: matrix.elements.count)
            for r in 0..<matrix.rows {
                for c in 0..<matrix.columns { elements[c * matrix.rows + r] = matrix.elements[r * matrix.columns + c] }
            }
            return .matrix(Matrix(rows: matrix.columns, columns: matrix.rows, elements: elements))
        }
    }

    static var shape: Builtin {
        Builtin(
            "shape", group: .vectors, parameters: [BuiltinParameter("x")],
            summary: "[length] of a vector, [rows, columns] of a matrix, [] of a number",
            example: "shape([[1, 2, 3], [4, 5, 6]])"
        ) { call in
            switch call.arguments[0] {
            case .number, .jet: return .vector([])
            case .vector(let v): return .vector([Double(v.count)])
            case .matrix(let m): return .vector([Double(m.rows), Double(m.columns)])
            default:
                throw call.error(.shapeNeedsArray(typeName: call.arguments[0].typeName), argument: 0)
            }
        }
    }
}
