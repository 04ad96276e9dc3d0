import Testing

@testable import NeuriteInterpreter

@Suite struct BroadcastingTests {
    @Test(arguments: [
        ("1 + [1, 2]", "[2, 3]"), ("[1, 2] - 1", "[0, 1]"), ("[1, 2] * [3, 4]", "[3, 8]"),
        ("[[1, 2], [3, 4]] + [10, 20]", "[[11, 22],\n [13, 24]]"),
        ("[10, 20] - [[1, 2], [3, 4]]", "[[9, 18],\n [7, 16]]"),
        ("[[1, 2], [3, 4]] * [[1, 0], [0, 1]]", "[[1, 0],\n [0, 4]]"),
        ("2 ^ [1, 2, 3]", "[2, 4, 8]"), ("[1, 2, 3] >= 2", "[0, 1, 1]"),
        ("max([1, 5], 3)", "[3, 5]"), ("pow(2, [1, 2])", "[2, 4]"),
    ])
    func broadcasts(_ source: String, _ expected: String) {
        #expect(TestSession().value(source) == expected)
    }

    @Test(arguments: [
        ("[1, 2] + [1, 2, 3]", "shapes do not match for '+': vector of 2 and vector of 3"),
        ("[[1, 2], [3, 4]] * [1, 2, 3]", "shapes do not match for '*': 2×2 matrix and vector of 3"),
        ("[1, 2, 3] / [[1, 2], [3, 4]]", "shapes do not match for '/': vector of 3 and 2×2 matrix"),
        ("[[1, 2]] - [[1], [2]]", "shapes do not match for '-': 1×2 matrix and 2×1 matrix"),
        ("max([1, 2], [1, 2, 3])", "shapes do not match for 'max': vector of 2 and vector of 3"),
        ("[1] + \"a\"", ""),
    ])
    func shapeErrors(_ source: String, _ message: String) {
        let result = TestSession().run(source)
        if message.isEmpty {
            // string concatenation is allowed with +
            #expect(result.outcome == .success)
        } else {
            #expect(result.outcome == .failed)
            #expect(result.errors.contains("error: " + message), "\(result.errors)")
            #expect(result.errors.contains("^"), "the error shows a caret")
        }
    }
}
