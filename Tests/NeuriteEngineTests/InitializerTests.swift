import Testing
@testable import NeuriteEngine

@Suite struct InitializerTests {
    func sample(_ initializer: Initializer, _ fanIn: Int, _ fanOut: Int, seed: UInt64 = 1) throws -> (mean: Double, sd: Double, tensor: Tensor) {
        let tensor = Tensor(shape: [fanIn, fanOut])
        var generator = SeededGenerator(seed: seed)
        try initializer.fill(tensor, fanIn: fanIn, fanOut: fanOut, generator: &generator)
        let values = tensor.values.map(Double.init)
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)
        return (mean, variance.squareRoot(), tensor)
    }

    static let glorot: Double = (2.0 / 300).squareRoot()
    static let he: Double = (2.0 / 200).squareRoot()
    static let lecun: Double = (1.0 / 200).squareRoot()
    static let spreads: [(Initializer, Double)] = [
        (.glorotUniform, glorot), (.glorotNormal, glorot), (.heUniform, he), (.heNormal, he),
        (.lecunUniform, lecun), (.lecunNormal, lecun), (.normal(mean: 0, standardDeviation: 0.3), 0.3),
        (.uniform(low: -1, high: 1), (1.0 / 3).squareRoot()),
        (.scaled(.heNormal, gain: 2), 2 * he), (.scaled(.glorotUniform, gain: 0.5), 0.5 * glorot),
    ]

    @Test(arguments: spreads)
    func scaledInitializersHaveTheStatedSpread(_ initializer: Initializer, _ expectedSD: Double) throws {
        let (mean, sd, _) = try sample(initializer, 200, 100)
        #expect(Swift.abs(mean) < 0.05 * expectedSD + 0.002, "\(initializer.name) mean \(mean)")
        #expect(Swift.abs(sd / expectedSD - 1) < 0.03, "\(initializer.name) sd \(sd) vs \(expectedSD)")
    }

    /// A gain multiplies the scheme's values drawn from the same generator, and must be above 0.
    @Test func aGainScalesTheSameDraw() throws {
        let plain = try sample(.lecunNormal, 20, 10).tensor.values
        let scaled = try sample(.scaled(.lecunNormal, gain: 3), 20, 10).tensor.values
        #expect(zip(plain, scaled).allSatisfy { $1 == 3 * $0 })
        #expect(throws: EngineError.self) { try sample(.scaled(.heNormal, gain: 0), 2, 2) }
    }

    @Test func constantsAndZeros() throws {
        #expect(try sample(.zeros, 3, 4).tensor.values.allSatisfy { $0 == 0 })
        #expect(try sample(.constant(-2.5), 3, 4).tensor.values.allSatisfy { $0 == -2.5 })
    }

    @Test(arguments: [(30, 10), (10, 30), (16, 16)])
    func orthogonalIsOrthonormal(_ rows: Int, _ columns: Int) throws {
        let w = try sample(.orthogonal(gain: 2), rows, columns).tensor
        let tall = rows >= columns
        let n = tall ? columns : rows
        for a in 0..<n {
            for b in 0..<n {
                var dot = 0.0
                for k in 0..<(tall ? rows : columns) {
                    dot += tall ? Double(w[k, a]) * Double(w[k, b]) : Double(w[a, k]) * Double(w[b, k])
                }
                #expect(Swift.abs(dot - (a == b ? 4 : 0)) < 1e-4, "(\(a),\(b)) = \(dot)")
            }
        }
    }

    @Test func biasInitializerCanBeNegative() throws {
        let network = try Network(
            inputWidth: 2, specs: [.dense(units: 3, activation: .builtin(.relu), weights: .heNormal, bias: .constant(-4))], seed: 1)
        let dense = try #require(network.layers.first as? DenseLayer)
        #expect(dense.bias.value.values == [-4, -4, -4])
    }

    @Test func badSettingsAreRejected() {
        var generator = SeededGenerator(seed: 1)
        #expect(throws: EngineError.self) { try Initializer.uniform(low: 1, high: 0).fill(Tensor(shape: [2]), fanIn: 1, fanOut: 2, generator: &generator) }
        #expect(throws: EngineError.self) { try Initializer.normal(mean: 0, standardDeviation: -1).fill(Tensor(shape: [2]), fanIn: 1, fanOut: 2, generator: &generator) }
    }
}
