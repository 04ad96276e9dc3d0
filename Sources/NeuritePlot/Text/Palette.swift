/// The colours of series, classes and colour ramps, in every output form.
enum Palette {
    /// Series/class colours in the 16-colour palette: blue, red, green, yellow, magenta, cyan, …
    /// (bright blue, as plain blue is barely visible on dark backgrounds).
    private static let basicSeries: [UInt8] = [12, 1, 2, 3, 5, 6, 4, 9]
    /// The same hues in the 256-colour palette.
    private static let indexedSeries: [UInt8] = [33, 202, 34, 178, 133, 37, 166, 244]
    /// Dark tints of the series hues, for class regions behind scatter points (256 colours).
    private static let indexedTints: [UInt8] = [17, 52, 22, 58, 53, 23, 94, 236]
    /// A perceptually ordered ramp (dark purple → blue → teal → green → yellow), 256 colours.
    static let indexedRamp: [UInt8] = [53, 54, 61, 25, 31, 37, 36, 72, 77, 113, 148, 190, 226]
    /// A coarse ramp for 16 colours, paired with shade glyphs by the heatmap.
    static let basicRamp: [UInt8] = [4, 4, 6, 6, 2, 2, 3, 11]

    static var seriesCount: Int { indexedSeries.count }

    /// The terminal colour of series (or class) `index`, or nil without colour.
    static func series(_ index: Int, mode: ColorMode) -> TerminalColor? {
        let i = ((index % seriesCount) + seriesCount) % seriesCount
        switch mode {
        case .none: return nil
        case .ansi16: return .basic(basicSeries[i])
        case .ansi256: return .indexed(indexedSeries[i])
        }
    }

    /// The colour of plot frames: a mid grey, readable on dark and light backgrounds.
    static func frame(mode: ColorMode) -> TerminalColor? {
        switch mode {
        case .none: return nil
        case .ansi16: return .basic(8)
        case .ansi256: return .indexed(244)
        }
    }

    /// The background tint of class `index` (256 colours only).
    static func tint(_ index: Int, mode: ColorMode) -> TerminalColor? {
        guard mode == .ansi256 else { return nil }
        let i = ((index % indexedTints.count) + indexedTints.count) % indexedTints.count
        return .indexed(indexedTints[i])
    }

    /// The ramp colour for `t` in 0…1.
    static func ramp(_ t: Double, mode: ColorMode) -> TerminalColor? {
        switch mode {
        case .none: return nil
        case .ansi16: return .basic(basicRamp[rampIndex(t, count: basicRamp.count)])
        case .ansi256: return .indexed(indexedRamp[rampIndex(t, count: indexedRamp.count)])
        }
    }

    static func rampIndex(_ t: Double, count: Int) -> Int {
        guard t.isFinite else { return 0 }
        let scaled = (min(max(t, 0), 1) * Double(count)).rounded(.down)
        return min(Int(scaled), count - 1)
    }

    /// SVG colour of series `index`: the hex form of its 256-colour hue.
    static func seriesHex(_ index: Int) -> String {
        let i = ((index % seriesCount) + seriesCount) % seriesCount
        return hex(ofIndexed: indexedSeries[i])
    }

    /// SVG colour for `t` in 0…1, interpolated smoothly along the ramp.
    static func rampHex(_ t: Double) -> String {
        let stops = indexedRamp.map(rgb(ofIndexed:))
        let clamped = t.isFinite ? min(max(t, 0), 1) : 0
        let position = clamped * Double(stops.count - 1)
        let lower = min(Int(position.rounded(.down)), stops.count - 2)
        let f = position - Double(lower)
        let a = stops[lower], b = stops[lower + 1]
        func mix(_ x: Int, _ y: Int) -> Int { Int((Double(x) + (Double(y) - Double(x)) * f).rounded()) }
        return hexString(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    }

    /// The RGB value of an xterm 256-colour index.
    static func rgb(ofIndexed index: UInt8) -> (Int, Int, Int) {
        let i = Int(index)
        if i >= 232 {
            let v = 8 + 10 * (i - 232)
            return (v, v, v)
        }
        if i >= 16 {
            let levels = [0, 95, 135, 175, 215, 255]
            let c = i - 16
            return (levels[c / 36], levels[(c / 6) % 6], levels[c % 6])
        }
        let basic: [(Int, Int, Int)] = [
            (0, 0, 0), (128, 0, 0), (0, 128, 0), (128, 128, 0), (0, 0, 128), (128, 0, 128),
            (0, 128, 128), (192, 192, 192), (128, 128, 128), (255, 0, 0), (0, 255, 0),
            (255, 255, 0), (0, 0, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        return basic[i]
    }

    static func hex(ofIndexed index: UInt8) -> String {
        let (r, g, b) = rgb(ofIndexed: index)
        return hexString(r, g, b)
    }

    private static func hexString(_ r: Int, _ g: Int, _ b: Int) -> String {
        let digits = Array("0123456789abcdef")
        var s = "#"
        for v in [r, g, b] {
            let c = min(max(v, 0), 255)
            s.append(digits[c / 16])
            s.append(digits[c % 16])
        }
        return s
    }
}
