import Testing

@testable import NeuriteInterpreter

/// What Tab offers inside commands and layer lines, from the declared options.
@Suite struct OptionCompletionTests {
    @Test(arguments: [
        ("train m on d with epo", "epo", ["epochs: "]),
        ("train m on d with epochs: 3, l", "l", ["l1: ", "l2: ", "live: ", "loss: ", "lr: "]),
        ("train m on d with optimizer: ad", "ad", ["adagrad", "adam", "adamw"]),
        ("train m on d with loss: b", "b", ["bce"]),
        ("plot relu with canvas: a", "a", ["ascii"]),
        ("plot relu with lo", "lo", ["log: "]),
        ("plot relu with log: t", "t", ["true"]),
        ("model q { input 2; dense 4, relu, in", "in", ["init: "]),
        ("model q { input 2; dense 4, relu, init: he_", "he_", ["he_normal", "he_uniform"]),
        ("dense 4, relu, bias: zer", "zer", ["zeros"]),
    ])
    func offersDeclaredOptionsAndWords(text: String, word: String, expected: [String]) {
        let test = TestSession()
        #expect(test.session.completions(for: word, before: text) == expected)
    }

    /// Outside an option position the session's names are offered, as before.
    @Test(arguments: [
        ("sigm", "sigm"), ("train m on d with epochs: sig", "sig"), ("plot rel", "rel"), ("train m, rel", "rel"),
    ])
    func namesElsewhere(text: String, word: String) {
        let test = TestSession()
        #expect(test.session.completions(for: word, before: text) == test.session.completions(forPrefix: word))
    }
}
