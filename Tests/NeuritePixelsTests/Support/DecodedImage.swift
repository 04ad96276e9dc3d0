import CRsvg
import Foundation

/// An RGB picture decoded from PNG bytes by cairo's PNG reader (a decoder, independent of the
/// encoding path under test), or read from any PNG file (e.g. what `sixel2png` wrote).
struct DecodedImage {
    let width: Int
    let height: Int
    /// Row-major red, green, blue.
    let rgb: [UInt8]

    struct Failure: Error, CustomStringConvertible { var description: String }

    init(png bytes: [UInt8]) throws {
        final class Reader {
            let bytes: [UInt8]
            var offset = 0
            init(_ bytes: [UInt8]) { self.bytes = bytes }
        }
        let reader = Reader(bytes)
        let surface = withExtendedLifetime(reader) {
            cairo_image_surface_create_from_png_stream(
                { closure, data, length in
                    guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
                    let reader = Unmanaged<Reader>.fromOpaque(closure).takeUnretainedValue()
                    let count = Int(length)
                    guard reader.offset + count <= reader.bytes.count else { return CAIRO_STATUS_READ_ERROR }
                    reader.bytes.withUnsafeBufferPointer { buffer in
                        data.update(from: buffer.baseAddress! + reader.offset, count: count)
                    }
                    reader.offset += count
                    return CAIRO_STATUS_SUCCESS
                },
                Unmanaged.passUnretained(reader).toOpaque())
        }
        guard let surface, cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw Failure(description: "cairo could not decode the PNG")
        }
        defer { cairo_surface_destroy(surface) }
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let format = cairo_image_surface_get_format(surface)
        guard let data = cairo_image_surface_get_data(surface) else { throw Failure(description: "no pixel data") }
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width {
                let word = row[x]
                // ARGB32 is premultiplied: composite over white.
                let alpha = format == CAIRO_FORMAT_ARGB32 ? Int(word >> 24) : 255
                let index = (y * width + x) * 3
                for (channel, shift) in [(0, 16), (1, 8), (2, 0)] {
                    let premultiplied = Int((word >> UInt32(shift)) & 0xFF)
                    rgb[index + channel] = UInt8(min(255, premultiplied + (255 - alpha)))
                }
            }
        }
        self.rgb = rgb
    }

    init(pngFile path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "cannot read \(path)")
        }
        try self.init(png: [UInt8](data))
    }

    init(width: Int, height: Int, rgb: [UInt8]) {
        self.width = width
        self.height = height
        self.rgb = rgb
    }

    func pixel(_ x: Int, _ y: Int) -> RGB {
        let index = (y * width + x) * 3
        return RGB(rgb[index], rgb[index + 1], rgb[index + 2])
    }

    /// The fraction of pixels that are not (nearly) white.
    var inkFraction: Double {
        var ink = 0
        for index in stride(from: 0, to: rgb.count, by: 3) where rgb[index] < 245 || rgb[index + 1] < 245 || rgb[index + 2] < 245 {
            ink += 1
        }
        return Double(ink) / Double(max(1, width * height))
    }
}

/// A colour, compared with a tolerance per channel.
struct RGB: Equatable, CustomStringConvertible {
    var r, g, b: Int
    init(_ r: UInt8, _ g: UInt8, _ b: UInt8) { (self.r, self.g, self.b) = (Int(r), Int(g), Int(b)) }
    init(r: Int, g: Int, b: Int) { (self.r, self.g, self.b) = (r, g, b) }

    /// `#rrggbb`, or nil.
    init?(hex: String) {
        guard hex.count == 7, hex.first == "#", let value = Int(hex.dropFirst(), radix: 16) else { return nil }
        self.init(r: value >> 16 & 0xFF, g: value >> 8 & 0xFF, b: value & 0xFF)
    }

    func isClose(to other: RGB, tolerance: Int) -> Bool {
        abs(r - other.r) <= tolerance && abs(g - other.g) <= tolerance && abs(b - other.b) <= tolerance
    }

    var description: String { "rgb(\(r), \(g), \(b))" }
}
