import Testing
@testable import NeuriteNumerics

@Test func NeuriteNumericsModuleLinks() { #expect(Bool(true)) }
