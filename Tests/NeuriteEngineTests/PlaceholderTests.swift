import Testing
@testable import NeuriteEngine

@Test func NeuriteEngineModuleLinks() { #expect(Bool(true)) }
