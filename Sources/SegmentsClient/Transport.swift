import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import SegmentsAPI

/// A complete HTTP answer, body collected.
struct HTTPResult: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: Data
}

/// Sends requests with one shared `HTTPClient`: per-attempt timeout, retries by
/// `RetryPolicy`, and transport errors turned into `SegmentsError`s naming the URL.
final class Transport: Sendable {
    let http: HTTPClient
    let origin: String
    let configuration: SegmentsClientConfiguration
    let logger: Logger
    private let apiHeaders: HTTPHeaders

    init(configuration: SegmentsClientConfiguration, logger: Logger) throws {
        self.origin = try configuration.origin()
        self.configuration = configuration
        self.logger = logger

        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.timeout = .init(
            connect: Self.timeAmount(configuration.connectTimeout),
            // Backstop for a stalled body; the per-request deadline is the real limit.
            read: Self.timeAmount(configuration.requestTimeout))
        // The API never redirects (reference 1.6); following one would turn a POST into a
        // body-less GET. A 3xx is reported as an error instead.
        httpConfiguration.redirectConfiguration = .disallow
        // Fail fast on a refused connection so RetryPolicy, which knows the method,
        // decides; the pool's own retry would wait out the whole connect timeout.
        httpConfiguration.connectionPool.retryConnectionEstablishment = false
        if configuration.acceptCompressedResponses {
            httpConfiguration.decompression = .enabled(limit: .ratio(200))
        }
        self.http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: httpConfiguration)

        var headers = HTTPHeaders()
        if !configuration.apiKey.isEmpty { headers.add(name: "Authorization", value: "APIKey \(configuration.apiKey)") }
        headers.add(name: "X-source", value: "segments-tui")
        headers.add(name: "Segments-SDK-Version", value: SegmentsClientConfiguration.protocolVersion)
        headers.add(name: "User-Agent", value: configuration.userAgent)
        headers.add(name: "Accept", value: "application/json")
        if configuration.acceptCompressedResponses { headers.add(name: "Accept-Encoding", value: "gzip, deflate") }
        self.apiHeaders = headers
    }

    func shutdown() async throws {
        try await http.shutdown()
    }

    /// An authenticated API call relative to the origin.
    func send(_ request: APIRequest) async throws -> HTTPResult {
        var headers = apiHeaders
        if request.body != nil { headers.add(name: "Content-Type", value: "application/json") }
        return try await send(url: origin + request.target, method: request.method, headers: headers, body: request.body)
    }

    /// Any request, with retries. `headers` are sent as given (no API key is added).
    func send(url: String, method: SegmentsAPI.HTTPMethod, headers: HTTPHeaders, body: Data?) async throws -> HTTPResult {
        let policy = configuration.retryPolicy
        var attempt = 1
        while true {
            try Task.checkCancellation()
            let outcome: Result<HTTPResult, TransportFailure>
            do {
                outcome = .success(try await once(url: url, method: method, headers: headers, body: body))
            } catch is NIOTooManyBytesError {
                throw SegmentsError.network(
                    "\(method.rawValue) \(url): the response exceeds \(configuration.maximumResponseBytes) bytes.")
            } catch {
                outcome = .failure(TransportFailure(error))
            }

            let delay: Duration
            switch outcome {
            case .success(let result):
                guard attempt < policy.maximumAttempts, method.isIdempotent,
                    Self.retryableStatuses.contains(result.status)
                else { return result }
                let retryAfter = RetryPolicy.parseRetryAfter(result.headers.first(name: "Retry-After"))
                guard let wait = policy.delay(beforeAttempt: attempt + 1, retryAfter: retryAfter) else { return result }
                delay = wait
                logger.notice(
                    "retrying after HTTP \(result.status)",
                    metadata: ["url": "\(url)", "attempt": "\(attempt)", "delay": "\(wait)"])
            case .failure(let failure):
                let mayRetry =
                    failure == .connectionRefused || (failure == .connectionReset && method.isIdempotent)
                guard mayRetry, attempt < policy.maximumAttempts else {
                    throw failure.segmentsError(method: method.rawValue, url: url)
                }
                delay = policy.backoff(beforeAttempt: attempt + 1)
                logger.notice(
                    "retrying after \(failure)", metadata: ["url": "\(url)", "attempt": "\(attempt)"])
            }
            // Cancellation while waiting ends the call with CancellationError.
            try await Task.sleep(for: delay)
            attempt += 1
        }
    }

    /// Rate limiting and the gateway errors a restarting server produces.
    static let retryableStatuses: Set<Int> = [429, 502, 503, 504]

    private func once(url: String, method: SegmentsAPI.HTTPMethod, headers: HTTPHeaders, body: Data?) async throws
        -> HTTPResult
    {
        var request = HTTPClientRequest(url: url)
        request.method = NIOHTTP1.HTTPMethod(rawValue: method.rawValue)
        request.headers = headers
        if let body {
            request.body = .bytes(ByteBuffer(bytes: body))
        } else if method == .delete || method == .post || method == .put || method == .patch {
            // The SDK sends `Content-Length: 0` on body-less writes; some servers insist on it.
            request.headers.replaceOrAdd(name: "Content-Length", value: "0")
        }
        let deadline = NIODeadline.now() + Self.timeAmount(configuration.requestTimeout)
        let response = try await http.execute(request, deadline: deadline, logger: logger)
        let buffer = try await response.body.collect(upTo: configuration.maximumResponseBytes)
        return HTTPResult(status: Int(response.status.code), headers: response.headers, body: Data(buffer.readableBytesView))
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let parts = duration.components
        return .nanoseconds(parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000)
    }
}
