import Testing

@testable import NeuriteInterpreter

/// `units m on d`: a picture per hidden unit over the input plane, and each unit's range as a value.
@Suite struct UnitsCommandTests {
    static let setUp = """
        data ring = circle(n: 80, noise: 0.1, seed: 1)
        model net { input 2; dense 3, tanh; dense 2, relu; dense 1, sigmoid }
        """

    static func session() -> TestSession {
        let test = TestSession(width: 90)
        let ran = test.run(setUp)
        #expect(ran.errors.isEmpty, "\(ran.errors)")
        return test
    }

    @Test func drawsEveryHiddenUnitAndReturnsTheirRanges() {
        let test = Self.session()
        let result = test.run("let u = units net on ring")
        #expect(result.errors.isEmpty, "\(result.errors)")
        for title in ["layer 0 unit 0", "layer 0 unit 2", "layer 1 unit 1"] {
            #expect(result.output.contains(title), "\(title) missing:\n\(result.output)")
        }
        #expect(!result.output.contains("layer 2 unit 0"), "the output layer is not a hidden layer")
        #expect(test.value("len(u)") == "5")
        #expect(test.value("u.layer") == "[0, 0, 0, 1, 1]")
        #expect(test.value("min([u[k].min for k in 0..2]) >= -1 and max([u[k].max for k in 0..2]) <= 1") == "true")  // tanh
        #expect(test.value("min([u[k].min for k in 3..4]) >= 0") == "true")  // relu
        #expect(test.value("min(u.max - u.min) >= 0") == "true")
    }

    /// A unit that passes x through (weights [1, 0], no bias, linear) ranges over the grid's x
    /// centres: inside the data's extent widened by a tenth, and most of it.
    @Test func aUnitThatIsXSpansThePlane() throws {
        let test = Self.session()
        test.run("""
            model pass { input 2; dense 1; dense 1, sigmoid }
            pass.layers[0].weights = [[1, 0]]
            let u = units pass on ring with layer: 0
            let xs = transpose(ring.features)[0]
            let span = max(xs) - min(xs)
            """)
        let low = try #require(Double(test.value("u[0].min - (min(xs) - span / 10)")))
        let high = try #require(Double(test.value("(max(xs) + span / 10) - u[0].max")))
        let cell = try #require(Double(test.value("1.2 * span / 24")))
        #expect(low > 0 && low < cell && high > 0 && high < cell, "\(low) \(high) \(cell)")
    }

    @Test(arguments: [
        ("units net on features(ring, x, y, xy)", RuntimeErrorID.unitsNeedPlane),
        ("units net on ring with layer: 3", .unitsLayerOutOfRange),
        ("units 3 on ring", .needsRunsOrModels),
    ])
    func mistakesAreExplained(source: String, id: RuntimeErrorID) {
        let test = Self.session()
        _ = test.run(source)
        #expect(test.sink.diagnostics.map(\.id) == [id.rawValue])
    }
}
