import Testing

@testable import NeuriteInterpreter

/// Plots use the 256-colour palette or, on a terminal that has only the 16 standard colours,
/// those; never an escape without colour.
@Suite struct ColorPaletteTests {
    static func draw(color: Bool, colors256: Bool) -> String {
        let sink = CapturingSink()
        let options = SessionOptions(color: color, colors256: colors256, terminalWidth: 60, terminalHeight: 20)
        let session = Session(options: options, output: sink, interrupt: InterruptFlag())
        #expect(session.run("plot sin, cos with height: 4\nbars [1, 2]", fileName: "<test>", echo: .none) == .success)
        return sink.output
    }

    @Test func sixteenColoursUseOnlyTheStandardCodes() {
        let output = Self.draw(color: true, colors256: false)
        #expect(output.contains("\u{1B}["))
        #expect(!output.contains("38;5;") && !output.contains("48;5;"))
    }

    @Test func twoHundredFiftySixColoursUseThePalette() {
        #expect(Self.draw(color: true, colors256: true).contains("38;5;"))
    }

    @Test func noColourNoEscapes() {
        #expect(!Self.draw(color: false, colors256: true).contains("\u{1B}"))
    }
}
