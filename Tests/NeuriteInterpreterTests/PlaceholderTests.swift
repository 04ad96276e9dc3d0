import Testing
@testable import NeuriteInterpreter

@Test func NeuriteInterpreterModuleLinks() { #expect(Bool(true)) }
