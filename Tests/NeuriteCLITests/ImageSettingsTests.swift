import NeuritePixels
import Testing

@testable import neurite

/// `--images`, `NEURITE_IMAGES`, the terminal's answers and the decision between pictures and text.
@Suite struct ImageSettingsTests {
    @Test(arguments: [
        (["--images", "sixel", "-e", "x"], Invocation(mode: .evaluate(code: "x"), images: .sixel)),
        (["--images=kitty"], Invocation(mode: .repl, images: .kitty)),
        (["--images", "off", "--no-color"], Invocation(mode: .repl, noColor: true, images: .off)),
        (["--images", "auto", "s.nn"], Invocation(mode: .script(path: "s.nn"), images: .auto)),
    ])
    func parsesTheImagesOption(arguments: [String], expected: Invocation) {
        #expect(Invocation.parse(arguments) == .success(expected))
    }

    @Test(arguments: [
        (["--images"], UsageError.missingValue(option: "--images")),
        (["--images", "sixle"], .invalidValue(option: "--images", value: "sixle", suggestion: "sixel")),
        (["--images=braille"], .invalidValue(option: "--images", value: "braille", suggestion: nil)),
        (["--imgaes", "off"], .unknownOption("--imgaes", suggestion: "--images")),
    ])
    func rejectsBadImageOptions(arguments: [String], expected: UsageError) {
        #expect(Invocation.parse(arguments) == .failure(expected))
    }

    @Test func badValueMessageListsTheModes() {
        let error = UsageError.invalidValue(option: "--images", value: "sixle", suggestion: "sixel")
        #expect(error.diagnostic.message == "option '--images' has no value 'sixle'")
        #expect(error.diagnostic.hint == "did you mean 'sixel'? the choices are auto, kitty, sixel, iterm, off")
    }

    @Test func flagWinsOverEnvironmentWhichWinsOverAuto() {
        var warnings: [String] = []
        let warn = { (message: String) in warnings.append(message) }
        #expect(DisplaySettings.imageMode(flag: .off, environment: ["NEURITE_IMAGES": "kitty"], warn: warn) == .off)
        #expect(DisplaySettings.imageMode(flag: nil, environment: ["NEURITE_IMAGES": "Sixel"], warn: warn) == .sixel)
        #expect(DisplaySettings.imageMode(flag: nil, environment: [:], warn: warn) == .auto)
        #expect(warnings.isEmpty)
        #expect(DisplaySettings.imageMode(flag: nil, environment: ["NEURITE_IMAGES": "yes"], warn: warn) == .auto)
        #expect(warnings == ["NEURITE_IMAGES=yes is not one of auto, kitty, sixel, iterm, off; using auto"])
    }

    // MARK: - The terminal's answers

    static let escape = "\u{1B}"

    @Test func parsesEveryAnswerInAnyOrder() {
        let kitty = "\(Self.escape)_Gi=31;OK\(Self.escape)\\"
        let version = "\(Self.escape)P>|kitty(0.26.5)\(Self.escape)\\"
        let cell = "\(Self.escape)[6;20;10t"
        let attributes = "\(Self.escape)[?62;4;22c"
        let replies = TerminalReplies(Array((version + "junk" + cell + kitty + attributes).utf8))
        #expect(replies.kittyGraphics)
        #expect(replies.version == "kitty(0.26.5)")
        #expect(replies.cell == CellSize(width: 10, height: 20))
        #expect(replies.deviceAttributes == [62, 4, 22])
        #expect(replies.sixel)
    }

    @Test(arguments: [
        ("\u{1B}[?1;2c", false, false, true),  // a VT100: no sixel
        ("\u{1B}[?63;1;2;4;6;9;15;16;22;28c", false, true, true),  // xterm -ti vt340
        ("\u{1B}_Gi=31;ENOTSUPPORTED:no\u{1B}\\\u{1B}[?62;22c", false, false, true),
        ("\u{1B}_Gi=31;OK\u{1B}\\", true, false, false),  // no attributes yet: not complete
        ("\u{1B}[?62;4", false, false, false),  // cut off
        ("", false, false, false),
    ])
    func recognisesSixelAndKitty(text: String, kitty: Bool, sixel: Bool, complete: Bool) {
        let replies = TerminalReplies(Array(text.utf8))
        #expect(replies.kittyGraphics == kitty)
        #expect(replies.sixel == sixel)
        #expect(TerminalReplies.isComplete(Array(text.utf8)) == complete)
    }

    @Test func implausibleCellSizesAreIgnored() {
        #expect(TerminalReplies(Array("\u{1B}[6;0;0t".utf8)).cell == nil)
        #expect(TerminalReplies(Array("\u{1B}[6;5000;9t".utf8)).cell == nil)
    }

    // MARK: - The decision

    static func replies(_ text: String) -> TerminalReplies { TerminalReplies(Array(text.utf8)) }
    static let kittyTerminal = replies("\u{1B}_Gi=31;OK\u{1B}\\\u{1B}[6;18;9t\u{1B}[?62;22c")
    static let sixelTerminal = replies("\u{1B}[?63;1;2;4;6c")
    static let iTerm = replies("\u{1B}P>|iTerm2 3.5.0\u{1B}\\\u{1B}[?62;4c")
    static let plainTerminal = replies("\u{1B}[?1;2c")

    static func decide(
        _ mode: ImageMode, color: Bool = true, terminal: Bool = true, environment: [String: String] = [:],
        windowCell: CellSize? = nil, replies: TerminalReplies?
    ) -> (TerminalImageSettings?, asked: Int) {
        var asked = 0
        let settings = DisplaySettings.images(
            mode: mode, colorEnabled: color, stdoutIsTerminal: terminal, environment: environment,
            windowCell: { windowCell }, ask: {
                asked += 1
                return replies
            })
        return (settings, asked)
    }

    @Test func autoFollowsTheAnswers() {
        #expect(Self.decide(.auto, replies: Self.kittyTerminal).0
                == TerminalImageSettings(imageProtocol: .kitty, cell: CellSize(width: 9, height: 18)!))
        #expect(Self.decide(.auto, replies: Self.sixelTerminal).0 == TerminalImageSettings(imageProtocol: .sixel))
        #expect(Self.decide(.auto, replies: Self.iTerm).0?.imageProtocol == .iterm)
        #expect(Self.decide(.auto, replies: Self.plainTerminal).0 == nil)
        #expect(Self.decide(.auto, replies: TerminalReplies()).0 == nil, "no answer: text")
        #expect(Self.decide(.auto, replies: nil).0 == nil, "no terminal to ask: text")
        let window = CellSize(width: 7, height: 15)!
        #expect(Self.decide(.auto, windowCell: window, replies: Self.sixelTerminal).0?.cell == window)
    }

    @Test func insideTmuxOnlySixelCounts() {
        let tmux = ["TMUX": "/tmp/tmux-0/default,1,0"]
        #expect(Self.decide(.auto, environment: tmux, replies: Self.kittyTerminal).0 == nil)
        #expect(Self.decide(.auto, environment: tmux, replies: Self.iTerm).0?.imageProtocol == .sixel)
        #expect(Self.decide(.auto, environment: ["STY": "1.pts-0"], replies: Self.plainTerminal).0 == nil)
    }

    /// Text without asking anything: images off, no colour, or output that is not a terminal.
    @Test(arguments: [(ImageMode.off, true, true), (.auto, false, true), (.auto, true, false), (.kitty, false, true),
                      (.sixel, true, false)])
    func textWithoutAsking(mode: ImageMode, color: Bool, terminal: Bool) {
        let (settings, asked) = Self.decide(mode, color: color, terminal: terminal, replies: Self.kittyTerminal)
        #expect(settings == nil)
        #expect(asked == 0)
    }

    @Test func aNamedProtocolIsUsedAsAsked() {
        let window = CellSize(width: 10, height: 22)!
        let (known, askedKnown) = Self.decide(.iterm, windowCell: window, replies: Self.plainTerminal)
        #expect(known == TerminalImageSettings(imageProtocol: .iterm, cell: window))
        #expect(askedKnown == 0, "the window's pixel size is enough")
        let (asked, askedOnce) = Self.decide(.sixel, replies: Self.kittyTerminal)
        #expect(asked == TerminalImageSettings(imageProtocol: .sixel, cell: CellSize(width: 9, height: 18)!))
        #expect(askedOnce == 1)
        #expect(Self.decide(.kitty, replies: nil).0 == TerminalImageSettings(imageProtocol: .kitty, cell: .fallback))
    }
}
