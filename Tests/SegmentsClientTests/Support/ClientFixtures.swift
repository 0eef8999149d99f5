import Foundation
import SegmentsAPI
import SegmentsClient
import Testing

/// Retries quick enough for tests, the same shape as the default.
let fastRetries = RetryPolicy(
    maximumAttempts: 4, initialBackoff: .milliseconds(10), maximumBackoff: .milliseconds(50),
    maximumRetryAfter: .seconds(5))

let testKey = "test-key-0123456789abcdef"

/// Runs `body` with a client talking to a fresh fault server, then shuts both down.
func withFaultServer(
    _ replies: [FaultReply] = [], fallback: FaultReply = .notFound, retry: RetryPolicy = fastRetries,
    timeout: Duration = .seconds(10), apiKey: String = testKey,
    _ body: (SegmentsClient, FaultServer) async throws -> Void
) async throws {
    let server = try await FaultServer.start(FaultScript(replies, fallback: fallback))
    let client = try SegmentsClient(
        configuration: SegmentsClientConfiguration(
            apiKey: apiKey, baseURL: server.baseURL, requestTimeout: timeout, retryPolicy: retry))
    do {
        try await body(client, server)
    } catch {
        try await client.shutdown()
        await server.stop()
        throw error
    }
    try await client.shutdown()
    await server.stop()
}

/// The error `body` throws (nil if it throws none).
func caught(_ body: () async throws -> Void) async -> (any Error)? {
    do {
        try await body()
        return nil
    } catch {
        return error
    }
}

/// The SegmentsError `body` throws; records an issue when it throws nothing or something else.
func segmentsError(
    _ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation
) async -> SegmentsError? {
    let error = await caught(body)
    guard let error else {
        Issue.record("expected a SegmentsError, nothing was thrown", sourceLocation: sourceLocation)
        return nil
    }
    guard let segmentsError = error as? SegmentsError else {
        Issue.record("expected a SegmentsError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
    return segmentsError
}

func parseJSON(_ text: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
}

func parseJSON(_ data: Data) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: data)
}

/// Canned JSON of the models, valid for the SDK's validation (reference section 4).
enum CannedJSON {
    static let owner = #"{"username": "jane", "created_at": "2024-05-01T12:00:00.000000Z"}"#
    static func dataset(name: String = "ds") -> String {
        """
        {"name": "\(name)", "full_name": "jane/\(name)", "description": "", "category": "other", "public": false,
         "archived": false, "owner": \(owner), "created_at": "2024-05-01T12:00:00.000000Z",
         "enable_ratings": false, "enable_skip_labeling": true, "enable_skip_reviewing": false,
         "enable_save_button": false, "enable_label_status_verified": false,
         "enable_same_dimensions_track_constraint": false, "enable_3d_region_of_interest": false,
         "enable_interpolation": true, "use_timestamps_for_interpolation": false, "enable_object_linking": false,
         "task_type": "bboxes", "label_stats": {}, "metadata": {}}
        """
    }
    static func sample(name: String) -> String {
        """
        {"uuid": "\(UUID().uuidString.lowercased())", "name": "\(name)", "metadata": {},
         "created_at": "2024-05-01T12:00:00.000000Z", "created_by": "jane", "priority": 0,
         "attributes": {"image": {"url": "http://example.invalid/\(name)"}}}
        """
    }
    static func samples(_ names: [String]) -> String { "[" + names.map(sample(name:)).joined(separator: ",") + "]" }
}

/// JSON equality that treats 1 and 1.0 as the same number: the SDK sends floats,
/// stores may hand integral numbers back as integers.
func sameJSON(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
    func normalized(_ value: JSONValue?) -> JSONValue? {
        guard let value else { return nil }
        switch value {
        case .int(let number): return .double(Double(number))
        case .array(let items): return .array(items.map { normalized($0) ?? .null })
        case .object(let object): return .object(object.mapValues { normalized($0) ?? .null })
        default: return value
        }
    }
    return normalized(a) == normalized(b)
}
