import NeuriteNumerics

/// The JSON form of a ``ModelDefinition``, stored in a safetensors file's `__metadata__`:
///
/// ```json
/// {"format":"neurite-model","version":1,"input":2,"epochs_trained":30,"label":"m",
///  "layers":[{"type":"dense","units":8,"activation":"relu","weights":{"type":"he_normal"},"bias":{"type":"constant","value":-1}},
///            {"type":"dropout","rate":0.1},{"type":"activation","activation":{"name":"act","program":["x",2,"mul"]}},
///            {"type":"softmax"}]}
/// ```
///
/// A built-in activation is its name; a user-defined one is its name and its expression as a flat
/// postfix program (so any nesting depth fits the JSON reader's depth limit): `"x"`, numbers
/// (constants), `"add" "sub" "mul" "div" "pow" "neg"`, `"math:NAME"`, `"act:NAME"` and
/// `"select:COMPARISON"` (which pops lhs, rhs, then, else).
extension ModelDefinition {
    static let formatName = "neurite-model"
    /// The most layers a saved definition may list (a hostile file cannot make millions of layers).
    public static let maximumLayers = 100_000
    static let version = 1

    /// The definition as JSON. Throws for a number JSON cannot hold (NaN or ±∞ in an initializer,
    /// a dropout rate or an activation's constant).
    public func json() throws(ModelArchiveError) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("format", .string(ModelDefinition.formatName)), ("version", .integer(ModelDefinition.version)),
            ("input", .integer(inputWidth)), ("epochs_trained", .integer(epochsTrained)),
        ]
        if let label { members.append(("label", .string(label))) }
        var layers: [JSONValue] = []
        for spec in specs { layers.append(try Self.json(spec)) }
        members.append(("layers", .array(layers)))
        return .object(members)
    }

    /// Reads the JSON form back; every field is checked, and errors say which layer is wrong.
    public init(json: JSONValue) throws(ModelArchiveError) {
        func bad(_ reason: String) -> ModelArchiveError { .invalidDefinition(reason) }
        guard json.members != nil else { throw bad("it is \(json.typeName), not an object") }
        guard json["format"]?.string == ModelDefinition.formatName else { throw bad("its format is not '\(ModelDefinition.formatName)'") }
        guard let version = json["version"]?.integer, version == ModelDefinition.version else {
            throw bad("version \(json["version"]?.serialized ?? "none") is not \(ModelDefinition.version) (saved by a newer Neurite?)")
        }
        guard let input = json["input"]?.integer, input > 0, input <= Network.maximumWidth else {
            throw bad("'input' is not a whole number between 1 and \(Network.maximumWidth)")
        }
        guard let epochs = json["epochs_trained"]?.integer, epochs >= 0 else {
            throw bad("'epochs_trained' is not a whole number ≥ 0")
        }
        var label: String?
        if let value = json["label"] {
            guard let text = value.string else { throw bad("'label' is \(value.typeName), not a string") }
            label = text
        }
        guard case .array(let layers)? = json["layers"] else { throw bad("'layers' is not an array") }
        guard layers.count <= ModelDefinition.maximumLayers else {
            throw bad("\(layers.count) layers, more than \(ModelDefinition.maximumLayers)")
        }
        var specs: [LayerSpec] = []
        for (index, layer) in layers.enumerated() {
            do {
                specs.append(try Self.spec(layer))
            } catch {
                throw bad("layer \(index + 1): \(error.reason)")
            }
        }
        self.init(inputWidth: input, specs: specs, epochsTrained: epochs, label: label)
    }
}

/// A reason a part of the definition JSON is wrong (wrapped with the layer number by the caller).
struct DefinitionFieldError: Error {
    var reason: String
}

extension ModelDefinition {
    private static func number(_ value: Double, _ what: String) throws(ModelArchiveError) -> JSONValue {
        guard let json = JSONValue.double(value) else {
            throw ModelArchiveError.invalidDefinition("\(what) is \(value); only finite numbers can be saved")
        }
        return json
    }

    static func json(_ spec: LayerSpec) throws(ModelArchiveError) -> JSONValue {
        switch spec {
        case let .dense(units, activation, weights, bias):
            var members: [(String, JSONValue)] = [("type", .string("dense")), ("units", .integer(units))]
            if let activation { members.append(("activation", try json(activation))) }
            if let weights { members.append(("weights", try json(weights))) }
            if let bias { members.append(("bias", try json(bias))) }
            return .object(members)
        case .activation(let function):
            return .object([("type", .string("activation")), ("activation", try json(function))])
        case .softmax:
            return .object([("type", .string("softmax"))])
        case .dropout(let rate):
            return .object([("type", .string("dropout")), ("rate", try number(rate, "a dropout rate"))])
        }
    }

    static func json(_ function: ActivationFunction) throws(ModelArchiveError) -> JSONValue {
        switch function {
        case .builtin(let activation): return .string(activation.rawValue)
        case .custom(let user):
            var program: [JSONValue] = []
            try postfix(user.expression, into: &program)
            return .object([("name", .string(user.name)), ("program", .array(program))])
        }
    }

    static func json(_ initializer: Initializer) throws(ModelArchiveError) -> JSONValue {
        func named(_ type: String, _ fields: [(String, Double)] = []) throws(ModelArchiveError) -> JSONValue {
            var members: [(String, JSONValue)] = [("type", .string(type))]
            for (key, value) in fields { members.append((key, try number(value, "the \(type) initializer's \(key)"))) }
            return .object(members)
        }
        switch initializer {
        case .zeros: return try named("zeros")
        case .constant(let value): return try named("constant", [("value", value)])
        case let .uniform(low, high): return try named("uniform", [("low", low), ("high", high)])
        case let .normal(mean, sd): return try named("normal", [("mean", mean), ("std", sd)])
        case .glorotUniform: return try named("glorot_uniform")
        case .glorotNormal: return try named("glorot_normal")
        case .heUniform: return try named("he_uniform")
        case .heNormal: return try named("he_normal")
        case .lecunUniform: return try named("lecun_uniform")
        case .lecunNormal: return try named("lecun_normal")
        case .orthogonal(let gain): return try named("orthogonal", [("gain", gain)])
        case let .scaled(base, gain):
            // The scheme with a "gain" field (a scheme never nests another: one gain).
            guard case .object(var members) = try json(base) else { return try json(base) }
            members.append(("gain", try number(gain, "the initializer's gain")))
            return .object(members)
        }
    }

    private static func postfix(_ expression: ScalarExpression, into program: inout [JSONValue]) throws(ModelArchiveError) {
        func binary(_ a: ScalarExpression, _ b: ScalarExpression, _ op: String) throws(ModelArchiveError) {
            try postfix(a, into: &program)
            try postfix(b, into: &program)
            program.append(.string(op))
        }
        switch expression {
        case .input: program.append(.string("x"))
        case .constant(let value): program.append(try number(value, "a constant of the activation"))
        case let .unary(function, a): try postfix(a, into: &program); program.append(.string("math:" + function.rawValue))
        case let .activation(function, a): try postfix(a, into: &program); program.append(.string("act:" + function.rawValue))
        case let .add(a, b): try binary(a, b, "add")
        case let .subtract(a, b): try binary(a, b, "sub")
        case let .multiply(a, b): try binary(a, b, "mul")
        case let .divide(a, b): try binary(a, b, "div")
        case let .power(a, b): try binary(a, b, "pow")
        case let .negate(a): try postfix(a, into: &program); program.append(.string("neg"))
        case let .select(condition, lhs, rhs, then, otherwise):
            for part in [lhs, rhs, then, otherwise] { try postfix(part, into: &program) }
            program.append(.string("select:" + condition.rawValue))
        }
    }
}

// MARK: - Reading the parts

extension ModelDefinition {
    static func spec(_ json: JSONValue) throws(DefinitionFieldError) -> LayerSpec {
        func bad(_ reason: String) -> DefinitionFieldError { DefinitionFieldError(reason: reason) }
        guard let type = json["type"]?.string else { throw bad("no 'type' string") }
        switch type {
        case "dense":
            guard let units = json["units"]?.integer, units > 0, units <= Network.maximumWidth else {
                throw bad("'units' is not a whole number between 1 and \(Network.maximumWidth)")
            }
            return .dense(
                units: units, activation: try json["activation"].map(activation),
                weights: try json["weights"].map(initializer), bias: try json["bias"].map(initializer))
        case "activation":
            guard let value = json["activation"] else { throw bad("no 'activation'") }
            return .activation(try activation(value))
        case "softmax":
            return .softmax
        case "dropout":
            guard let rate = json["rate"]?.double, rate >= 0, rate < 1 else { throw bad("'rate' is not a number in [0, 1)") }
            return .dropout(rate: rate)
        default:
            throw bad("unknown layer type '\(type)'")
        }
    }

    static func activation(_ json: JSONValue) throws(DefinitionFieldError) -> ActivationFunction {
        if let name = json.string {
            guard let activation = Activation(rawValue: name) else {
                throw DefinitionFieldError(reason: "unknown activation '\(name)'")
            }
            return .builtin(activation)
        }
        guard let name = json["name"]?.string, case .array(let program)? = json["program"] else {
            throw DefinitionFieldError(reason: "an activation is neither a name nor {\"name\", \"program\"}")
        }
        return .custom(UserActivation(name: name, expression: try expression(program, name: name)))
    }

    static func initializer(_ json: JSONValue) throws(DefinitionFieldError) -> Initializer {
        guard let type = json["type"]?.string else { throw DefinitionFieldError(reason: "an initializer has no 'type'") }
        func field(_ key: String) throws(DefinitionFieldError) -> Double {
            guard let value = json[key]?.double, value.isFinite else {
                throw DefinitionFieldError(reason: "the \(type) initializer's '\(key)' is not a finite number")
            }
            return value
        }
        let base = try unscaledInitializer(type, field)
        guard type != "orthogonal", json["gain"] != nil else { return base }
        return .scaled(base, gain: try field("gain"))
    }

    private static func unscaledInitializer(
        _ type: String, _ field: (String) throws(DefinitionFieldError) -> Double
    ) throws(DefinitionFieldError) -> Initializer {
        switch type {
        case "zeros": return .zeros
        case "constant": return .constant(try field("value"))
        case "uniform": return .uniform(low: try field("low"), high: try field("high"))
        case "normal": return .normal(mean: try field("mean"), standardDeviation: try field("std"))
        case "glorot_uniform": return .glorotUniform
        case "glorot_normal": return .glorotNormal
        case "he_uniform": return .heUniform
        case "he_normal": return .heNormal
        case "lecun_uniform": return .lecunUniform
        case "lecun_normal": return .lecunNormal
        case "orthogonal": return .orthogonal(gain: try field("gain"))
        default: throw DefinitionFieldError(reason: "unknown initializer '\(type)'")
        }
    }

    /// The longest program and the deepest expression read back.
    static let maximumProgramLength = 100_000
    static let maximumExpressionDepth = 1_000

    /// Rebuilds an expression from its postfix program with a stack.
    static func expression(_ program: [JSONValue], name: String) throws(DefinitionFieldError) -> ScalarExpression {
        func bad(_ reason: String) -> DefinitionFieldError { DefinitionFieldError(reason: "activation '\(name)': \(reason)") }
        guard program.count <= maximumProgramLength else {
            throw bad("the program has \(program.count) items, more than \(maximumProgramLength)")
        }
        var stack: [ScalarExpression] = []
        // The nesting depth of each stacked expression: deep trees would overflow the recursive walks.
        var depths: [Int] = []
        func pop(_ count: Int, for op: String) throws(DefinitionFieldError) -> [ScalarExpression] {
            guard stack.count >= count else { throw bad("'\(op)' needs \(count) operand\(count == 1 ? "" : "s")") }
            let depth = (depths.suffix(count).max() ?? 0) + 1
            guard depth <= maximumExpressionDepth else { throw bad("nested more than \(maximumExpressionDepth) deep") }
            defer {
                stack.removeLast(count)
                depths.removeLast(count)
                depths.append(depth)
            }
            return Array(stack.suffix(count))
        }
        for item in program {
            if case .number = item {
                guard let value = item.double, value.isFinite else { throw bad("a constant is not a finite number") }
                stack.append(.constant(value))
                depths.append(0)
                continue
            }
            guard let op = item.string else { throw bad("the program holds \(item.typeName)") }
            switch op {
            case "x": stack.append(.input); depths.append(0)
            case "add": let o = try pop(2, for: op); stack.append(.add(o[0], o[1]))
            case "sub": let o = try pop(2, for: op); stack.append(.subtract(o[0], o[1]))
            case "mul": let o = try pop(2, for: op); stack.append(.multiply(o[0], o[1]))
            case "div": let o = try pop(2, for: op); stack.append(.divide(o[0], o[1]))
            case "pow": let o = try pop(2, for: op); stack.append(.power(o[0], o[1]))
            case "neg": let o = try pop(1, for: op); stack.append(.negate(o[0]))
            default:
                let parts = op.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw bad("unknown operation '\(op)'") }
                switch parts[0] {
                case "math":
                    guard let function = MathFunction(rawValue: parts[1]) else { throw bad("unknown function '\(parts[1])'") }
                    let o = try pop(1, for: op); stack.append(.unary(function, o[0]))
                case "act":
                    guard let function = Activation(rawValue: parts[1]) else { throw bad("unknown activation '\(parts[1])'") }
                    let o = try pop(1, for: op); stack.append(.activation(function, o[0]))
                case "select":
                    guard let comparison = Comparison(rawValue: parts[1]) else { throw bad("unknown comparison '\(parts[1])'") }
                    let o = try pop(4, for: op)
                    stack.append(.select(condition: comparison, lhs: o[0], rhs: o[1], then: o[2], else: o[3]))
                default: throw bad("unknown operation '\(op)'")
                }
            }
        }
        guard stack.count == 1, let result = stack.first else {
            throw bad("the program leaves \(stack.count) values instead of 1")
        }
        return result
    }
}
