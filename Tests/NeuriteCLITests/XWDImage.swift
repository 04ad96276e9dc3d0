import Foundation

/// A screenshot in the X Window Dump format that `xwd` writes, read for the 24/32-bit TrueColor
/// (ZPixmap) pictures of an Xvfb screen: a big-endian header of 25 32-bit fields, the window
/// name, the colour map, then rows of pixels decoded with the header's channel masks.
struct XWDImage {
    let width: Int
    let height: Int
    private let pixels: [UInt32]
    private let masks: (red: UInt32, green: UInt32, blue: UInt32)

    struct Failure: Error, CustomStringConvertible { var description: String }

    init(_ data: [UInt8]) throws {
        guard data.count >= 100 else { throw Failure(description: "an XWD file has a 100-byte header") }
        func field(_ index: Int) -> Int {
            let at = index * 4
            return Int(data[at]) << 24 | Int(data[at + 1]) << 16 | Int(data[at + 2]) << 8 | Int(data[at + 3])
        }
        let headerSize = field(0), format = field(2), width = field(4), height = field(5)
        let byteOrder = field(7), bitsPerPixel = field(11), bytesPerLine = field(12)
        let colorCount = field(19)
        guard format == 2, bitsPerPixel == 32 else {
            throw Failure(description: "only 32-bit ZPixmap dumps are read (format \(format), \(bitsPerPixel) bits)")
        }
        let start = headerSize + colorCount * 12
        guard width > 0, height > 0, start + bytesPerLine * height <= data.count else {
            throw Failure(description: "truncated XWD file")
        }
        var pixels = [UInt32](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let at = start + y * bytesPerLine + x * 4
                let bytes = (UInt32(data[at]), UInt32(data[at + 1]), UInt32(data[at + 2]), UInt32(data[at + 3]))
                pixels[y * width + x] = byteOrder == 0
                    ? bytes.0 | bytes.1 << 8 | bytes.2 << 16 | bytes.3 << 24
                    : bytes.3 | bytes.2 << 8 | bytes.1 << 16 | bytes.0 << 24
            }
        }
        self.width = width
        self.height = height
        self.pixels = pixels
        masks = (UInt32(field(14)), UInt32(field(15)), UInt32(field(16)))
    }

    /// Red, green and blue (0…255) of the pixel at (`x`, `y`).
    func rgb(_ x: Int, _ y: Int) -> (r: Int, g: Int, b: Int) {
        let value = pixels[y * width + x]
        func channel(_ mask: UInt32) -> Int {
            guard mask != 0 else { return 0 }
            let shifted = (value & mask) >> UInt32(mask.trailingZeroBitCount)
            let maximum = mask >> UInt32(mask.trailingZeroBitCount)
            return Int(shifted * 255 / maximum)
        }
        return (channel(masks.red), channel(masks.green), channel(masks.blue))
    }

    /// How many pixels satisfy `condition`.
    func count(where condition: (_ r: Int, _ g: Int, _ b: Int) -> Bool) -> Int {
        var total = 0
        for y in 0..<height {
            for x in 0..<width {
                let (r, g, b) = rgb(x, y)
                if condition(r, g, b) { total += 1 }
            }
        }
        return total
    }
}
