import NeuriteNumerics
import Testing
@testable import NeuriteEngine

/// The compiled user-activation program against the expression's tree walk (values, in Double)
/// and against finite differences and jets (derivatives).
@Suite struct ScalarProgramTests {
    typealias E = ScalarExpression
    static let x = E.input

    static let cases: [(String, ScalarExpression)] = [
        ("x * sigmoid(x)", .multiply(x, .activation(.sigmoid, x))),
        ("tanh(x) + 0.1 * x", .add(.unary(.tanh, x), .multiply(.constant(0.1), x))),
        ("exp(-x^2)", .unary(.exp, .negate(.power(x, .constant(2))))),
        ("x / (1 + abs(x))", .divide(x, .add(.constant(1), .unary(.abs, x)))),
        ("x > 0 ? x : 0.2 * x", .select(condition: .greater, lhs: x, rhs: .constant(0), then: x, else: .multiply(.constant(0.2), x))),
        ("sin(x) * cos(2x) - log(1 + x^2)", .subtract(
            .multiply(.unary(.sin, x), .unary(.cos, .multiply(.constant(2), x))),
            .unary(.log, .add(.constant(1), .power(x, .constant(2)))))),
        ("(x^2 + 1) ^ (x / 4)", .power(.add(.power(x, .constant(2)), .constant(1)), .divide(x, .constant(4)))),
        ("sqrt(x^2 + 1) * erf(x)", .multiply(.unary(.sqrt, .add(.power(x, .constant(2)), .constant(1))), .unary(.erf, x))),
        ("gelu(relu6(x) - 1)", .activation(.gelu, .subtract(.activation(.relu6, x), .constant(1)))),
        ("constant 3", .constant(3)),
        ("softmax(x) * x (softmax of a scalar is 1)", .multiply(.activation(.softmax, x), x)),
        ("x", x),
    ]

    @Test(arguments: cases.indices)
    func valuesAndDerivatives(_ index: Int) {
        let (name, expression) = Self.cases[index]
        let inputs = seededValues(200, seed: UInt64(index), low: -4, high: 4, kinks: [0, 6, 1], margin: 0.02)
        let program = ScalarProgram(expression)
        let x = inputs.map(Float.init)
        var y = [Float](repeating: 0, count: x.count), d = y
        x.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in
                d.withUnsafeMutableBufferPointer { dp in
                    program.evaluate(xp.baseAddress!, count: x.count, into: yp.baseAddress!, derivative: dp.baseAddress!)
                }
            }
        }
        let values = y.map(Double.init), derivatives = d.map(Double.init)
        let expectedValues = inputs.map(expression.evaluate)
        #expect(firstMismatch(values, expectedValues, absolute: 1e-5, relative: 1e-5) == nil, "\(name) values")
        let jets = inputs.map { expression.evaluateWithDerivative($0).derivative }
        let differences = inputs.map { centralDifferences([$0]) { expression.evaluate($0[0]) }[0] }
        #expect(firstMismatch(jets, differences, absolute: 1e-6, relative: 1e-5) == nil, "\(name) jet vs finite differences")
        let mismatch = firstMismatch(derivatives, differences, absolute: 1e-4, relative: 1e-4)
        #expect(mismatch == nil, "\(name) derivative: \(mismatch ?? "")")
    }

    @Test func backwardMultipliesUpstream() {
        let program = ScalarProgram(.multiply(Self.x, Self.x))
        let x: [Float] = [1, 2, -3], upstream: [Float] = [0.5, -1, 2]
        var result = [Float](repeating: 0, count: 3)
        x.withUnsafeBufferPointer { xp in
            upstream.withUnsafeBufferPointer { up in
                result.withUnsafeMutableBufferPointer { rp in
                    program.backward(xp.baseAddress!, upstream: up.baseAddress!, count: 3, into: rp.baseAddress!)
                }
            }
        }
        #expect(result == [1, -4, -12])
    }

    @Test func compilesToOneLoopPerOperationWithSharedConstants() {
        // x * sigmoid(x): sigmoid, multiply. Constants fold: (2 + 3) * x is one multiply.
        #expect(ScalarProgram(.multiply(Self.x, .activation(.sigmoid, Self.x))).instructionCount == 2)
        #expect(ScalarProgram(.multiply(.add(.constant(2), .constant(3)), Self.x)).instructionCount == 1)
    }

    @Test func growsItsBuffersForLargerBatches() {
        let program = ScalarProgram(.add(Self.x, .constant(1)))
        for count in [3, 1000, 7] {
            let x = (0..<count).map(Float.init)
            var y = [Float](repeating: 0, count: count)
            x.withUnsafeBufferPointer { xp in
                y.withUnsafeMutableBufferPointer { program.evaluate(xp.baseAddress!, count: count, into: $0.baseAddress!, derivative: nil) }
            }
            #expect(y == x.map { $0 + 1 })
        }
    }
}
