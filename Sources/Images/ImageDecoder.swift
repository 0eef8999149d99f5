import Foundation

/// An image decoded for showing: its pixels (maybe scaled down while decoding) and the
/// size of the original, which label coordinates refer to.
public struct DecodedImage: Hashable, Sendable {
    public var image: RGBAImage
    public var originalSize: PixelSize

    public init(image: RGBAImage, originalSize: PixelSize) {
        self.image = image
        self.originalSize = originalSize
    }

    /// Pixels of `image` per pixel of the original, per axis.
    public var scaleX: Double { originalSize.width > 0 ? Double(image.width) / Double(originalSize.width) : 1 }
    public var scaleY: Double { originalSize.height > 0 ? Double(image.height) / Double(originalSize.height) : 1 }
}

/// Bytes in, pixels out: the format from the bytes themselves, JPEG or PNG.
public enum ImageDecoder {
    /// 100 megapixels: above any camera the tool will meet, below what would exhaust memory.
    public static let maximumPixels = 100_000_000

    /// Decodes `data`; a JPEG is scaled down while decoding to about `fitting`.
    /// `contentType` only improves the error for something that is not an image.
    public static func decode(_ data: Data, contentType: String? = nil, fitting target: PixelSize? = nil) throws
        -> DecodedImage
    {
        guard !data.isEmpty else { throw ImageError.empty }
        switch ImageFormat(sniffing: data, contentType: contentType) {
        case .jpeg:
            let (image, original) = try JPEGCodec.decode(data, fitting: target)
            return DecodedImage(image: image, originalSize: original)
        case .png:
            let image = try PNGCodec.decode(data)
            return DecodedImage(image: image, originalSize: PixelSize(width: image.width, height: image.height))
        case .other(let kind):
            throw ImageError.notAnImage(kind)
        }
    }
}
