import Testing
@testable import NeuriteLanguage

struct SuggestionTests {
    static let activations = ["relu", "sigmoid", "tanh", "gelu", "swish", "softplus", "elu", "leaky_relu"]

    @Test(arguments: [
        ("rleu", "relu"),        // transposition
        ("relu6", "relu"),       // insertion
        ("sigmod", "sigmoid"),   // deletion
        ("tahn", "tanh"),
        ("Relu", "relu"),        // case only
        ("softpls", "softplus"),
        ("leaky_rel", "leaky_relu"),
        ("gelo", "gelu"),
    ] as [(String, String)])
    func suggests(name: String, expected: String) {
        #expect(Suggestion.nearest(to: name, among: Self.activations) == expected)
    }

    @Test(arguments: ["x", "zz", "banana", "mish", "sgmd", ""])
    func staysQuietWhenNothingIsClose(name: String) {
        #expect(Suggestion.nearest(to: name, among: Self.activations) == nil)
    }

    @Test func tiesAreBrokenByCaseThenAlphabet() {
        #expect(Suggestion.nearest(to: "cat", among: ["cut", "bat", "Cat"]) == "Cat")
        #expect(Suggestion.nearest(to: "cot", among: ["cut", "cat"]) == "cat")
        #expect(Suggestion.nearest(to: "cot", among: ["cat", "cut"]) == "cat")
    }

    @Test(arguments: [
        ("", "", 0), ("abc", "", 3), ("kitten", "sitting", 3), ("ab", "ba", 1), ("abcd", "acbd", 1),
        ("ca", "abc", 3), ("flaw", "lawn", 2),
    ] as [(String, String, Int)])
    func editDistance(a: String, b: String, distance: Int) {
        #expect(Suggestion.editDistance(Array(a), Array(b)) == distance)
        #expect(Suggestion.editDistance(Array(b), Array(a)) == distance)
    }
}
