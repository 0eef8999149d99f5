import Foundation
import SegmentsAPI
import SegmentsClient
import Testing

/// Connection-level behaviour: refused and unresolvable hosts, the status check,
/// the presigned upload, and resource hygiene over many requests.
@Suite("Transport: connections, status check, upload, resources")
struct TransportTests {
    /// A loopback port with nothing listening (a server was bound there, then stopped).
    static func closedPort() async throws -> Int {
        let server = try await FaultServer.start()
        await server.stop()
        return server.port
    }

    @Test("connection refused is a network error naming the URL, never the key")
    func connectionRefused() async throws {
        let port = try await Self.closedPort()
        let client = try SegmentsClient(
            configuration: SegmentsClientConfiguration(
                apiKey: testKey, baseURL: "http://127.0.0.1:\(port)/", retryPolicy: fastRetries))
        let error = await segmentsError { _ = try await client.getDataset("jane/ds") }
        try await client.shutdown()
        guard case .network(let message)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(message.contains("http://127.0.0.1:\(port)/datasets/jane/ds/"))
        #expect(message.contains("connection refused"))
        #expect(!message.contains(testKey))
    }

    @Test("a POST refused at connect is retried, since it never reached the server")
    func refusedPostIsRetried() async throws {
        // Another test may take the free port before this one listens on it: then try
        // another port, and whatever happens shut the client down (a client dropped
        // without shutdown stops the whole test process).
        for attempt in 1...3 {
            let port = try await Self.closedPort()
            let patient = RetryPolicy(maximumAttempts: 8, initialBackoff: .milliseconds(150), maximumBackoff: .milliseconds(400))
            let client = try SegmentsClient(
                configuration: SegmentsClientConfiguration(apiKey: testKey, baseURL: "http://127.0.0.1:\(port)/", retryPolicy: patient))
            let call = Task { try await client.addDataset(NewDataset(name: "ds")) }
            try await Task.sleep(for: .milliseconds(100))
            let server: FaultServer
            do {
                server = try await FaultServer.start(FaultScript([.json(CannedJSON.dataset(), status: 201)]), port: port)
            } catch {
                call.cancel()
                _ = await call.result
                try await client.shutdown()
                if attempt == 3 { throw error }
                continue
            }
            let result = await call.result
            try await client.shutdown()
            await server.stop()
            let methods = await server.recorded.map(\.method)
            // Another test's server can hold the port for a moment in between and take the
            // POST (closing without an answer): this server then saw nothing. Another port.
            // A client that does not retry fails this way on every attempt, and then below.
            if methods.isEmpty, case .failure = result, attempt < 3 { continue }
            #expect(try result.get().fullName == "jane/ds")
            #expect(methods == ["POST"])
            return
        }
    }

    @Test("an unresolvable host is a network error naming the URL")
    func unresolvableHost() async throws {
        let client = try SegmentsClient(
            configuration: SegmentsClientConfiguration(
                apiKey: testKey, baseURL: "http://no-such-host.invalid/", requestTimeout: .seconds(5),
                connectTimeout: .seconds(3), retryPolicy: .none))
        let error = await segmentsError { _ = try await client.getUser() }
        try await client.shutdown()
        let message = error?.message ?? ""
        #expect(message.contains("http://no-such-host.invalid/user"), "\(String(describing: error))")
        #expect(!message.contains(testKey))
    }

    @Test("the status check maps answers like the SDK constructor", arguments: [
        (401, #"{"detail": "Invalid API key."}"#, "AuthenticationError"),
        (401, #"{"detail": "Authentication credentials were not provided."}"#, "AuthenticationError"),
        (403, #"{"detail": "You do not have permission to perform this action."}"#, "AuthorizationError"),
        (404, #"{"detail": "Not found."}"#, "AuthenticationError"),
        (500, "Server Error", "AuthenticationError"),
        (429, #"{"detail": "Request was throttled."}"#, "APILimitError"),
        (504, "Gateway time-out", "TimeoutError"),
    ])
    func statusCheckMapping(status: Int, body: String, kind: String) async throws {
        try await withFaultServer(fallback: .respond(status: status, body: body), retry: .none) { client, _ in
            let error = await segmentsError { try await client.checkAPIStatus() }
            #expect(error?.kind == kind, "\(String(describing: error))")
        }
    }

    @Test("the status check accepts 200 {} and 426 (newer SDK available)")
    func statusCheckSuccess() async throws {
        try await withFaultServer([.json("{}"), .respond(status: 426, body: "upgrade")]) { client, _ in
            try await client.checkAPIStatus()
            try await client.checkAPIStatus()
        }
    }

    @Test("upload_asset posts the 8 presigned fields then the file, to the absolute URL, without the API key")
    func uploadAssetMultipart() async throws {
        try await withFaultServer(fallback: .respond(status: 204)) { client, server in
            let file = """
                {"uuid": "5b0d8a36-2a6f-4a57-9b9e-8a1f3c0d7e21", "filename": "a.png",
                 "url": "\(server.baseURL)assets/5b0d/a.png", "created_at": "2024-05-01T12:00:00Z",
                 "presignedPostFields": {"url": "\(server.baseURL)uploads/",
                   "fields": {"acl": "public-read", "Content-Type": "image/png", "key": "assets/5b0d/a.png",
                     "x-amz-algorithm": "AWS4-HMAC-SHA256", "x-amz-credential": "cred", "x-amz-date": "20240501T120000Z",
                     "policy": "pol", "x-amz-signature": "sig", "extra": "dropped"}}}
                """
            await server.script.push(.json(file, status: 201))
            let content = Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF])
            let result = try await client.uploadAsset(content, filename: "a.png")
            #expect(result.url == "\(server.baseURL)assets/5b0d/a.png")

            let recorded = await server.recorded
            try #require(recorded.count == 2)
            let upload = recorded[1]
            #expect(upload.method == "POST")
            #expect(upload.target == "/uploads/")
            #expect(upload.headers["authorization"] == nil)
            #expect(upload.headers["segments-sdk-version"] == nil)
            let contentType = try #require(upload.headers["content-type"])
            #expect(contentType.hasPrefix("multipart/form-data; boundary="))
            let boundary = String(contentType.dropFirst("multipart/form-data; boundary=".count))
            let text = String(decoding: upload.body, as: UTF8.self)
            let names = text.matches(of: /; name="([^"]+)"/).map { String($0.output.1) }
            #expect(names == ["acl", "Content-Type", "key", "x-amz-algorithm", "x-amz-credential", "x-amz-date", "policy", "x-amz-signature", "file"])
            #expect(!text.contains("dropped"))
            #expect(upload.body.range(of: content) != nil)
            #expect(text.hasSuffix("--\(boundary)--\r\n"))
        }
    }

    @Test("a failed upload POST is an error and is not retried")
    func failedUploadIsAnError() async throws {
        try await withFaultServer(fallback: .respond(status: 503, body: "<Error>SlowDown</Error>")) { client, server in
            let file = """
                {"uuid": "u", "filename": "a.png", "url": "\(server.baseURL)a.png", "created_at": "t",
                 "presignedPostFields": {"url": "\(server.baseURL)uploads/", "fields": {"acl": "a", "Content-Type": "b",
                 "key": "c", "x-amz-algorithm": "d", "x-amz-credential": "e", "x-amz-date": "f", "policy": "g", "x-amz-signature": "h"}}}
                """
            await server.script.push(.json(file))
            let error = await segmentsError { _ = try await client.uploadAsset(Data([1]), filename: "a.png") }
            guard case .network? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(await server.recorded.count == 2)
        }
    }

    static func openFileDescriptors() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1
    }

    @Test("10,000 requests and 50 client lifecycles leak no file descriptors", .timeLimit(.minutes(5)))
    func noLeaksAcrossManyRequests() async throws {
        // Warm up the process-wide event loops so they are part of the baseline.
        try await withFaultServer(fallback: .json(#"{"username": "jane", "created_at": "t", "is_organization": false}"#)) { client, _ in
            _ = try await client.getUser()
        }
        let baseline = Self.openFileDescriptors()

        try await withFaultServer(fallback: .json(#"{"username": "jane", "created_at": "t", "is_organization": false}"#)) { client, server in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        for _ in stride(from: worker, to: 10_000, by: 8) { _ = try await client.getUser() }
                    }
                }
                try await group.waitForAll()
            }
            #expect(await server.recorded.count == 10_000)
            for _ in 0..<50 {
                let shortLived = try SegmentsClient(apiKey: testKey, baseURL: server.baseURL)
                _ = try await shortLived.getUser()
                try await shortLived.shutdown()
            }
        }
        // Closed sockets can take a moment to be released by the event loop.
        var now = Self.openFileDescriptors()
        for _ in 0..<20 where now > baseline {
            try await Task.sleep(for: .milliseconds(100))
            now = Self.openFileDescriptors()
        }
        #expect(now <= baseline, "open fds: \(baseline) before, \(now) after")
    }
}
