import Foundation

/// What a byte string is, by its first bytes: servers label error pages `image/jpeg`
/// too often for the Content-Type to be trusted on its own.
public enum ImageFormat: Hashable, Sendable {
    case jpeg
    case png
    /// Anything else, with the best short name for it ("text/html", "GIF image" …).
    case other(String)

    public init(sniffing data: Data, contentType: String? = nil) {
        let head = [UInt8](data.prefix(16))
        if head.starts(with: [0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else {
            self = .other(Self.describe(head: head, data: data, contentType: contentType))
        }
    }

    private static func describe(head: [UInt8], data: Data, contentType: String?) -> String {
        if head.starts(with: Array("GIF8".utf8)) { return "image/gif (not supported)" }
        if head.count >= 12, head.starts(with: Array("RIFF".utf8)), Array(head[8..<12]) == Array("WEBP".utf8) {
            return "image/webp (not supported)"
        }
        let text = String(decoding: data.prefix(256), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if text.hasPrefix("<!doctype html") || text.hasPrefix("<html") { return "text/html" }
        if text.hasPrefix("<?xml") || text.hasPrefix("<svg") { return "image/svg+xml (not supported)" }
        if text.hasPrefix("{") || text.hasPrefix("[") { return "application/json" }
        if let contentType, !contentType.isEmpty {
            // Only the media type, never parameters or anything a server could put there.
            let media = contentType.split(separator: ";").first.map(String.init) ?? contentType
            let cleaned = media.trimmingCharacters(in: .whitespaces).lowercased()
            if cleaned.count <= 60, cleaned.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "/.+-".contains($0)) }) {
                return cleaned
            }
        }
        if text.hasPrefix("<") { return "text/html" }
        return "unknown data"
    }
}
