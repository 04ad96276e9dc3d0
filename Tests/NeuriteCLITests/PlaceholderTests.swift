import Testing
@testable import NeuriteInterpreter

@Test func NeuriteCLIModuleLinks() { #expect(Bool(true)) }
