import NeuriteEngine
import NeuriteNumerics

/// Dataset generators and loaders: the TensorFlow Playground sets (`circle xor gauss spiral`,
/// `plane multigauss`), `moons circles blobs`, `regression` from any function, `csv`, the
/// bundled `dataset("iris")`. All generators are seeded (seed 0 unless given). They wrap the
/// engine's generators (NeuriteEngine/Datasets); nothing is re-implemented here.
enum DatasetBuiltins {
    static var all: [Builtin] {
        PlaygroundDataset.allCases.map(playground) + [moons, circles, blobs, regression, csv, bundled]
    }

    /// The language name of a Playground set.
    static func name(of set: PlaygroundDataset) -> String {
        set == .multiGaussian ? "multigauss" : set.rawValue
    }

    private static func playground(_ set: PlaygroundDataset) -> Builtin {
        let name = name(of: set)
        let what: String
        switch set {
        case .circle: what = "a disc of radius 2.5 (class +1) inside a ring 3.5…5 (class -1)"
        case .xor: what = "points in [-5.3, 5.3]² labelled by the sign of x·y"
        case .gauss: what = "two Gaussian clusters around (2, 2) (+1) and (-2, -2) (-1)"
        case .spiral: what = "two interleaved spiral arms"
        case .plane: what = "regression: target (x + y) / 10 over [-6, 6]²"
        case .multiGaussian: what = "regression: six signed Gaussian bumps over [-6, 6]²"
        }
        return Builtin(
            name, group: .datasets,
            parameters: [
                BuiltinParameter("n", default: .number(Double(set.defaultCount))),
                BuiltinParameter("noise", default: .number(0)), BuiltinParameter("seed", default: .number(0)),
            ],
            summary: "TensorFlow Playground's '\(set.rawValue)' dataset: \(what)",
            formula: "features x, y; \(set.isRegression ? "one real target" : "classes -1 (0) and +1 (1)"); noise as the Playground's slider / 100 (0…0.5)",
            example: "\(name)(n: 100, noise: 0.1, seed: 1).count"
        ) { call in
            let count = try call.sampleCount(0)
            let noise = try call.number(1, "a noise level", atLeast: 0)
            let seed = try call.seed(2)
            return try call.made { try set.generate(count: count, noise: noise, seed: seed) }
        }
    }

    static var moons: Builtin {
        Builtin(
            "moons", group: .datasets,
            parameters: [
                BuiltinParameter("n", default: .number(100)), BuiltinParameter("noise", default: .number(0)),
                BuiltinParameter("seed", default: .number(0)),
            ],
            summary: "two interleaving half circles (scikit-learn's make_moons), classes 0 and 1",
            example: "moons(n: 50, noise: 0.1).count"
        ) { call in
            let count = try call.sampleCount(0)
            let noise = try call.number(1, "a noise level", atLeast: 0)
            let seed = try call.seed(2)
            return try call.made { try SyntheticData.moons(count: count, noise: noise, seed: seed) }
        }
    }

    static var circles: Builtin {
        Builtin(
            "circles", group: .datasets,
            parameters: [
                BuiltinParameter("n", default: .number(100)), BuiltinParameter("factor", default: .number(0.8)),
                BuiltinParameter("noise", default: .number(0)), BuiltinParameter("seed", default: .number(0)),
            ],
            summary: "a small circle (class 1) inside a large one (class 0), radii factor and 1 (scikit-learn's make_circles)",
            example: "circles(n: 50, factor: 0.5, noise: 0.05).count"
        ) { call in
            let count = try call.sampleCount(0)
            let factor = try call.number(1, "a radius factor")
            let noise = try call.number(2, "a noise level", atLeast: 0)
            let seed = try call.seed(3)
            return try call.made {
                try SyntheticData.circles(count: count, factor: factor, noise: noise, seed: seed)
            }
        }
    }

    static var blobs: Builtin {
        Builtin(
            "blobs", group: .datasets,
            parameters: [
                BuiltinParameter("n", default: .number(100)), BuiltinParameter("centers", default: .number(3)),
                BuiltinParameter("std", default: .number(1)), BuiltinParameter("dims", default: .number(2)),
                BuiltinParameter("seed", default: .number(0)),
            ],
            summary: "Gaussian clusters, one class each (scikit-learn's make_blobs)",
            formula: "centers: a count (drawn in [-10, 10]^dims) or a matrix of centres, one per row",
            example: "blobs(n: 60, centers: [[0, 0], [5, 5]], std: 0.5).classes"
        ) { call in
            let count = try call.sampleCount(0)
            let deviation = try call.number(2, "a standard deviation", atLeast: 0)
            let seed = try call.seed(4)
            switch call.arguments[1] {
            case .matrix(let matrix):
                let centers = (0..<matrix.rows).map(matrix.row)
                return try call.made {
                    try SyntheticData.blobs(count: count, centers: centers, standardDeviation: deviation, seed: seed)
                }
            case .vector(let point):
                return try call.made {
                    try SyntheticData.blobs(count: count, centers: [point], standardDeviation: deviation, seed: seed)
                }
            default:
                let centers = try call.bounded(1, what: "a number of centres", maximum: 1000)
                let dimensions = try call.bounded(3, what: "a number of dimensions", maximum: 1000)
                return try call.made {
                    try SyntheticData.blobs(
                        count: count, centers: centers, dimensions: dimensions, standardDeviation: deviation, seed: seed)
                }
            }
        }
    }

    static var regression: Builtin {
        Builtin(
            "regression", group: .datasets,
            parameters: [
                BuiltinParameter("fn"), BuiltinParameter("over", default: .vector([-3, 3])),
                BuiltinParameter("n", default: .number(200)), BuiltinParameter("noise", default: .number(0)),
                BuiltinParameter("seed", default: .number(0)), BuiltinParameter("grid", default: .boolean(false)),
            ],
            summary: "1-D regression data from any function: x uniform over the range (evenly spaced with grid: true), target fn(x) + Gaussian noise",
            formula: "over: a range a..b (its first and last values are the bounds); noise: the noise's standard deviation",
            example: "regression(fn: sin, over: -3..3, n: 50, noise: 0.1).count"
        ) { call in
            let function = try call.function(0)
            let bounds = try call.elements(1)
            guard let low = bounds.first, let high = bounds.last, low < high else {
                throw call.error(.regressionRange, argument: 1)
            }
            let count = try call.sampleCount(2)
            let noise = try call.number(3, "a noise level", atLeast: 0)
            let seed = try call.seed(4)
            guard case .boolean(let grid) = call.arguments[5] else {
                throw call.error(.regressionGridNotBoolean, argument: 5)
            }
            let evaluator = call.evaluator
            return try call.made {
                try SyntheticData.regression(
                    function: { x in
                        try evaluator.checkInterrupt()
                        let value = try evaluator.call(function, [.number(x)], span: call.span)
                        switch value {
                        case .number(let y): return y
                        default:
                            throw call.error(.regressionFunctionNotNumber(typeName: value.typeName), argument: 0)
                        }
                    }, over: low...high, count: count, noise: noise, sampling: grid ? .grid : .random, seed: seed)
            }
        }
    }

    static var csv: Builtin {
        Builtin(
            "csv", group: .datasets,
            parameters: [
                BuiltinParameter("path"), BuiltinParameter("label", default: .nothing),
                BuiltinParameter("task", default: .string("classification")),
                BuiltinParameter("columns", default: .nothing), BuiltinParameter("drop", default: .nothing),
                BuiltinParameter("missing", default: .string("error")), BuiltinParameter("delimiter", default: .nothing),
            ],
            words: Set(["classification", "regression"] + MissingValues.allCases.map(\.rawValue)),
            summary: "reads a CSV file with a header row; label names the target column (default: the last); the feature columns must be numeric",
            formula: """
                task: classification (each distinct label text is a class, sorted) or regression (numeric labels)
                columns: "a, b" the feature columns wanted, in that order; drop: "c, d" columns left out
                missing: error (default: the line and column are named), drop (rows with a gap) or mean (the column's mean)
                delimiter: ";" or "\\t" (default: ',', ';' or tab, detected from the header); errors name the line and column
                """,
            example: "csv(\"Tests/NeuriteInterpreterTests/Scripts/data/tiny.csv\", label: \"kind\").count"
        ) { call in
            let path = try call.text(0, "a file path")
            let label = call.isAbsent(1) ? nil : try call.text(1, "a column name")
            let taskName = try call.text(2, "a task")
            guard let task = DatasetTask(rawValue: taskName) else {
                throw call.error(.unknownTask(task: taskName), argument: 2, hint: "classification or regression")
            }
            func names(_ index: Int) throws -> [String]? {
                guard !call.isAbsent(index) else { return nil }
                return try call.text(index, "column names separated by commas").split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            let missingName = try call.text(5, "error, drop or mean")
            guard let missing = MissingValues(rawValue: missingName) else {
                throw call.error(.unknownMissingPolicy(value: missingName), argument: 5, hint: "missing: error, drop or mean")
            }
            var delimiter: Character?
            if !call.isAbsent(6) {
                let text = try call.text(6, "one character")
                guard text.count == 1, let character = text.first else {
                    throw call.error(.delimiterNotOneCharacter(given: text), argument: 6, hint: "e.g. delimiter: \";\"")
                }
                delimiter = character
            }
            let options = CSVOptions(
                labelColumn: label, featureColumns: try names(3), droppedColumns: try names(4) ?? [], task: task,
                delimiter: delimiter, missing: missing)
            let interrupt = call.evaluator.interrupt
            return try call.made {
                try Dataset.csv(path: path, options: options, shouldStop: { interrupt.isRaised })
            }
        }
    }

    static var bundled: Builtin {
        Builtin(
            "dataset", group: .datasets, parameters: [BuiltinParameter("name")],
            words: Set(BundledDataset.allCases.map(\.rawValue)),
            summary: "a real dataset shipped with Neurite: iris, wine, breast_cancer, digits (UCI, CC BY 4.0)",
            formula: BundledDataset.allCases.map { "\($0.rawValue): \($0.credit)" }.joined(separator: "\n"),
            example: "dataset(\"iris\").count"
        ) { call in
            let name = try call.text(0, "a dataset name")
            return try call.made { try BundledDataset.named(name).load() }
        }
    }
}
