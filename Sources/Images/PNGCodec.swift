import CPNG
import Foundation

/// PNG through libpng's simplified API (errors come back as text, not longjmp).
public enum PNGCodec {
    /// Decodes any PNG (palette, grey, 16-bit, with or without alpha) to 8-bit RGBA.
    public static func decode(_ data: Data, maximumPixels: Int = ImageDecoder.maximumPixels) throws -> RGBAImage {
        guard !data.isEmpty else { throw ImageError.empty }
        // libpng reads from the caller's memory until the image is finished, so both
        // steps run while the bytes are pinned.
        return try data.withUnsafeBytes { raw -> RGBAImage in
            var image = png_image()
            guard cpng_begin_read(&image, raw.baseAddress, raw.count) != 0 else {
                throw ImageError.corruptPNG(message(image))
            }
            let size = PixelSize(width: Int(image.width), height: Int(image.height))
            guard size.width > 0, size.height > 0, size.width * size.height <= maximumPixels else {
                cpng_abort_read(&image)
                throw ImageError.tooLarge(size)
            }
            var pixels = [UInt8](repeating: 0, count: size.width * size.height * 4)
            let finished = pixels.withUnsafeMutableBytes { out in cpng_finish_read(&image, out.baseAddress) }
            guard finished != 0 else { throw ImageError.corruptPNG(message(image)) }
            guard let result = RGBAImage(width: size.width, height: size.height, bytes: pixels) else {
                throw ImageError.corruptPNG("size mismatch")
            }
            return result
        }
    }

    /// Encodes RGBA losslessly.
    public static func encode(_ image: RGBAImage) throws -> Data {
        guard image.width > 0, image.height > 0 else { throw ImageError.empty }
        var size = 0
        let measured = image.bytes.withUnsafeBytes { pixels in
            cpng_write_rgba(pixels.baseAddress, UInt32(image.width), UInt32(image.height), nil, &size)
        }
        guard measured != 0, size > 0 else { throw ImageError.corruptPNG("cannot encode") }
        var output = Data(count: size)
        let written = output.withUnsafeMutableBytes { out in
            image.bytes.withUnsafeBytes { pixels in
                cpng_write_rgba(pixels.baseAddress, UInt32(image.width), UInt32(image.height), out.baseAddress, &size)
            }
        }
        guard written != 0 else { throw ImageError.corruptPNG("cannot encode") }
        return output.prefix(size)
    }

    private static func message(_ image: png_image) -> String {
        var copy = image
        return withUnsafePointer(to: &copy) { String(cString: cpng_message($0)) }
    }
}
