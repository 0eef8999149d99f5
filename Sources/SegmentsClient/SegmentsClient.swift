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
}
