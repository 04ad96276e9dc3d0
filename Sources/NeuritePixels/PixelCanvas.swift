import CRsvg

/// Why pixels could not be made.
public enum PixelError: Error, Equatable, CustomStringConvertible {
    /// A picture must be between 1 and ``PixelCanvas/maximumSide`` pixels on each side.
    case invalidSize(width: Int, height: Int)
    /// cairo could not create or encode the surface (its status message).
    case cairo(String)
    /// librsvg rejected the SVG document (its message).
    case svg(String)
    /// libsixel could not encode the pixels (its status code).
    case sixel(Int)

    public var description: String {
        switch self {
        case .invalidSize(let width, let height):
            "a picture of \(width)×\(height) pixels is not possible (1 to \(PixelCanvas.maximumSide) each way)"
        case .cairo(let message): "cairo: \(message)"
        case .svg(let message): "librsvg: \(message)"
        case .sixel(let status): "libsixel failed (status \(status))"
        }
    }
}

/// An opaque picture in memory (a cairo image surface), painted white, on which SVG documents are
/// drawn by librsvg; read back as PNG bytes or as RGB pixels. Not thread-safe: one owner at a time.
public final class PixelCanvas {
    /// The largest width or height accepted.
    public static let maximumSide = 8192

    public let width: Int
    public let height: Int
    private let surface: OpaquePointer
    private let context: OpaquePointer

    /// A `width` × `height` picture filled with white.
    public init(width: Int, height: Int) throws(PixelError) {
        guard (1...Self.maximumSide).contains(width), (1...Self.maximumSide).contains(height) else {
            throw .invalidSize(width: width, height: height)
        }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else {
            throw .cairo("no image surface")
        }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw .cairo(String(cString: cairo_status_to_string(status)))
        }
        self.width = width
        self.height = height
        self.surface = surface
        self.context = context
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// Draws the SVG document `svg` scaled into the rectangle at (`x`, `y`) of `width` × `height`
    /// pixels (the document's viewBox is fitted to it, keeping its aspect ratio).
    public func draw(svg: String, x: Int = 0, y: Int = 0, width: Int, height: Int) throws(PixelError) {
        var error: UnsafeMutablePointer<GError>?
        let bytes = Array(svg.utf8)
        let handle = bytes.withUnsafeBufferPointer { buffer in
            rsvg_handle_new_from_data(buffer.baseAddress, gsize(buffer.count), &error)
        }
        guard let handle else { throw .svg(Self.consume(error)) }
        defer { g_object_unref(UnsafeMutableRawPointer(handle)) }
        var viewport = RsvgRectangle(x: Double(x), y: Double(y), width: Double(width), height: Double(height))
        guard rsvg_handle_render_document(handle, context, &viewport, &error) != 0 else {
            throw .svg(Self.consume(error))
        }
    }

    /// The picture as a PNG file's bytes (cairo's encoder).
    public func pngData() throws(PixelError) -> [UInt8] {
        final class Collector { var bytes: [UInt8] = [] }
        let collector = Collector()
        let status = withExtendedLifetime(collector) {
            cairo_surface_write_to_png_stream(
                surface,
                { closure, data, length in
                    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
                    let collector = Unmanaged<Collector>.fromOpaque(closure).takeUnretainedValue()
                    collector.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
                    return CAIRO_STATUS_SUCCESS
                },
                Unmanaged.passUnretained(collector).toOpaque())
        }
        guard status == CAIRO_STATUS_SUCCESS else { throw .cairo(String(cString: cairo_status_to_string(status))) }
        return collector.bytes
    }

    /// The pixels as `width × height × 3` bytes, red, green, blue, row by row from the top.
    public func rgbPixels() -> [UInt8] {
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else {
            return [UInt8](repeating: 255, count: width * height * 3)
        }
        let (width, height) = (self.width, self.height)
        return [UInt8](unsafeUninitializedCapacity: width * height * 3) { out, count in
            for row in 0..<height {
                // ARGB32 is one native-endian 32-bit word per pixel; the canvas is opaque, so the
                // premultiplied colour is the colour.
                let words = UnsafeRawPointer(data + row &* stride).assumingMemoryBound(to: UInt32.self)
                var index = row &* width &* 3
                for column in 0..<width {
                    let word = words[column]
                    out[index] = UInt8(truncatingIfNeeded: word >> 16)
                    out[index &+ 1] = UInt8(truncatingIfNeeded: word >> 8)
                    out[index &+ 2] = UInt8(truncatingIfNeeded: word)
                    index &+= 3
                }
            }
            count = width * height * 3
        }
    }

    /// The message of a GError (freed here).
    private static func consume(_ error: UnsafeMutablePointer<GError>?) -> String {
        guard let error else { return "unknown error" }
        defer { g_error_free(error) }
        return error.pointee.message.map { String(cString: $0) } ?? "unknown error"
    }
}
