import NeuritePixels

/// What a terminal answered to ``TerminalQuery/request``: parsed from the raw bytes it sent back,
/// in any order and with anything else mixed in.
struct TerminalReplies: Equatable {
    /// The kitty graphics query was answered `OK` (`ESC _ G i=31 ; OK ESC \`).
    var kittyGraphics = false
    /// The primary device attributes reply (`ESC [ ? 62 ; 4 ; … c`) arrived: every VT100-style
    /// terminal sends one, so it marks the end of the answers.
    var deviceAttributes: [Int]?
    /// The cell size from the `ESC [ 16 t` reply (`ESC [ 6 ; HEIGHT ; WIDTH t`).
    var cell: CellSize?
    /// The terminal's name and version from XTVERSION (`ESC P > | NAME ESC \`).
    var version: String?

    /// Attribute 4 of the device attributes: sixel graphics.
    var sixel: Bool { deviceAttributes?.contains(4) ?? false }

    /// Whether `bytes` hold the device attributes reply (the last answer asked for).
    static func isComplete(_ bytes: [UInt8]) -> Bool {
        TerminalReplies(bytes).deviceAttributes != nil
    }

    init() {}

    init(_ bytes: [UInt8]) {
        let escape: UInt8 = 0x1B
        var index = 0
        while index < bytes.count {
            guard bytes[index] == escape, index + 1 < bytes.count else {
                index += 1
                continue
            }
            let kind = bytes[index + 1]
            if kind == UInt8(ascii: "[") {
                // CSI: parameter bytes, then one final byte in @…~.
                var end = index + 2
                while end < bytes.count, !(0x40...0x7E).contains(bytes[end]) { end += 1 }
                guard end < bytes.count else { break }
                let parameters = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
                interpretCSI(parameters, final: bytes[end])
                index = end + 1
            } else if kind == UInt8(ascii: "_") || kind == UInt8(ascii: "P") {
                // APC or DCS, up to the string terminator ESC \.
                var end = index + 2
                while end + 1 < bytes.count, !(bytes[end] == escape && bytes[end + 1] == UInt8(ascii: "\\")) { end += 1 }
                guard end + 1 < bytes.count else { break }
                let body = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
                if kind == UInt8(ascii: "_") {
                    if body.hasPrefix("Gi=31;") || body.hasPrefix("Gi=31,") { kittyGraphics = body.hasSuffix(";OK") }
                } else if body.hasPrefix(">|") {
                    version = String(body.dropFirst(2))
                }
                index = end + 2
            } else {
                index += 2
            }
        }
    }

    private mutating func interpretCSI(_ parameters: String, final: UInt8) {
        if final == UInt8(ascii: "c"), parameters.hasPrefix("?") {
            deviceAttributes = parameters.dropFirst().split(separator: ";").compactMap { Int($0) }
        } else if final == UInt8(ascii: "t") {
            let numbers = parameters.split(separator: ";").compactMap { Int($0) }
            if numbers.count == 3, numbers[0] == 6 { cell = CellSize(width: numbers[2], height: numbers[1]) }
        }
    }
}
