import Testing

@testable import NeuriteInterpreter
import NeuriteEngine

/// Random combinations of values, operators and built-ins never crash or hang the session:
/// each gives a value or a clear error, and the session goes on.
@Suite struct RobustnessTests {
    static let atoms = [
        "0", "1", "-1", "2.5", "1e308", "-1e-308", "nan", "inf", "\"s\"", "true", "[]", "[1, 2]",
        "[1, 2, 3]", "[[1, 2], [3, 4]]", "1..3", "0..1 step 0.5", "relu", "relu'", "fn(x) = x * x",
        "sq", "vec", "pi", "grad(tanh)",
    ]
    static let operators = ["+", "-", "*", "/", "%", "^", "<", "==", "and"]

    func expression(_ random: inout SeededGenerator, depth: Int) -> String {
        if depth == 0 { return random.pick(Self.atoms) }
        switch random.next() % 6 {
        case 0:
            return "(\(expression(&random, depth: depth - 1)) \(random.pick(Self.operators)) \(expression(&random, depth: depth - 1)))"
        case 1, 2:
            let name = random.pick(builtinNames + ["sq", "vec"])
            let count = Int(random.next() % 4)
            let arguments = (0..<count).map { _ in expression(&random, depth: depth - 1) }
            return "\(name)(\(arguments.joined(separator: ", ")))"
        case 3: return "\(random.pick(["relu", "sq", "sin", "vec", "grad(sq)"]))'(\(expression(&random, depth: depth - 1)))"
        case 4: return "[\(expression(&random, depth: depth - 1)), \(expression(&random, depth: depth - 1))]"
        default:
            return "[x for x in \(expression(&random, depth: depth - 1))]"
        }
    }

    let builtinNames = TestSession().session.builtins.map(\.name)

    @Test(arguments: [1, 2, 3, 4])
    func randomProgramsGiveValuesOrErrors(_ seed: UInt64) {
        let test = TestSession()
        test.run("fn sq(x) = x * x\nfn vec(v) = [v, 1]")
        var random = SeededGenerator(seed: seed)
        var outcomes: [RunOutcome: Int] = [:]
        for _ in 0..<150 {
            let source = expression(&random, depth: Int(random.next() % 3) + 1)
            let result = test.run(source)
            outcomes[result.outcome, default: 0] += 1
            #expect(result.outcome != .interrupted, "\(source)")
            if result.outcome == .failed {
                #expect(result.errors.contains("error:"), "\(source): \(result.errors)")
            }
        }
        #expect(test.value("1 + 1") == "2")
        // The generator reaches both working and failing programs.
        #expect(outcomes[.success, default: 0] > 10 && outcomes[.failed, default: 0] > 10, "\(outcomes)")
    }
}

extension SeededGenerator {
    /// One of `items`, uniformly (the engine's generator, so failures reproduce).
    mutating func pick<T>(_ items: [T]) -> T { items[nextIndex(below: items.count)] }
}
