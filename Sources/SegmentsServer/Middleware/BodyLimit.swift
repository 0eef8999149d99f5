import HTTPTypes
import Hummingbird

/// Reads the request body up to the configured size. A declared Content-Length
/// over the limit is refused before a byte is read.
enum BodyLimit {
    enum Failure: Error, Equatable { case tooLarge }

    static func collect(_ request: Request, maxBytes: Int) async throws -> ByteBuffer {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > maxBytes {
            throw Failure.tooLarge
        }
        do {
            return try await request.body.collect(upTo: maxBytes)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw Failure.tooLarge
        }
    }
}
