/// How plots reach the terminal: `--images MODE` or `NEURITE_IMAGES`.
enum ImageMode: String, CaseIterable, Sendable {
    /// Ask the terminal at start-up which image protocol it speaks (text if none, or no answer).
    case auto
    case kitty
    case sixel
    case iterm
    /// Text plots (braille, block or ASCII), as on a terminal without images.
    case off

    static var names: [String] { allCases.map(\.rawValue) }
}
