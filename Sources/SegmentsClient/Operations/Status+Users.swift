import Foundation
import SegmentsAPI

extension SegmentsClient {
    /// `GET /api_status/?lib_version=1.33.0`, mapped like the SDK's constructor
    /// (reference 1.5): 426 only means a newer SDK exists, 429 is rate limiting,
    /// and most other errors mean the key is wrong.
    public func checkAPIStatus() async throws {
        let request = APIRequest(
            method: API.apiStatus.method, path: API.apiStatus.path(),
            query: [("lib_version", SegmentsClientConfiguration.protocolVersion)])
        let result = try await transport.send(request)
        switch result.status {
        case 426:
            transport.logger.warning("The API reports that a newer version of the SDK protocol exists.")
            return
        case 429:
            throw SegmentsError.apiLimit(
                "Initialization failed due to rate limiting.",
                retryAfter: RetryPolicy.parseRetryAfter(result.headers.first(name: "Retry-After")))
        case 400...:
            let body = String(decoding: result.body, as: UTF8.self)
            switch SegmentsError.fromHTTPResponse(status: result.status, body: body) {
            case .authentication(let message): throw SegmentsError.authentication(message)
            case .authorization(let message): throw SegmentsError.authorization(message)
            case .timeout(let message): throw SegmentsError.timeout(message)
            default:
                throw SegmentsError.authentication(
                    "Something went wrong. Did you use the right API key? (HTTP \(result.status) from \(apiURL))")
            }
        default:
            try ResponseDecoding.check(result, endpoint: request.summary)
        }
    }

    /// `GET /user` or `GET /users/{username}` — no trailing slash, as the SDK sends it.
    public func getUser(_ username: String?) async throws -> User {
        guard let username else { return try await call(API.getAuthenticatedUser) }
        return try await call(API.getUser, username)
    }
}
