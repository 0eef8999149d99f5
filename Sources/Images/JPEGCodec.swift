import CTurboJPEG
import Foundation

/// JPEG through libjpeg-turbo's TurboJPEG API. Decoding uses its DCT scaling: a 4000 px
/// photo shown in a 400 px wide frame is decoded at 1/8 size, which is most of the speed.
public enum JPEGCodec {
    /// Decodes to RGBA, scaled down as far as showing it fitted into `fitting` allows (see
    /// `scaledSize`). Returns the image and its full size.
    public static func decode(_ data: Data, fitting target: PixelSize? = nil, maximumPixels: Int = ImageDecoder.maximumPixels)
        throws -> (image: RGBAImage, originalSize: PixelSize)
    {
        guard !data.isEmpty else { throw ImageError.empty }
        guard let handle = tjInitDecompress() else { throw ImageError.corruptJPEG("decoder unavailable") }
        defer { tjDestroy(handle) }
        return try data.withUnsafeBytes { raw -> (RGBAImage, PixelSize) in
            guard let base = raw.bindMemory(to: UInt8.self).baseAddress else { throw ImageError.empty }
            var width: Int32 = 0
            var height: Int32 = 0
            var subsampling: Int32 = 0
            var colorspace: Int32 = 0
            guard tjDecompressHeader3(handle, base, UInt(raw.count), &width, &height, &subsampling, &colorspace) == 0,
                width > 0, height > 0
            else { throw ImageError.corruptJPEG(errorText(handle)) }
            let original = PixelSize(width: Int(width), height: Int(height))
            guard original.width * original.height <= maximumPixels else { throw ImageError.tooLarge(original) }
            let scaled = scaledSize(of: original, fitting: target)
            var pixels = [UInt8](repeating: 0, count: scaled.width * scaled.height * 4)
            let status = pixels.withUnsafeMutableBufferPointer { out in
                tjDecompress2(
                    handle, base, UInt(raw.count), out.baseAddress, Int32(scaled.width), 0, Int32(scaled.height),
                    Int32(TJPF_RGBA.rawValue), TJFLAG_FASTDCT)
            }
            // A warning (a truncated file, say) still leaves a usable picture; only a hard error fails.
            if status != 0 && tjGetErrorCode(handle) == Int32(TJERR_FATAL.rawValue) {
                throw ImageError.corruptJPEG(errorText(handle))
            }
            guard let image = RGBAImage(width: scaled.width, height: scaled.height, bytes: pixels) else {
                throw ImageError.corruptJPEG("size mismatch")
            }
            return (image, original)
        }
    }

    /// The size TurboJPEG will decode to: the smallest of its scaling factors (1/8 … 1) that
    /// still shows the picture at full detail when it is fitted, aspect kept, into `target`.
    public static func scaledSize(of original: PixelSize, fitting target: PixelSize?) -> PixelSize {
        guard let target, target.width > 0, target.height > 0, original.width > 0, original.height > 0 else {
            return original
        }
        let needed = min(
            Double(target.width) / Double(original.width), Double(target.height) / Double(original.height), 1)
        var count: Int32 = 0
        guard let factors = tjGetScalingFactors(&count), count > 0 else { return original }
        var best = original
        for index in 0..<Int(count) {
            let factor = factors[index]
            guard factor.num <= factor.denom, Double(factor.num) / Double(factor.denom) >= needed else { continue }
            let candidate = PixelSize(width: scale(original.width, factor), height: scale(original.height, factor))
            if candidate.width * candidate.height < best.width * best.height { best = candidate }
        }
        return best
    }

    /// TurboJPEG's `TJSCALED` macro, which Swift cannot import.
    private static func scale(_ dimension: Int, _ factor: tjscalingfactor) -> Int {
        (dimension * Int(factor.num) + Int(factor.denom) - 1) / Int(factor.denom)
    }

    /// Encodes RGBA (alpha ignored) at `quality` (1...100), 4:2:0 like cameras do.
    public static func encode(_ image: RGBAImage, quality: Int = 85) throws -> Data {
        guard image.width > 0, image.height > 0 else { throw ImageError.empty }
        guard let handle = tjInitCompress() else { throw ImageError.corruptJPEG("encoder unavailable") }
        defer { tjDestroy(handle) }
        var output: UnsafeMutablePointer<UInt8>? = nil
        var size: UInt = 0
        let status = image.bytes.withUnsafeBufferPointer { pixels in
            tjCompress2(
                handle, pixels.baseAddress, Int32(image.width), 0, Int32(image.height), Int32(TJPF_RGBA.rawValue),
                &output, &size, Int32(TJSAMP_420.rawValue), Int32(max(1, min(100, quality))), TJFLAG_FASTDCT)
        }
        defer { if let output { tjFree(output) } }
        guard status == 0, let output else { throw ImageError.corruptJPEG(errorText(handle)) }
        return Data(bytes: output, count: Int(size))
    }

    private static func errorText(_ handle: tjhandle) -> String {
        guard let text = tjGetErrorStr2(handle) else { return "" }
        return String(cString: text)
    }
}
