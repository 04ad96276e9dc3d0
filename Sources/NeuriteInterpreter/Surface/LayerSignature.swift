import NeuriteEngine
import NeuriteLanguage

/// A layer word's surface inside a `model { … }` body, declared once: its positional parts and
/// options, with `:help`, the reference in `Docs/`, the parse-time check and Tab completion derived.
struct LayerSignature: Sendable {
    let word: String
    let summary: String
    let parts: [PartSpec]
    let options: [OptionSpec]
    let example: String

    /// `dense UNITS, ACT, init: NAME, bias: X`.
    var usage: String {
        let positional = parts.map { $0.optional ? "[\($0.name)]" : $0.name }
        let labelled = options.map { "\($0.name): \($0.kind.placeholder)" }
        return ([word + " " + (positional.first ?? "")] + positional.dropFirst() + labelled)
            .joined(separator: ", ").trimmingCharacters(in: .whitespaces)
    }

    var helpText: String {
        var text = "\(word)  [layer, inside model { … }]\n  \(summary)\n  usage: \(usage)\n"
        if !parts.isEmpty {
            text += "  parts:\n" + parts.map { "    \($0.name)  \($0.summary)\($0.optional ? " (optional)" : "")\n" }.joined()
        }
        if !options.isEmpty { text += "  options:\n" + options.map { "    \($0.helpLine)\n" }.joined() }
        return text + "  example: \(example)\n"
    }
}

/// The layer words and the options of `dense`.
enum LayerWords {
    static let activation = Option<Expression?>.custom(
        OptionSpec(
            name: "activation", kind: .function, defaultText: "none: the layer is linear",
            summary: "the activation (the second part, written by name)", otherNames: ["act"]),
        default: nil, read: { expression, _ in expression })
    static let initializer = Option<Initializer?>.custom(
        OptionSpec(
            name: "init", kind: .initializer, defaultText: "he_normal for ReLU-family activations, glorot_uniform otherwise",
            summary: "how the weights start", otherNames: ["kernel_initializer", "initializer", "weight_init"]),
        default: nil,
        read: { expression, reader in
            if let call = try InitializerCall.read(expression, reader: reader) { return call }
            let word = try reader.word(expression, "'init'", among: OptionWords.initializer.words)
            return OptionWords.initializer.value(of: word)
        })
    static let bias = Option<Expression?>.custom(
        OptionSpec(
            name: "bias", kind: .initializerOrNumber, defaultText: "zeros",
            summary: "how the biases start: a constant, or an initializer name", otherNames: ["bias_initializer", "bias_init"]),
        default: nil, read: { expression, _ in expression })

    static let input = LayerSignature(
        word: "input", summary: "the number of features; the first line of every model, once",
        parts: [PartSpec(name: "N", summary: "the input width")], options: [], example: "input 2")
    static let dense = LayerSignature(
        word: "dense", summary: "a fully connected layer of UNITS units, with an optional activation",
        parts: [PartSpec(name: "UNITS", summary: "the number of units"), PartSpec(name: "ACT", summary: "the activation", optional: true)],
        options: [activation.spec, initializer.spec, bias.spec], example: "dense 8, relu, init: he_normal, bias: 0.1")
    static let dropout = LayerSignature(
        word: "dropout", summary: "while training, zeroes each input with probability RATE (scaling the rest by 1/(1-RATE))",
        parts: [PartSpec(name: "RATE", summary: "a probability in [0, 1)")], options: [], example: "dropout 0.2")
    static let activationLayer = LayerSignature(
        word: "activation", summary: "applies an activation to the previous layer's outputs",
        parts: [PartSpec(name: "ACT", summary: "a function of one number, e.g. relu")], options: [], example: "activation tanh")

    static let all = [input, dense, dropout, activationLayer]

    static func named(_ word: String) -> LayerSignature? { all.first { $0.word == word } }
}
