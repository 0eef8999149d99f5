/// Why an image could not be shown, in words fit for a one-line note in its frame.
public enum ImageError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bytes are something else: an HTML error page, JSON, a format we do not decode.
    case notAnImage(String)
    case corruptJPEG(String)
    case corruptPNG(String)
    /// Larger than we are willing to decode (a decompression bomb or a mistake).
    case tooLarge(PixelSize)
    case empty

    public var description: String {
        switch self {
        case .notAnImage(let kind): "not an image: \(kind)"
        case .corruptJPEG(let detail): detail.isEmpty ? "corrupt JPEG" : "corrupt JPEG (\(detail))"
        case .corruptPNG(let detail): detail.isEmpty ? "corrupt PNG" : "corrupt PNG (\(detail))"
        case .tooLarge(let size): "image too large to show (\(size))"
        case .empty: "empty image"
        }
    }
}
