import NeuriteEngine
import NeuriteLanguage
import NeuriteNumerics

/// Dataset transformations: standardize, normalize, shuffle, take, split, features. Each gives a
/// new dataset (datasets are values; the original is unchanged).
enum TransformBuiltins {
    static var all: [Builtin] { [standardize, normalize, shuffle, take, split, features] }

    /// Applies a scaling fitted on one dataset; on a split, fitted on `.train` and applied to every part.
    private static func scaling(
        _ call: BuiltinCall, fit: (Dataset) -> (Dataset) throws -> Dataset
    ) throws -> Value {
        switch call.arguments[0] {
        case .split(let split):
            let apply = fit(split.train.dataset)
            func scaled(_ part: DatasetValue) throws -> DatasetValue {
                DatasetValue(try call.engine { try apply(part.dataset) }, label: "\(call.name)(\(part.label))")
            }
            return .split(SplitValue(
                train: try scaled(split.train), test: try scaled(split.test),
                validation: try split.validation.map(scaled)))
        default:
            let data = try call.dataset(0)
            return try call.made { try fit(data.dataset)(data.dataset) }
        }
    }

    static var standardize: Builtin {
        Builtin(
            "standardize", group: .datasets, parameters: [BuiltinParameter("d")],
            summary: "each feature shifted and scaled to mean 0 and standard deviation 1 (constant features become 0); on a split, fitted on .train and applied to every part",
            formula: "x' = (x - mean) / std, std over the samples (divides by n)",
            example: "mean(standardize(gauss(n: 100)).features)"
        ) { call in
            try scaling(call) { fitted in
                let statistics = fitted.standardisationStatistics()
                return { try $0.standardised(using: statistics) }
            }
        }
    }

    static var normalize: Builtin {
        Builtin(
            "normalize", group: .datasets, parameters: [BuiltinParameter("d")],
            summary: "each feature scaled to [0, 1] by its minimum and maximum; on a split, fitted on .train and applied to every part",
            formula: "x' = (x - min) / (max - min)",
            example: "max(normalize(gauss(n: 100)).features)"
        ) { call in
            try scaling(call) { fitted in
                let statistics = fitted.normalisationStatistics()
                return { try $0.normalised(using: statistics) }
            }
        }
    }

    static var shuffle: Builtin {
        Builtin(
            "shuffle", group: .datasets,
            parameters: [BuiltinParameter("d"), BuiltinParameter("seed", default: .number(0))],
            summary: "the samples in a seeded random order",
            example: "shuffle(xor(n: 10), seed: 3).count"
        ) { call in
            let data = try call.dataset(0)
            let seed = try call.seed(1)
            return try call.made { data.dataset.shuffled(seed: seed) }
        }
    }

    static var take: Builtin {
        Builtin(
            "take", group: .datasets, parameters: [BuiltinParameter("d"), BuiltinParameter("n")],
            summary: "the first n samples (all of them if there are fewer)",
            example: "take(spiral(), 20).count"
        ) { call in
            let data = try call.dataset(0)
            let count = try call.count(1, minimum: 1, what: "a sample count")
            return try call.made { try data.dataset.take(count) }
        }
    }

    static var split: Builtin {
        Builtin(
            "split", group: .datasets,
            parameters: [
                BuiltinParameter("d"), BuiltinParameter("test", default: .number(0.2)),
                BuiltinParameter("validation", default: .number(0)), BuiltinParameter("seed", default: .number(0)),
                BuiltinParameter("stratified", default: .boolean(false)),
            ],
            summary: "a seeded random train/test (and validation) split: members .train, .test, .validation",
            formula: "round(n·test) test samples, round(n·validation) validation samples, the rest for training; stratified: true keeps the class proportions in every part",
            example: "split(circle(n: 100), test: 0.25, seed: 1).test.count"
        ) { call in
            let data = try call.dataset(0)
            let test = try call.number(1, "a test fraction", atLeast: 0)
            let validation = try call.number(2, "a validation fraction", atLeast: 0)
            let seed = try call.seed(3)
            guard case .boolean(let stratified) = call.arguments[4] else {
                throw call.error(.splitStratifiedNotBoolean, argument: 4)
            }
            let parts = try call.engine {
                try data.dataset.split(test: test, validation: validation, stratified: stratified, seed: seed)
            }
            return .split(SplitValue(
                train: DatasetValue(parts.train, label: data.label + ".train"),
                test: DatasetValue(parts.test, label: data.label + ".test"),
                validation: parts.validation.map { DatasetValue($0, label: data.label + ".validation") }))
        }
    }

    /// The Playground's extra input features, by their language words.
    static let featureWords: [(word: String, map: FeatureMap)] = [
        ("x", .x), ("y", .y), ("x2", .xSquared), ("y2", .ySquared), ("xy", .xTimesY), ("sinx", .sinX), ("siny", .sinY),
    ]

    static var features: Builtin {
        Builtin(
            "features", group: .datasets, parameters: [BuiltinParameter("d")], variadic: true,
            words: Set(featureWords.map(\.word)),
            summary: "a 2-D dataset with the TensorFlow Playground's input features instead of x, y: any of x y x2 y2 xy sinx siny, in that order",
            formula: "x2 = x², y2 = y², xy = x·y, sinx = sin(x), siny = sin(y)",
            example: "features(circle(n: 20), x, y, x2, y2).inputs"
        ) { call in
            let data = try call.dataset(0)
            guard call.arguments.count > 1 else {
                throw call.error(.featuresNeedsNames)
            }
            var maps: [FeatureMap] = []
            for index in 1..<call.arguments.count {
                let word = try call.text(index, "a feature name")
                guard let map = featureWords.first(where: { $0.word == word })?.map else {
                    let words = featureWords.map(\.word)
                    let hint = Suggestion.nearest(to: word, among: words).map { "did you mean '\($0)'?" }
                        ?? "the features are \(words.joined(separator: " "))"
                    throw call.error(.unknownFeature(word: word), argument: index, hint: hint)
                }
                maps.append(map)
            }
            return try call.made { try data.dataset.mapped(maps) }
        }
    }
}
