import Testing
@testable import LineEditor

@Test func LineEditorModuleLinks() { #expect(Bool(true)) }
