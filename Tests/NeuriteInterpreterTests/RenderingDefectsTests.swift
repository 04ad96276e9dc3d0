import Testing

@testable import NeuriteInterpreter

/// Rendering slips a new user met (issue 10), each pinned at 80 columns without colour.
@Suite struct RenderingDefectsTests {
    @Test(arguments: [
        ("plot []", "no data to draw: [] is empty\n"),
        ("let xs = []\nplot xs, []", "no data to draw: xs, [] are empty\n"),
    ])
    func plotOfNothingSaysSoWithoutAFrame(source: String, expected: String) {
        let (session, sink) = DrawingCommandTests.session()
        #expect(DrawingCommandTests.run(source, in: session, sink: sink) == expected)
    }

    @Test func oneEmptyVectorBesideDataStillDraws() {
        let (session, sink) = DrawingCommandTests.session()
        let output = DrawingCommandTests.run("plot [], [1, 2, 3] with height: 4", in: session, sink: sink)
        #expect(output.contains("┌") && output.contains("[1, 2, 3]"))
    }
}

/// Histogram bin labels use one notation for every edge.
@Suite struct HistogramLabelTests {
    @Test(arguments: [
        ("histogram [0, 0.001, 0.005, 0.0075, 0.012, 0.014] with bins: 3",
         ["[0, 0.005)", "[0.005, 0.01)", "[0.01, 0.015]"]),
        ("histogram [0, 0.004, 0.01, 0.013, 0.02] with bins: 2", ["[0, 0.01)", "[0.01, 0.02]"]),
    ])
    func oneNotationForAllEdges(source: String, labels: [String]) {
        let (session, sink) = DrawingCommandTests.session()
        let output = DrawingCommandTests.run(source, in: session, sink: sink)
        let shown = output.split(separator: "\n").compactMap { line in
            line.split(separator: "┤").first.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        #expect(shown == labels, "\(output)")
        #expect(!output.contains("e-"))
    }
}

/// Tables printed together or listed by `:vars` keep their lines.
@Suite struct TableLayoutTests {
    static let training = """
        data ring = circle(n: 40, noise: 0.1, seed: 1)
        model net { input 2; dense 3, relu; dense 1, sigmoid }
        let r = train net on ring with epochs: 2
        """

    @Test func printOfSeveralTablesPutsEachOnItsOwnLines() throws {
        let (session, sink) = DrawingCommandTests.session()
        _ = DrawingCommandTests.run(Self.training, in: session, sink: sink)
        let one = DrawingCommandTests.run("print(r)", in: session, sink: sink)
        let three = DrawingCommandTests.run("print(r, r, r)", in: session, sink: sink)
        #expect(one.hasPrefix("model "))
        #expect(three == one + one + one, "\(three)")
        #expect(DrawingCommandTests.run("print(\"a\", 1, [2])", in: session, sink: sink) == "a 1 [2]\n")
    }

    @Test func varsPutsATableBelowItsName() throws {
        let (session, sink) = DrawingCommandTests.session()
        _ = DrawingCommandTests.run(Self.training, in: session, sink: sink)
        sink.clear()
        #expect(session.meta(":vars") == .handled(.success))
        let lines = sink.output.split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.firstIndex(of: "r ="), "\(sink.output)")
        #expect(lines[index + 1].hasPrefix("model "))
        #expect(lines.contains("ring = <dataset ring: 40 samples>"))
    }
}
