import CSixel

/// RGB pixels to a DEC sixel escape sequence (`ESC P … q … ESC \`) through libsixel.
enum SixelEncoder {
    /// Encodes `rgb` (`width × height × 3` bytes, row by row) with a palette of at most 256 colours
    /// chosen from the picture, without error diffusion.
    static func encode(rgb: [UInt8], width: Int, height: Int) throws(PixelError) -> String {
        guard width > 0, height > 0, rgb.count == width * height * 3 else {
            throw .invalidSize(width: width, height: height)
        }
        final class Collector { var bytes: [UInt8] = [] }
        let collector = Collector()
        var output: OpaquePointer?
        let writer: sixel_write_function = { data, size, closure in
            guard let data, let closure, size > 0 else { return 0 }
            let collector = Unmanaged<Collector>.fromOpaque(closure).takeUnretainedValue()
            data.withMemoryRebound(to: UInt8.self, capacity: Int(size)) {
                collector.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(size)))
            }
            return size
        }
        var status = sixel_output_new(&output, writer, Unmanaged.passUnretained(collector).toOpaque(), nil)
        guard !failed(status), let output else { throw .sixel(Int(status)) }
        defer { sixel_output_unref(output) }
        var dither: OpaquePointer?
        status = sixel_dither_new(&dither, 256, nil)
        guard !failed(status), let dither else { throw .sixel(Int(status)) }
        defer { sixel_dither_unref(dither) }
        var pixels = rgb
        status = pixels.withUnsafeMutableBufferPointer { buffer in
            sixel_dither_initialize(
                dither, buffer.baseAddress, Int32(width), Int32(height), SIXEL_PIXELFORMAT_RGB888,
                SIXEL_LARGE_AUTO, SIXEL_REP_AUTO, SIXEL_QUALITY_AUTO)
        }
        guard !failed(status) else { throw .sixel(Int(status)) }
        sixel_dither_set_diffusion_type(dither, SIXEL_DIFFUSE_NONE)
        status = withExtendedLifetime(collector) {
            pixels.withUnsafeMutableBufferPointer { buffer in
                sixel_encode(buffer.baseAddress, Int32(width), Int32(height), 3, dither, output)
            }
        }
        guard !failed(status) else { throw .sixel(Int(status)) }
        return String(decoding: collector.bytes, as: UTF8.self)
    }

    /// libsixel's `SIXEL_FAILED(status)`.
    private static func failed(_ status: SIXELSTATUS) -> Bool { status & 0x1000 != 0 }
}
