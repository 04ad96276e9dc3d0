import NeuriteLanguage

/// `:help` for the reserved words: what each does, and an example.
struct KeywordHelp {
    let word: String
    let summary: String
    let example: String

    static let all: [KeywordHelp] = [
        KeywordHelp(word: "let", summary: "binds a name to a value", example: "let rate = 0.1"),
        KeywordHelp(
            word: "fn", summary: "defines a function: fn f(x, a = 1) = … or fn f(x) { … }; fn(x) = … is anonymous",
            example: "fn double(x) = 2 * x"),
        KeywordHelp(
            word: "if", summary: "if c then a else b: a conditional expression (c must be a boolean)",
            example: "if 2 > 1 then \"yes\" else \"no\""),
        KeywordHelp(word: "then", summary: "see if", example: "if true then 1 else 0"),
        KeywordHelp(word: "else", summary: "see if", example: "if false then 1 else 0"),
        KeywordHelp(
            word: "for", summary: "[e for x in s if c]: a comprehension over a range, vector or matrix rows",
            example: "[x * x for x in 1..5 if x > 2]"),
        KeywordHelp(word: "in", summary: "see for", example: "[x for x in [3, 4]]"),
        KeywordHelp(
            word: "step", summary: "a..b step s: a range with step s (inclusive of b within 1e-9 of a step)",
            example: "0..1 step 0.25"),
        KeywordHelp(word: "and", summary: "logical and (short-circuit; booleans only)", example: "true and 1 < 2"),
        KeywordHelp(word: "or", summary: "logical or (short-circuit; booleans only)", example: "false or 1 < 2"),
        KeywordHelp(word: "not", summary: "logical negation", example: "not (1 > 2)"),
        KeywordHelp(word: "true", summary: "the boolean true", example: "true"),
        KeywordHelp(word: "false", summary: "the boolean false", example: "false"),
        KeywordHelp(
            word: "data", summary: "data x = …: binds a dataset (an error for any other value); the dataset is labelled x",
            example: "data ring = circle(noise: 0.1, seed: 1)"),
        KeywordHelp(
            word: "model",
            summary: "model m { … } declares a network; model deep(act, depth = 3) { … } a constructor: deep(relu) gives a fresh model. Lines: input N; dense UNITS, ACT, init: NAME, bias: X; dropout RATE; activation ACT; repeat N { … }",
            example: "model tiny { input 2; dense 1, sigmoid }"),
        KeywordHelp(
            word: "repeat", summary: "repeat N { … } inside a model: repeats layers",
            example: "model deep { input 2; repeat 3 { dense 8, relu }; dense 1, sigmoid }"),
        KeywordHelp(
            word: "on", summary: "a command clause naming the data: train m on ring",
            example: "model m { input 2; dense 1, sigmoid }; train m on xor(n: 20) with epochs: 1"),
        KeywordHelp(word: "over", summary: "a command clause naming a range: plot f over -5..5", example: "plot relu over -5..5"),
        KeywordHelp(
            word: "to", summary: "a command clause naming the file written: save m to \"net.safetensors\"",
            example: "model m { input 2; dense 1, sigmoid }; save m to \"/tmp/neurite-help-to.safetensors\""),
        KeywordHelp(
            word: "into", summary: "a command clause naming the model that receives a file's weights: load \"w.safetensors\" into m",
            example: "model m { input 2; dense 1, sigmoid }; save m to \"/tmp/neurite-help-into.safetensors\"; load \"/tmp/neurite-help-into.safetensors\" into m"),
        KeywordHelp(
            word: "with", summary: "a command clause with options: … with epochs: 100",
            example: "model m { input 2; dense 1, sigmoid }; train m on xor(n: 20) with epochs: 1, lr: 0.1"),
    ]

    static func named(_ word: String) -> KeywordHelp? {
        all.first(where: { $0.word == word })
    }

    var text: String {
        "\(word)  [keyword]\n  \(summary)\n  example: \(example)\n"
    }
}
