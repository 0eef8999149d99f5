import Foundation
import SegmentsAPI
import SegmentsClient
import Testing

/// Faults a real server cannot produce on demand, from the scripted fault server.
@Suite("Faults: retries, timeouts, broken answers")
struct FaultTests {
    static let throttled = FaultReply.respond(
        status: 429, headers: ["Retry-After": "1", "Content-Type": "application/json"],
        body: #"{"detail": "Request was throttled. Expected available in 1 second."}"#)

    @Test("a GET answered 429 with Retry-After waits that long, retries, then succeeds")
    func getRetriesAfter429HonouringRetryAfter() async throws {
        try await withFaultServer([Self.throttled, .json(CannedJSON.dataset())]) { client, server in
            let start = ContinuousClock.now
            let dataset = try await client.getDataset("jane/ds")
            let elapsed = ContinuousClock.now - start
            #expect(dataset.fullName == "jane/ds")
            #expect(await server.recorded.count == 2)
            #expect(elapsed >= .milliseconds(950), "Retry-After: 1 was not honoured (\(elapsed))")
        }
    }

    @Test("a GET answered 502, 503 and 504 is retried with backoff until it succeeds")
    func getRetriesGatewayErrors() async throws {
        let replies: [FaultReply] = [502, 503, 504].map { .respond(status: $0, body: "upstream trouble") }
        try await withFaultServer(replies + [.json(CannedJSON.dataset())]) { client, server in
            _ = try await client.getDataset("jane/ds")
            #expect(await server.recorded.count == 4)
        }
    }

    @Test("PUT and DELETE are retried on 503, being idempotent")
    func putAndDeleteAreRetried() async throws {
        try await withFaultServer([.respond(status: 503), .respond(status: 204)]) { client, server in
            try await client.deleteDataset("jane/ds")
            #expect(await server.recorded.map(\.method) == ["DELETE", "DELETE"])
        }
        let label = #"{"sample_uuid": "u", "label_type": "bboxes", "label_status": "PRELABELED", "labelset": "gt", "created_at": "t", "created_by": "jane", "updated_at": "t"}"#
        try await withFaultServer([.respond(status: 503), .json(label)]) { client, server in
            _ = try await client.addLabel(
                sampleUUID: "u", labelset: "gt", attributes: LabelAttributes(json: ["annotations": []]))
            #expect(await server.recorded.map(\.method) == ["PUT", "PUT"])
        }
    }

    @Test("POST and PATCH are not retried once the server has seen them")
    func postAndPatchAreNotRetried() async throws {
        try await withFaultServer(fallback: .respond(status: 503, body: "Service Unavailable")) { client, server in
            let postError = await segmentsError { _ = try await client.addDataset(NewDataset(name: "x")) }
            let patchError = await segmentsError { _ = try await client.updateDataset("jane/x", DatasetUpdate(description: "d")) }
            for error in [postError, patchError] {
                guard case .network(let message)? = error else { Issue.record("got \(String(describing: error))"); continue }
                #expect(message.contains("503"))
            }
            #expect(await server.recorded.map(\.method) == ["POST", "PATCH"])
        }
    }

    @Test("when retries run out, the last answer's error is returned")
    func retriesRunOut() async throws {
        try await withFaultServer(fallback: Self.throttled) { client, server in
            let error = await segmentsError { _ = try await client.getDataset("jane/ds") }
            guard case .apiLimit(_, let retryAfter)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(retryAfter == 1)
            #expect(await server.recorded.count == fastRetries.maximumAttempts)
        }
    }

    @Test("a Retry-After longer than the configured maximum is not waited for")
    func longRetryAfterIsNotWaitedFor() async throws {
        let tooLong = FaultReply.respond(status: 429, headers: ["Retry-After": "3600"], body: "throttled")
        try await withFaultServer(fallback: tooLong) { client, server in
            let start = ContinuousClock.now
            let error = await segmentsError { _ = try await client.getDataset("jane/ds") }
            // Waiting would take an hour; anything under a minute means it did not wait.
            #expect(ContinuousClock.now - start < .seconds(60))
            guard case .apiLimit(_, let retryAfter)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(retryAfter == 3600)
            #expect(await server.recorded.count == 1)
        }
    }

    @Test("a response slower than the timeout is a timeout error naming the URL, and is not retried")
    func slowResponseTimesOut() async throws {
        // The answer would take 10 s; the client must give up near its 800 ms timeout,
        // (CI has stalled a 1 s server timer to 5.5 s under a parallel suite)
        // with room for a loaded CI machine.
        let slow = FaultReply.delayed(.seconds(10), .json(CannedJSON.dataset()))
        try await withFaultServer(fallback: slow, timeout: .milliseconds(800)) { client, server in
            let start = ContinuousClock.now
            let error = await segmentsError { _ = try await client.getDataset("jane/ds") }
            #expect(ContinuousClock.now - start < .seconds(8))
            guard case .timeout(let message)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(message.contains("\(server.baseURL)datasets/jane/ds/"))
            #expect(!message.contains(testKey))
            // Under load the server may not have logged the request before the client gave up.
            #expect(await server.recorded.count <= 1)
        }
    }

    @Test("truncated JSON is an error naming the endpoint")
    func truncatedJSONNamesTheEndpoint() async throws {
        let truncated = String(CannedJSON.samples(["a.png", "b.png"]).dropLast(40))
        try await withFaultServer([.json(truncated)]) { client, _ in
            let error = await segmentsError { _ = try await client.getSamples("jane/ds") }
            guard case .network(let message)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(message.contains("GET /datasets/jane/ds/samples/"))
            #expect(message.contains("invalid JSON"))
        }
    }

    @Test("a body that is not JSON at all (HTML, XML) is an error naming the endpoint")
    func nonJSONBodyNamesTheEndpoint() async throws {
        try await withFaultServer([.respond(status: 200, body: "<html>gateway</html>")]) { client, _ in
            let error = await segmentsError { _ = try await client.getUser() }
            guard case .network(let message)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(message.contains("GET /user returned invalid JSON"))
        }
    }

    @Test("JSON that does not fit the model is a validation error naming the endpoint and the field")
    func modelMismatchNamesEndpointAndField() async throws {
        try await withFaultServer([.json(#"{"name": "ds"}"#)]) { client, _ in
            let error = await segmentsError { _ = try await client.getDataset("jane/ds") }
            guard case .validation(let message)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(message.contains("GET /datasets/jane/ds/"))
            #expect(message.contains("full_name"))
        }
    }

    @Test("an empty success body where a model is expected is an error; for a delete it is fine")
    func emptyBodies() async throws {
        try await withFaultServer([.respond(status: 200), .respond(status: 204)]) { client, _ in
            let error = await segmentsError { _ = try await client.getUser() }
            guard case .network(let message)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(message.contains("empty body"))
            try await client.deleteSample("u")
        }
    }

    @Test("a successful answer whose detail says throttled is an API limit error, as in the SDK")
    func throttledDetailOnSuccess() async throws {
        try await withFaultServer([.json(#"{"detail": "Request was throttled."}"#)]) { client, _ in
            let error = await segmentsError { try await client.deleteDataset("jane/ds") }
            guard case .apiLimit? = error else { Issue.record("got \(String(describing: error))"); return }
        }
    }

    @Test("a 400 the SDK cannot classify is a validation error; known texts keep their class")
    func badRequestMapping() async throws {
        let fieldErrors = FaultReply.json(#"{"name": ["This field is required."]}"#, status: 400)
        let duplicate = FaultReply.json(#"{"detail": "A dataset with this name already exists."}"#, status: 400)
        let serverError = FaultReply.respond(status: 500, body: "A server error occurred.")
        try await withFaultServer([fieldErrors, duplicate, serverError]) { client, _ in
            let invalid = await segmentsError { _ = try await client.addDataset(NewDataset(name: "")) }
            guard case .validation(let message)? = invalid else { Issue.record("got \(String(describing: invalid))"); return }
            #expect(message.contains("name: This field is required."))
            #expect(await errorKind { _ = try await client.addDataset(NewDataset(name: "ds")) } == "AlreadyExistsError")
            #expect(await errorKind { _ = try await client.addDataset(NewDataset(name: "ds")) } == "NetworkError")
        }
    }

    @Test("a redirect is not followed; it is reported")
    func redirectIsReported() async throws {
        let redirect = FaultReply.respond(status: 301, headers: ["Location": "/datasets/jane/ds"])
        try await withFaultServer([redirect]) { client, server in
            let error = await segmentsError { _ = try await client.addDataset(NewDataset(name: "ds")) }
            guard case .network(let message)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(message.contains("redirect"))
            #expect(await server.recorded.count == 1)
        }
    }

    @Test("cancelling the calling task cancels the request promptly")
    func cancellationPropagates() async throws {
        // The answer would take 10 s; a cancelled request must end well before it,
        // with room for a loaded CI machine.
        let slow = FaultReply.delayed(.seconds(10), .json(CannedJSON.dataset()))
        try await withFaultServer(fallback: slow) { client, _ in
            let task = Task { try await client.getDataset("jane/ds") }
            try await Task.sleep(for: .milliseconds(200))
            let cancelled = ContinuousClock.now
            task.cancel()
            let result = await task.result
            #expect(ContinuousClock.now - cancelled < .seconds(8))
            #expect(throws: CancellationError.self) { try result.get() }
        }
    }

    @Test("cancelling during a retry backoff stops the retries")
    func cancellationDuringBackoff() async throws {
        let slowRetries = RetryPolicy(maximumAttempts: 5, initialBackoff: .seconds(2), maximumBackoff: .seconds(2))
        try await withFaultServer(fallback: .respond(status: 503), retry: slowRetries) { client, server in
            let task = Task { try await client.getDataset("jane/ds") }
            while await server.recorded.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
            try await Task.sleep(for: .milliseconds(100))
            task.cancel()
            await #expect(throws: CancellationError.self) { try await task.value }
            #expect(await server.recorded.count == 1)
        }
    }
}
