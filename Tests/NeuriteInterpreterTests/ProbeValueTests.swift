import Testing

@testable import NeuriteInterpreter

/// The probe commands give their figures back as a table value, and `dead` tells dead units (no
/// gradient for any sample) from inactive ones (negative everywhere, gradient still flowing).
@Suite struct ProbeValueTests {
    static let setUp = """
        model one(act) { input 1; dense 3, act; dense 1 }
        let d = regression(fn: fn(x) = x, over: -1..1, n: 20)
        """

    /// Unit 1 gets bias −100: below 0 for every input in [−1, 1].
    static func measured(_ activation: String, _ command: String = "dead") -> (test: TestSession, output: String) {
        let test = TestSession()
        let source = setUp + "\nlet m = one(\(activation))\nm.layers[0].bias[1] = -100\nlet t = \(command) m on d with height: 3"
        let result = test.run(source)
        #expect(result.errors.isEmpty, "\(result.errors)")
        return (test, result.output)
    }

    @Test(arguments: [
        ("relu", 1, 0), ("relu6", 1, 0), ("hard_tanh", 1, 0),
        ("leaky_relu", 0, 1), ("elu", 0, 1), ("selu", 0, 1), ("celu", 0, 1),
    ])
    func deadAndInactive(activation: String, dead: Int, inactive: Int) {
        let (test, output) = Self.measured(activation)
        #expect(test.value("t[0].dead") == "\(dead)")
        #expect(test.value("t[0].inactive") == "\(inactive)")
        #expect(test.value("t[0].width") == "3")
        #expect(test.value("len(t)") == "1")
        #expect(output.contains("\(dead) of 3 dead" + (inactive > 0 ? ", \(inactive) inactive" : "")), "\(output)")
    }

    /// tanh units never stop passing gradient: no layer is measured, and the table is empty.
    @Test func smoothFunctionsAreNotMeasured() {
        let (test, output) = Self.measured("tanh")
        #expect(test.value("len(t)") == "0")
        #expect(output.contains("no layer where units can die"))
    }

    /// A unit of a hard function pushed deep into a flat part passes no gradient: dead.
    @Test func hardFunctionsDieInTheirFlatParts() {
        let test = TestSession()
        test.run(Self.setUp + "\nlet m = one(hard_sigmoid)\nm.layers[0].bias = [100, -100, 0]\nlet t = dead m on d with height: 3")
        #expect(test.value("t[0].dead") == "2")
    }

    @Test func sparsityAndSaturationGiveFractions() {
        let (test, _) = Self.measured("relu", "sparsity")
        #expect(test.value("t.fraction[0] >= 1 / 3") == "true")
        #expect(test.value("t[0].layer") == "\"1 relu\"")
        #expect(test.value("t.model") == "\"one(relu)\"")
    }

    /// A drawing command on its own line shows its picture, not its value a second time.
    @Test func aDrawingCommandIsNotEchoedTwice() {
        let test = TestSession()
        test.run(Self.setUp)
        let output = test.run("dead one(relu) on d with height: 3").output
        #expect(!output.contains("inactive"))
        #expect(output.contains("dead units per layer"))
    }
}
