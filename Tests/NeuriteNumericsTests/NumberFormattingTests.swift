import Testing
@testable import NeuriteNumerics

struct NumberFormattingTests {
    static let table: [(Double, String)] = [
        (3, "3"), (-3, "-3"), (0, "0"), (-0.0, "-0"), (0.1, "0.1"), (0.5, "0.5"), (-2.5, "-2.5"),
        (1.0 / 3, "0.3333333333333333"), (1e-7, "1e-07"), (1e20, "1e+20"), (1e15, "1000000000000000"),
        (1e16, "1e+16"), (123456, "123456"), (0.0001, "0.0001"), (.infinity, "inf"),
        (-.infinity, "-inf"), (.nan, "nan"), (.leastNonzeroMagnitude, "5e-324"),
        (.greatestFiniteMagnitude, "1.7976931348623157e+308"), (2.5e-5, "2.5e-05"),
    ]

    @Test(arguments: table)
    func formatsShortest(_ x: Double, _ expected: String) {
        #expect(formatNumber(x) == expected)
    }

    @Test func roundTripsOnRandomBitPatterns() {
        var rng = SeededGenerator(seed: 0xF0F0)
        for _ in 0..<20_000 {
            let x = Double(bitPattern: rng.next())
            if x.isNaN { continue }
            let text = formatNumber(x)
            #expect(Double(text) == x && Double(text)?.sign == x.sign, "\(x.bitPattern) printed as \(text)")
            #expect(!text.hasSuffix(".0"))
        }
    }

    @Test func roundTripsOnRandomOrdinaryNumbers() {
        var rng = SeededGenerator(seed: 0xBEEF)
        for _ in 0..<20_000 {
            let x = Double.random(in: -1000...1000, using: &rng).rounded() / [1, 10, 100, 7][Int(rng.next() % 4)]
            #expect(Double(formatNumber(x)) == x)
        }
    }

    @Test func floats() {
        #expect(formatFloat(Float(0.1)) == "0.1")
        #expect(formatFloat(Float(3)) == "3")
        #expect(formatFloat(-Float.infinity) == "-inf")
        #expect(formatFloat(Float.nan) == "nan")
        #expect(formatFloat(Float(1e-7)) == "1e-07")
        #expect(formatFloatVector([0.1, 2]) == "[0.1, 2]")
        #expect(formatNumber(3) == "3")  // unambiguous with a literal
        var rng = SeededGenerator(seed: 0xF1)
        for _ in 0..<20_000 {
            let x = Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()))
            if x.isNaN { continue }
            #expect(Float(formatFloat(x)) == x, "\(x.bitPattern) printed as \(formatFloat(x))")
        }
    }

    @Test func vectors() {
        #expect(formatVector([]) == "[]")
        #expect(formatVector([1, 2, 3]) == "[1, 2, 3]")
        #expect(formatVector([0.5, -1, .nan]) == "[0.5, -1, nan]")
        let hundred = (1...100).map(Double.init)
        #expect(formatVector(hundred) == "[1, 2, 3, 4, 5, 6, …, 98, 99, 100] (100 values)")
        #expect(formatVector(hundred, maxItems: 5) == "[1, 2, 3, 4, …, 100] (100 values)")
        #expect(formatVector(hundred, maxItems: 0, ellipsis: "...") == "[1, ..., 100] (100 values)")
        #expect(formatVector(Array(hundred.prefix(9))) == "[1, 2, 3, 4, 5, 6, 7, 8, 9]")
    }

    /// With a width, a matrix keeps fewer columns until its lines fit (never fewer than two).
    @Test(arguments: [30, 40, 60, 200])
    func matricesFitAWidth(width: Int) {
        let wide = (0..<3).map { r in (0..<12).map { Double(r) + Double($0) / 7 } }
        let text = formatMatrix(wide, maxWidth: width)
        let lines = text.split(separator: "\n")
        let fits = lines.allSatisfy { $0.count <= width }
        #expect(fits || lines[0].split(separator: ",").count == 3, "\(text)")  // two columns and the ellipsis
        let natural = formatMatrix(wide)
        if natural.split(separator: "\n").allSatisfy({ $0.count <= width }) {
            #expect(text == natural)
        } else {
            #expect(text.contains("…") && text.hasSuffix("(3×12 matrix)"))
        }
    }

    @Test func matrices() {
        #expect(formatMatrix([[1, 2.5, -3], [4, 10, 0]]) == "[[1, 2.5, -3],\n [4,  10,  0]]")
        #expect(formatMatrix([]) == "[]")
        #expect(formatMatrix([[1, 2], [3]]) == "[[1, 2],\n [3,  ]]")
        let big = (0..<20).map { r in (0..<30).map { Double(r * 30 + $0) } }
        let text = formatMatrix(big, maxRows: 3, maxColumns: 3)
        #expect(text == """
            [[  0,   1, …,  29],
             [ 30,  31, …,  59],
             …
             [570, 571, …, 599]]
            (20×30 matrix)
            """)
    }
}
