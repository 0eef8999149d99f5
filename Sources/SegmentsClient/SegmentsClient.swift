import Foundation
import Logging
import SegmentsAPI

/// `SegmentsService` over the Segments.ai HTTP API (or `segments-tui serve`),
/// speaking the wire protocol of the official Python SDK 1.33.0.
///
/// Owns one `HTTPClient` on the process-wide NIO event loop group: create one
/// client per API/key and call `shutdown()` when done.
public final class SegmentsClient: SegmentsService {
    public let configuration: SegmentsClientConfiguration
    let transport: Transport

    /// Validates the base URL; makes no request (call `checkAPIStatus()` for the
    /// SDK constructor's key check).
    public init(configuration: SegmentsClientConfiguration, logger: Logger = Logger(label: "segments.client"))
        throws
    {
        self.configuration = configuration
        self.transport = try Transport(configuration: configuration, logger: logger)
    }

    public convenience init(apiKey: String, baseURL: String = SegmentsClientConfiguration.defaultBaseURL) throws {
        try self.init(configuration: SegmentsClientConfiguration(apiKey: apiKey, baseURL: baseURL))
    }

    /// A client configured by `SEGMENTS_API_KEY` and `SEGMENTS_API_URL`.
    public static func fromEnvironment(logger: Logger = Logger(label: "segments.client")) throws -> SegmentsClient {
        try SegmentsClient(configuration: .fromEnvironment(), logger: logger)
    }

    /// `scheme://host[:port]/`: where requests go, the base URL's path dropped.
    public var apiURL: String { transport.origin + "/" }

    /// Closes the connections. In-flight requests fail; the client cannot be used again.
    public func shutdown() async throws {
        try await transport.shutdown()
    }

    // MARK: Request helpers shared by the operations

    /// Sends the call and decodes its JSON answer as `T`.
    func call<T: Decodable>(_ endpoint: Endpoint, as type: T.Type = T.self) async throws -> T {
        let body = try await callReturningBody(endpoint)
        return try ResponseDecoding.decode(T.self, from: body, endpoint: endpoint.summary)
    }

    /// Sends the call; the answer's body is checked (as the SDK does) but not used.
    func callIgnoringBody(_ endpoint: Endpoint) async throws {
        _ = try await callReturningBody(endpoint)
    }

    private func callReturningBody(_ endpoint: Endpoint) async throws -> Data {
        let result = try await transport.send(endpoint)
        try ResponseDecoding.check(result, endpoint: endpoint.summary)
        return result.body
    }

    /// JSON for a request body; the request types' `Codable` output is the SDK's wire format.
    static func json(_ value: some Encodable) throws -> Data {
        do {
            return try JSONEncoder().encode(value)
        } catch {
            throw SegmentsError.validation("Could not encode the request body: \(error)")
        }
    }
}
