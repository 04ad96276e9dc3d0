import Testing
@testable import NeuritePlot

@Suite struct TickTests {
    struct LinearCase: Sendable, CustomStringConvertible {
        var lower: Double, upper: Double, maxCount: Int, tight: Bool
        var labels: [String]
        var description: String { "\(lower)…\(upper) max \(maxCount)\(tight ? " tight" : "")" }
    }

    static let linearCases: [LinearCase] = [
        LinearCase(lower: 0, upper: 1, maxCount: 6, tight: false, labels: ["0", "0.2", "0.4", "0.6", "0.8", "1"]),
        LinearCase(lower: 0.03, upper: 0.97, maxCount: 5, tight: false, labels: ["0", "0.5", "1"]),
        LinearCase(lower: -5, upper: 5, maxCount: 6, tight: true, labels: ["-5", "0", "5"]),
        LinearCase(lower: -5, upper: 5, maxCount: 8, tight: true, labels: ["-4", "-2", "0", "2", "4"]),
        LinearCase(lower: 0, upper: 12000, maxCount: 7, tight: false, labels: ["0", "2k", "4k", "6k", "8k", "10k", "12k"]),
        LinearCase(lower: 0.001, upper: 0.004, maxCount: 4, tight: false, labels: ["1e-3", "2e-3", "3e-3", "4e-3"]),
        LinearCase(lower: 3, upper: 3, maxCount: 5, tight: false, labels: ["2.6", "2.8", "3", "3.2", "3.4"]),
        LinearCase(lower: 1, upper: 100, maxCount: 8, tight: true, labels: ["20", "40", "60", "80", "100"]),
        LinearCase(lower: -0.35, upper: 0.35, maxCount: 7, tight: false, labels: ["-0.4", "-0.2", "0", "0.2", "0.4"]),
    ]

    @Test(arguments: linearCases)
    func linearTicks(_ c: LinearCase) {
        let ticks = Ticks.linear(lower: c.lower, upper: c.upper, maxCount: c.maxCount, tight: c.tight)
        #expect(ticks.labels == c.labels)
        #expect(ticks.positions.count <= c.maxCount)
        if !c.tight {
            #expect(ticks.lower <= min(c.lower, c.upper) && ticks.upper >= max(c.lower, c.upper))
        }
    }

    struct LogCase: Sendable, CustomStringConvertible {
        var lower: Double, upper: Double, maxCount: Int
        var labels: [String]
        var description: String { "log \(lower)…\(upper)" }
    }

    static let logCases: [LogCase] = [
        LogCase(lower: 0.004, upper: 2.1, maxCount: 7, labels: ["0.01", "0.1", "1"]),
        LogCase(lower: 0.2, upper: 0.9, maxCount: 5, labels: ["0.2", "0.5", "1"]),
        LogCase(lower: 1e-8, upper: 1e4, maxCount: 5, labels: ["1e-8", "1e-5", "0.01", "10", "10k"]),
        LogCase(lower: 3, upper: 3, maxCount: 5, labels: ["2", "5"]),
    ]

    @Test(arguments: logCases)
    func logTicks(_ c: LogCase) {
        let ticks = Ticks.logarithmic(lower: c.lower, upper: c.upper, maxCount: c.maxCount)
        #expect(ticks.labels == c.labels)
        #expect(ticks.lower <= log10(c.lower) + 1e-12 && ticks.upper >= log10(c.upper) - 1e-12)
    }

    /// Few rows allow 2 ticks, but a range around 0 needs 3: the axis keeps to the data's scale
    /// (it used to jump to ±1k for sin on a plot 3 rows high).
    @Test(arguments: [(-1.0, 1.0), (-0.3, 0.7), (-40.0, 25.0)])
    func fewTicksAroundZeroKeepTheScale(_ range: (Double, Double)) {
        let ticks = Ticks.snug(lower: range.0, upper: range.1, maxCount: 2)
        let span = range.1 - range.0
        #expect(ticks.lower <= range.0 && ticks.upper >= range.1)
        #expect(ticks.upper - ticks.lower <= 4 * span, "\(ticks)")
    }

    /// Subnormal and huge positive data (beyond the 1e-300…1e300 clamp) used to trap.
    @Test(arguments: [(1e-320, 2e-320), (Double.leastNonzeroMagnitude, 1e-310), (1e305, 1e307), (1e-320, 1e305)])
    func extremeLogRangesGiveOrderedTicks(_ range: (Double, Double)) {
        let ticks = Ticks.logarithmic(lower: range.0, upper: range.1, maxCount: 5)
        #expect(ticks.lower.isFinite && ticks.upper.isFinite && ticks.lower < ticks.upper)
        #expect(!ticks.positions.isEmpty && ticks.positions.allSatisfy(\.isFinite))
    }

    @Test(arguments: [(Double.nan, 1.0), (-Double.infinity, Double.infinity), (-1e308, 1e308), (Double.leastNonzeroMagnitude, 2 * Double.leastNonzeroMagnitude)])
    func degenerateRangesGiveFiniteTicks(_ range: (Double, Double)) {
        let ticks = Ticks.linear(lower: range.0, upper: range.1, maxCount: 6)
        #expect(ticks.lower.isFinite && ticks.upper.isFinite && ticks.lower < ticks.upper)
        #expect(!ticks.positions.isEmpty && ticks.positions.count <= 200)
        #expect(ticks.positions.allSatisfy { $0.isFinite })
    }
}

import Foundation

@Suite struct NumberFormatTests {
    @Test(arguments: [
        (0.314159, "0.314"), (1500, "1.5k"), (1000, "1k"), (999.7, "1k"), (0.001, "1e-3"), (0.0025, "2.5e-3"),
        (-0.25, "-0.25"), (1_234_567, "1.23M"), (0, "0"), (.nan, "NaN"), (-.infinity, "-inf"), (12, "12"),
        (2e15, "2e15"), (123.456, "123"), (0.01, "0.01"), (999_999, "1M"),
    ] as [(Double, String)])
    func compact(_ value: Double, _ expected: String) {
        #expect(NumberFormat.compact(value) == expected)
    }

    @Test(arguments: [
        (0.5, 0.5, "0.5"), (1, 0.5, "1"), (1500, 500, "1.5k"), (2e-3, 1e-3, "2e-3"), (3 * 0.1, 0.1, "0.3"),
        (-0.0, 1, "0"), (12000, 2000, "12k"), (0.25, 0.05, "0.25"), (1e-17, 0.1, "0"), (-40, 20, "-40"),
    ] as [(Double, Double, String)])
    func tick(_ value: Double, _ step: Double, _ expected: String) {
        #expect(NumberFormat.tick(value, step: step) == expected)
    }
}
