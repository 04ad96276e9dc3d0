import Foundation
import Testing

/// Pictures or text, decided with the real terminal: a terminal that answers nothing, a pipe,
/// tmux (braille) and xterm with sixel under Xvfb (pictures on the screen).
@Suite(.serialized) struct ImageTerminalTests {
    static let query = "\u{1B}_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\u{1B}\\\u{1B}[>q\u{1B}[16t\u{1B}[c"
    static let code = "plot relu, tanh over -3..3 with height: 5"

    static func hasBraille(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }
    }

    /// No picture escapes: kitty, sixel (DCS), iTerm2.
    static func hasPictures(_ text: String) -> Bool {
        text.contains("\u{1B}_Ga=T") || text.contains("\u{1B}P") || text.contains("\u{1B}]1337;")
    }

    /// `auto` on a terminal that answers nothing: it asks once, waits at most about 100 ms, and draws
    /// exactly the text `--images off` draws.
    @Test func autoOnASilentTerminalDrawsTextWithinTheTimeout() throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let off = try SilentTerminal.run(["--images", "off", "-e", Self.code], stateDirectory: state.path)
        let auto = try SilentTerminal.run(["-e", Self.code], stateDirectory: state.path)
        #expect(off.status == 0 && auto.status == 0, "\(auto.text)")
        #expect(!off.text.contains("\u{1B}_G") && !off.text.contains("\u{1B}[c"), "off asks nothing")
        #expect(auto.text.components(separatedBy: Self.query).count == 2, "auto asks once")
        #expect(auto.text.replacingOccurrences(of: Self.query, with: "") == off.text)
        #expect(Self.hasBraille(auto.text) && !Self.hasPictures(auto.text))
        #expect(auto.seconds >= 0.09, "it waited for answers: \(auto.seconds) s")
        #expect(auto.seconds - off.seconds < 0.4, "auto \(auto.seconds) s, off \(off.seconds) s")
    }

    /// `NO_COLOR` and `--no-color` keep the terminal out of it: nothing asked, plain text.
    @Test(arguments: [(["-e", code], ["NO_COLOR": "1"]), (["--no-color", "-e", code], [:]),
                      (["-e", code], ["NEURITE_IMAGES": "off"])])
    func noQuestionsWithoutColourOrWithImagesOff(arguments: [String], environment: [String: String]) throws {
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let run = try SilentTerminal.run(arguments, environment: environment, stateDirectory: state.path)
        #expect(run.status == 0)
        #expect(!run.text.contains("\u{1B}_G") && !run.text.contains("\u{1B}[c") && !run.text.contains("\u{1B}[16t"))
        #expect(Self.hasBraille(run.text) && !Self.hasPictures(run.text))
    }

    /// Piped output is the same text whatever the image mode (nothing is asked).
    @Test func pipedOutputIsTheSameTextInEveryMode() throws {
        let reference = try ProcessRun.neurite(["--images", "off", "-e", Self.code])
        #expect(reference.status == 0 && Self.hasBraille(reference.standardOutput))
        for (arguments, environment) in [
            ([String](), [String: String]()), (["--images", "sixel"], [:]), (["--images", "kitty"], [:]),
            ([], ["NEURITE_IMAGES": "iterm", "TERM": "xterm-256color"]),
        ] {
            let run = try ProcessRun.neurite(arguments + ["-e", Self.code], environment: environment)
            #expect(run.standardOutput == reference.standardOutput, "\(arguments) \(environment)")
            #expect(run.standardError.isEmpty)
        }
    }

    /// The REPL under tmux (which answers for itself, without sixel) draws braille.
    @Test(.enabled(if: TmuxTerminal.executable != nil || TmuxTerminal.isCI))
    func tmuxGetsBraille() throws {
        guard ReplTerminalTests.requireTmux() else { return }
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let terminal = try TmuxTerminal(command: ReplTerminalTests.neuriteCommand(
            stateDirectory: state.path, environment: "LANG=C.UTF-8"))
        defer { terminal.close() }
        try terminal.waitFor("the first prompt") { $0.lastLine == "nn>" }
        try terminal.waitUntilReadingInput()
        try terminal.type(Self.code)
        try terminal.press("Enter")
        let screen = try terminal.waitFor("the plot") { $0.promptLines.count == 2 && $0.lastLine == "nn>" }
        #expect(Self.hasBraille(screen.text), "\(screen)")
        #expect(screen.lines.contains { $0.contains("relu") })
        #expect(!screen.text.contains("Gi=31") && !screen.text.contains("AAAA"), "no query leaked: \(screen)")
    }

    /// Pixels of the SVG's plot-area background (#fbfbfb, nearly white but never pure white): text
    /// on this black xterm never has them, a picture of a plot has thousands.
    static func plotAreaPixels(_ image: XWDImage) -> Int {
        image.count { r, g, b in (240...253).contains(r) && abs(r - g) <= 3 && abs(r - b) <= 3 }
    }

    /// The REPL in xterm with sixel (`-ti vt340`) under Xvfb, with the default `auto`: after a
    /// `heatmap` entry the screen shows the picture, its colours included.
    @Test(.enabled(if: XvfbTerminal.isAvailable || TmuxTerminal.isCI))
    func xtermWithSixelShowsPictures() throws {
        #expect(NeuriteBinary.isBuilt)
        let state = try TemporaryDirectory()
        defer { state.remove() }
        let command = "env -u NO_COLOR -u NEURITE_IMAGES LANG=C.UTF-8 OPENBLAS_NUM_THREADS=1 "
            + "XDG_STATE_HOME=\(shellQuoted(state.path)) \(shellQuoted(NeuriteBinary.path)); sleep 60"
        let terminal = try XvfbTerminal(command: command)
        defer { terminal.close() }
        try terminal.waitUntilReadingInput()
        let before = try terminal.screenshot()
        #expect(Self.plotAreaPixels(before) < 50, "only the banner and the prompt")
        try terminal.typeLine("heatmap [[1, 2, 3], [4, 5, 6]] with height: 8")
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(30)
        var screen = try terminal.screenshot()
        while Self.plotAreaPixels(screen) < 3000, clock.now < deadline {
            usleep(200_000)
            screen = try terminal.screenshot()
        }
        #expect(Self.plotAreaPixels(screen) >= 3000, "no picture on the screen (see \(XvfbTerminal.lastScreenshot))")
        // The ramp's two ends: the purple of 1 and the yellow of 6, in solid cells.
        let yellow = screen.count { r, g, b in r > 200 && g > 200 && b < 90 }
        let purple = screen.count { r, g, b in r > 60 && r < 130 && g < 40 && b > 50 && b < 130 }
        #expect(yellow > 500 && purple > 500, "yellow \(yellow), purple \(purple)")
    }
}
