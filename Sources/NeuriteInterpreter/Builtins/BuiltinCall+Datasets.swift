import NeuriteEngine
import NeuriteNumerics

/// Reading the arguments of dataset and model built-ins.
extension BuiltinCall {
    func dataset(_ index: Int) throws -> DatasetValue {
        switch arguments[index] {
        case .dataset(let data): return data
        case .split:
            throw error(.splitNotDataset(function: name), argument: index, hint: "choose a part: s.train or s.test")
        default: throw error(.argumentNotDataset(function: name, typeName: arguments[index].typeName), argument: index)
        }
    }

    func model(_ index: Int) throws -> ModelValue {
        guard case .model(let model) = arguments[index] else {
            throw error(.argumentNotModel(function: name, typeName: arguments[index].typeName), argument: index)
        }
        return model
    }

    /// The most samples a generator makes.
    static let maximumSamples = 1_000_000

    /// A sample count: a whole number in 1…``maximumSamples``.
    func sampleCount(_ index: Int) throws -> Int {
        try bounded(index, what: "a sample count", maximum: Self.maximumSamples)
    }

    /// A whole number in 1…maximum.
    func bounded(_ index: Int, what: String, maximum: Int) throws -> Int {
        let value = try count(index, minimum: 1, what: what)
        guard value <= maximum else {
            throw error(.argumentTooLarge(function: name, what: what, limit: maximum, given: String(value)), argument: index)
        }
        return value
    }

    /// A seed: a whole number ≥ 0.
    func seed(_ index: Int) throws -> UInt64 {
        UInt64(try count(index, minimum: 0, what: "a seed"))
    }

    /// A finite number ≥ `minimum`.
    func number(_ index: Int, _ what: String, atLeast minimum: Double) throws -> Double {
        let x = try number(index, what)
        guard x.isFinite, x >= minimum else {
            throw error(.argumentTooSmall(function: name, what: what, minimum: formatNumber(minimum), given: formatNumber(x)), argument: index)
        }
        return x
    }

    /// Argument `index` as a string (or a bare option word).
    func text(_ index: Int, _ what: String) throws -> String {
        guard case .string(let text) = arguments[index] else {
            throw error(.argumentNotString(function: name, what: what, typeName: arguments[index].typeName), argument: index)
        }
        return text
    }

    /// Whether argument `index` was left out (its default is ``Value/nothing``).
    func isAbsent(_ index: Int) -> Bool {
        if index >= arguments.count { return true }
        if case .nothing = arguments[index] { return true }
        return false
    }

    /// The call as written, e.g. `circle(noise: 0.1)`: the label of the dataset it makes.
    var sourceLabel: String {
        Evaluator.label(of: span, in: evaluator.currentFile, fallback: name)
    }

    /// Runs dataset code of the engine, turning its errors into errors at the call.
    func engine<T>(_ body: () throws -> T) throws -> T {
        try RuntimeError.fromEngine(at: span, body)
    }

    /// A dataset value labelled with the call.
    func made(_ body: () throws -> Dataset) throws -> Value {
        .dataset(DatasetValue(try engine(body), label: sourceLabel))
    }
}
