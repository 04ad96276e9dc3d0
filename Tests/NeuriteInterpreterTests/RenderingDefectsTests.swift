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
