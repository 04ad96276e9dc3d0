import NeuriteLanguage
import NeuriteNumerics

/// A runtime value of the Neurite language.
///
/// Large payloads (datasets, splits, runs, evaluations) are `indirect`, so that a `Value` stays a
/// few words: the evaluator's recursion keeps many of them on the stack.
///
/// Numbers are `Double`. While a function is being differentiated, numbers that depend on the
/// argument are ``Value/jet(_:)`` (truncated Taylor series from NeuriteNumerics); every other
/// case is the same as in ordinary evaluation.
public enum Value {
    case number(Double)
    /// A number that carries derivatives (only during differentiation; see ``Differentiation``).
    case jet(Jet)
    case boolean(Bool)
    case string(String)
    case vector([Double])
    case matrix(Matrix)
    case function(FunctionValue)
    /// A dataset (`circle(noise: 0.1)`, `csv("f.csv", label: "y")`).
    indirect case dataset(DatasetValue)
    /// `split(d, test: 0.25)`: train / test (/ validation) datasets.
    indirect case split(SplitValue)
    /// A model (a reference: training changes it in place).
    case model(ModelValue)
    /// `dead m on d`: a small table of results, one row per layer.
    indirect case table(TableValue)
    /// `t[1]`: one row of a table, its cells by column name.
    indirect case record(RecordValue)
    /// `m.layers`: the model's dense layers, indexed from 0.
    case layers(LayersValue)
    /// `m.layers[i]`: one dense layer (its weights, bias, activation, width).
    case layer(LayerValue)
    /// `model deep(act) { … }`: called with arguments, it gives a fresh model.
    case modelConstructor(ModelConstructor)
    /// The record of one training run.
    indirect case run(RunValue)
    /// The records of a `train a, b on d` (one per model).
    indirect case runs(RunsValue)
    /// `evaluate m on d`: loss, accuracy, confusion matrix.
    indirect case evaluation(EvaluationValue)
    /// The value of statements that produce none (`print`, definitions); never echoed.
    case nothing

    /// The kind of value, as named in error messages ("expected a number, got vector").
    public var typeName: String {
        switch self {
        case .number, .jet: return "number"
        case .boolean: return "boolean"
        case .string: return "string"
        case .vector(let elements): return "vector of \(elements.count)"
        case .matrix(let matrix): return "\(matrix.rows)×\(matrix.columns) matrix"
        case .function: return "function"
        case .dataset: return "dataset"
        case .split: return "split"
        case .model: return "model"
        case .layers: return "layers"
        case .table(let table): return "table of \(table.rows.count) row\(table.rows.count == 1 ? "" : "s")"
        case .record: return "table row"
        case .layer: return "layer"
        case .modelConstructor: return "model constructor"
        case .run: return "run"
        case .runs: return "runs"
        case .evaluation: return "model evaluation"
        case .nothing: return "nothing"
        }
    }
}

/// A dense row-major matrix.
public struct Matrix: Equatable, Sendable {
    public var rows: Int
    public var columns: Int
    /// `rows * columns` elements, row after row.
    public var elements: [Double]

    public init(rows: Int, columns: Int, elements: [Double]) {
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// Row `index` as a vector.
    public func row(_ index: Int) -> [Double] {
        Array(elements[(index * columns)..<((index + 1) * columns)])
    }
}
