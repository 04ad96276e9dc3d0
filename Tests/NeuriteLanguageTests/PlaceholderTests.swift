import Testing
@testable import NeuriteLanguage

@Test func NeuriteLanguageModuleLinks() { #expect(Bool(true)) }
