import Testing
@testable import NeuritePlot

@Test func NeuritePlotModuleLinks() { #expect(Bool(true)) }
