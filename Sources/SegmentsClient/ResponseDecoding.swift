import Foundation
import SegmentsAPI

/// Reads answers the way the SDK's `handle_exceptions` does (reference 1.4).
enum ResponseDecoding {
    /// Throws for anything but a usable 2xx: ≥ 400 by the SDK's body-text mapping,
    /// 3xx (never followed), and a 2xx whose `detail` says the caller was throttled.
    static func check(_ result: HTTPResult, endpoint: String) throws {
        switch result.status {
        case 200..<300:
            if let detail = throttledDetail(result.body) { throw SegmentsError.apiLimit(detail) }
        case 300..<400:
            let location = result.headers.first(name: "Location") ?? "nowhere"
            throw SegmentsError.network(
                "\(endpoint): unexpected redirect (HTTP \(result.status)) to \(location); the API never redirects.")
        case 400...:
            let error = SegmentsError.fromHTTPResponse(
                status: result.status, body: String(decoding: result.body, as: UTF8.self),
                retryAfter: RetryPolicy.parseRetryAfter(result.headers.first(name: "Retry-After")))
            // The SDK calls a 400 whose text it does not recognise a NetworkError, but a
            // 400 is the server refusing our input (a field error, an empty name): report
            // it as validation, as the embedded store does, so both backends agree.
            if result.status == 400, case .network(let message) = error { throw SegmentsError.validation(message) }
            throw error
        default:
            throw SegmentsError.network("\(endpoint): unexpected HTTP \(result.status).")
        }
    }

    /// Decodes a model; the error names the endpoint and, for a model mismatch,
    /// the field. A body that is not JSON at all is a NetworkError, as in the SDK.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, endpoint: String) throws -> T {
        let model = String(describing: T.self)
        guard !data.isEmpty else {
            throw SegmentsError.network("\(endpoint) returned an empty body where \(model) was expected.")
        }
        // The tape decoder is several times faster on a sample page; wherever it is not sure
        // to agree with JSONDecoder it declines, and JSONDecoder gives the answer or the error.
        if let value = try? TapeDecoder.decode(T.self, from: data) { return value }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            let reason = (context.underlyingError as? NSError)?.localizedDescription ?? context.debugDescription
            throw SegmentsError.network(
                "\(endpoint) returned invalid JSON (\(data.count) bytes; expected \(model)): \(reason)")
        } catch let error as DecodingError {
            throw SegmentsError.validation(ModelDecoding.describe(error, model: model, context: endpoint))
        }
    }

    /// A successful body `{"detail": "… throttled …"}` means rate limiting (reference 1.4 step 3).
    /// Only small object bodies are looked at: a throttle answer is a one-liner.
    private static func throttledDetail(_ body: Data) -> String? {
        guard body.count < 4096, body.first == UInt8(ascii: "{"),
            body.range(of: Data("throttled".utf8)) != nil,
            let json = try? JSONDecoder().decode(JSONValue.self, from: body),
            let detail = json.objectValue?["detail"]?.stringValue, detail.contains("throttled")
        else { return nil }
        return detail
    }
}

extension SegmentsClient {
    /// Decodes an answer body exactly as the client does after a request (the tape decoder,
    /// JSONDecoder where it declines, the same errors): for tools and benchmarks that time
    /// or check decoding apart from the network.
    public static func decodeAnswer<T: Decodable>(_ type: T.Type, from body: Data, endpoint: String = "answer") throws
        -> T
    {
        try ResponseDecoding.decode(T.self, from: body, endpoint: endpoint)
    }
}
