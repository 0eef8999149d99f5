import CompressNIO
import Foundation
import NIOCore

/// The SDK gzips sample and label bodies (reference 1.3); any route accepts them.
enum GzipBody {
    enum Failure: Error, Equatable {
        case tooLarge
        case corrupt
        case unsupportedEncoding
    }

    /// The body with its `Content-Encoding` removed; `maxBytes` bounds the inflated size (gzip bombs).
    static func decode(_ body: ByteBuffer, contentEncoding: String?, maxBytes: Int) throws(Failure) -> ByteBuffer {
        let encoding = contentEncoding?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        switch encoding {
        case "", "identity":
            return body
        case "gzip", "x-gzip":
            guard body.readableBytes > 0 else { return body }
            var input = body
            do {
                return try input.decompress(with: .gzip, maxSize: maxBytes)
            } catch let error as CompressNIOError where error == .bufferOverflow {
                throw .tooLarge
            } catch {
                throw .corrupt
            }
        default:
            throw .unsupportedEncoding
        }
    }
}
