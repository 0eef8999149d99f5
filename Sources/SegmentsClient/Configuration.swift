import Foundation
import SegmentsAPI

/// How a `SegmentsClient` reaches the API. Everything has the SDK's default
/// except the timeouts: the SDK waits forever, which would freeze a browser view.
public struct SegmentsClientConfiguration: Sendable {
    public static let defaultBaseURL = "https://api.segments.ai/"
    /// The SDK version whose wire protocol this client speaks (sent as `lib_version`).
    public static let protocolVersion = "1.33.0"

    /// Only scheme, host and port are used: the SDK joins absolute endpoint paths
    /// onto it, so any path in it is dropped (reference 1.1) and we do the same.
    public var baseURL: String
    /// Sent as `Authorization: APIKey <key>`; an empty key sends no header.
    public var apiKey: String
    /// Limit for one attempt: connecting, sending, and receiving the whole response.
    public var requestTimeout: Duration
    public var connectTimeout: Duration
    public var retryPolicy: RetryPolicy
    /// Ask for gzip responses (`Accept-Encoding: gzip, deflate`), as the SDK does.
    public var acceptCompressedResponses: Bool
    /// Responses larger than this fail instead of exhausting memory.
    public var maximumResponseBytes: Int
    public var userAgent: String

    public init(
        apiKey: String,
        baseURL: String = SegmentsClientConfiguration.defaultBaseURL,
        requestTimeout: Duration = .seconds(30),
        connectTimeout: Duration = .seconds(10),
        retryPolicy: RetryPolicy = .default,
        acceptCompressedResponses: Bool = true,
        maximumResponseBytes: Int = 512 * 1024 * 1024,
        userAgent: String = "segments-tui/0.1 (SegmentsClient)"
    ) {
        self.apiKey = apiKey
        self.baseURL = baseURL
        self.requestTimeout = requestTimeout
        self.connectTimeout = connectTimeout
        self.retryPolicy = retryPolicy
        self.acceptCompressedResponses = acceptCompressedResponses
        self.maximumResponseBytes = maximumResponseBytes
        self.userAgent = userAgent
    }

    /// `SEGMENTS_API_KEY` and `SEGMENTS_API_URL`, the SDK's variables. A missing key
    /// is an authentication error, as in the SDK's constructor.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> SegmentsClientConfiguration {
        guard let key = environment["SEGMENTS_API_KEY"], !key.isEmpty else {
            throw SegmentsError.authentication(
                "Please provide an API key, or set the SEGMENTS_API_KEY environment variable.")
        }
        let url = environment["SEGMENTS_API_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultBaseURL
        return SegmentsClientConfiguration(apiKey: key, baseURL: url)
    }

    /// `scheme://host[:port]` of `baseURL`, or a validation error naming the URL.
    func origin() throws -> String {
        let trimmed = baseURL.trimmingCharacters(in: .whitespaces)
        guard let schemeEnd = trimmed.range(of: "://") else {
            throw SegmentsError.validation("API URL \"\(baseURL)\" has no scheme (expected http:// or https://).")
        }
        let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else {
            throw SegmentsError.validation("API URL \"\(baseURL)\" must use http or https.")
        }
        let rest = trimmed[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.isEmpty else {
            throw SegmentsError.validation("API URL \"\(baseURL)\" has no host.")
        }
        return scheme + "://" + authority
    }
}
