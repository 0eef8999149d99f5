import CompressNIO
import Foundation
import NIOCore
import Testing

@testable import SegmentsAPI
@testable import SegmentsServer

@Suite("Middleware pieces")
struct MiddlewareTests {
    @Test("Authorization: APIKey <key> only; other schemes count as no credentials")
    func authorizationHeader() {
        #expect(APIKeyHeader.parse("APIKey abc") == .key("abc"))
        #expect(APIKeyHeader.parse(nil) == .missing)
        #expect(APIKeyHeader.parse("Bearer abc") == .missing)
        #expect(APIKeyHeader.parse("APIKey") == .malformed)
        #expect(APIKeyHeader.parse("APIKey a b") == .malformed)
    }

    @Test("error texts are the ones the SDK maps to its exceptions, and never echo user input")
    func errorTexts() {
        func detail(_ error: SegmentsError) -> (Int, String) {
            let response = ErrorMapping.response(for: error)
            let object = (try? JSONSerialization.jsonObject(with: response.body ?? Data())) as? [String: Any]
            return (response.status, object?["detail"] as? String ?? "")
        }
        #expect(detail(.notFound("Dataset jane/x not found")) == (404, "Not found."))
        #expect(detail(.notFound("Invalid page.")) == (404, "Invalid page."))
        #expect(detail(.authorization("nope")) == (403, "You do not have permission to perform this action."))
        #expect(detail(.authentication("Invalid API key.")) == (401, "Invalid API key."))
        #expect(detail(.alreadyExists("A dataset with this name already exists.")).1
            == "A dataset with this name already exists.")
        #expect(detail(.alreadyExists("Dataset 'not found' already exists")).1 == "An object with this name already exists.")
        #expect(detail(.collaborator("bob is already a collaborator")) == (400, "User is already a collaborator."))
        #expect(detail(.validation("name \"not found\" is bad")) == (400, "Invalid input."))
        let limited = ErrorMapping.response(for: SegmentsError.apiLimit("slow down", retryAfter: 2.2))
        #expect(limited.status == 429)
        #expect(limited.headers.contains { $0.name == "Retry-After" && $0.value == "3" })
        #expect(String(decoding: limited.body ?? Data(), as: UTF8.self).contains("throttled"))
        #expect(ErrorMapping.response(for: CancellationError()).status == 500)
    }

    @Test("decoding failures name the field, DRF style")
    func fieldErrors() throws {
        #expect(throws: RequestError(.invalidFields(["name": "This field is required."]))) {
            try RouteRequest.decode(NewDataset.self, from: Data(#"{"description": "x"}"#.utf8))
        }
        #expect(throws: RequestError(.invalidFields(["uuids": "Invalid value."]))) {
            try RouteRequest.decode(DeleteSamplesRequest.self, from: Data(#"{"uuids": "x"}"#.utf8))
        }
        #expect(throws: RequestError(.badRequest("JSON parse error."))) {
            try RouteRequest.decode(NewDataset.self, from: Data("{nope".utf8))
        }
    }

    @Test("the rate limiter counts per user and says when to come back")
    func rateLimiter() {
        let limiter = RateLimiter(limit: RateLimit(requests: 2, per: .seconds(10)))
        let start = ContinuousClock.now
        #expect(limiter.check(.user("a"), now: start) == .allowed)
        #expect(limiter.check(.user("a"), now: start) == .allowed)
        #expect(limiter.check(.user("a"), now: start + .seconds(1)) == .limited(retryAfter: 9))
        #expect(limiter.check(.user("b"), now: start + .seconds(1)) == .allowed)
        #expect(limiter.check(.user("a"), now: start + .seconds(10)) == .allowed)
    }

    @Test("the limiter's table stays bounded under a flood of addresses, and a full table does not slow it")
    func rateLimiterIsBounded() {
        let limiter = RateLimiter(limit: RateLimit(requests: 5, per: .seconds(60)), maximumClients: 1000)
        let start = ContinuousClock.now
        #expect(limiter.check(.user("jane"), now: start) == .allowed)
        let clock = ContinuousClock()
        let firstHalf = clock.measure {
            for index in 0..<20_000 { _ = limiter.check(.address("10.0.\(index / 256).\(index % 256)"), now: start) }
        }
        #expect(limiter.entryCount <= 1001)
        // The overflow shares one counter: addresses past the bound are throttled together.
        #expect(limiter.check(.address("10.200.0.1"), now: start) != .allowed)
        // A known user is counted on its own and passes.
        #expect(limiter.check(.user("jane"), now: start) == .allowed)
        let secondHalf = clock.measure {
            for index in 20_000..<40_000 { _ = limiter.check(.address("10.1.\(index / 256).\(index % 256)"), now: start) }
        }
        // No scan of the table per request: the second 20,000 (table full) cost about what the first did.
        #expect(secondHalf < firstHalf * 4 + .milliseconds(50), "\(firstHalf) then \(secondHalf)")
        // The next window starts empty.
        #expect(limiter.check(.address("10.0.0.1"), now: start + .seconds(60)) == .allowed)
        #expect(limiter.entryCount == 1)
    }

    @Test("gzip bodies inflate; bombs stop at the limit; unknown codings are refused")
    func gzip() throws {
        var plain = ByteBuffer(bytes: Array(repeating: UInt8(ascii: "a"), count: 100_000))
        let compressed = try plain.compress(with: .gzip)
        let inflated = try GzipBody.decode(compressed, contentEncoding: "gzip", maxBytes: 200_000)
        #expect(inflated.readableBytes == 100_000)
        #expect(throws: GzipBody.Failure.tooLarge) {
            try GzipBody.decode(compressed, contentEncoding: "gzip", maxBytes: 1000)
        }
        #expect(throws: GzipBody.Failure.corrupt) {
            try GzipBody.decode(ByteBuffer(string: "not gzip"), contentEncoding: "gzip", maxBytes: 1000)
        }
        #expect(throws: GzipBody.Failure.unsupportedEncoding) {
            try GzipBody.decode(ByteBuffer(string: "x"), contentEncoding: "br", maxBytes: 1000)
        }
    }

    @Test("multipart: the SDK's presigned POST shape")
    func multipart() throws {
        let boundary = "b0undary"
        var body = Data()
        for (name, value) in [("key", "assets/u/a.png"), ("policy", "p")] {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"file\"\r\n\r\n".utf8))
        body.append(Data([0, 1, 2, 13, 10, 45, 45]))
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=\(boundary)") == boundary)
        let form = try #require(MultipartForm(body: body, boundary: boundary))
        #expect(form.fields == ["key": "assets/u/a.png", "policy": "p"])
        #expect(form.part(named: "file")?.content == Data([0, 1, 2, 13, 10, 45, 45]))
        #expect(MultipartForm(body: Data("garbage".utf8), boundary: boundary) == nil)
    }

    @Test("access log lines carry no headers and escape control characters")
    func accessLogLine() {
        let line = AccessLog.format(
            .init(
                remoteAddress: "127.0.0.1", username: "jane", method: "GET", target: "/user\n\u{1b}[31mfake",
                status: 200, bytes: 12, duration: .milliseconds(3)),
            at: Date(timeIntervalSince1970: 0))
        #expect(line.contains("jane \"GET /user\\x0A\\x1B[31mfake\" 200 12 3.0ms"))
        #expect(!line.contains("\n"))
    }
}
