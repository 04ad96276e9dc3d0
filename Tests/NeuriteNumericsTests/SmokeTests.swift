import Testing
@testable import NeuriteNumerics

@Test func cubeDerivatives() {
    let x = Jet.variable(2, order: 2)
    let y = x * x * x
    #expect(y.value == 8)
    #expect(y.derivative(1) == 12)
    #expect(y.derivative(2) == 12)
}
