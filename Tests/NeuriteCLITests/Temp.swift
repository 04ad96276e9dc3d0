import Testing
@Test func placeholderUntilEndToEndTests() { #expect(Bool(true)) }
