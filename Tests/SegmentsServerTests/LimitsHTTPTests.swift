import CompressNIO
import Foundation
import NIOCore
import Testing

@testable import SegmentsServer

@Suite("HTTP: body limit, rate limit, gzip")
struct LimitsHTTPTests {
    static func gzip(_ data: Data) throws -> Data {
        var buffer = ByteBuffer(bytes: data)
        let compressed = try buffer.compress(with: .gzip)
        return Data(buffer: compressed)
    }

    @Test("bodies over the limit get 413, before or after gunzip")
    func bodyLimit() async throws {
        let server = try await TestServer.start { $0.maxBodyBytes = 4096 }
        defer { Task { await server.stop() } }
        let big = Data(#"{"name": "\#(String(repeating: "x", count: 10_000))"}"#.utf8)
        let tooBig = try await RawHTTP.request(port: server.port, "POST", "/user/datasets/", body: big, apiKey: server.janeKey)
        #expect(tooBig.status == 413)
        #expect(tooBig.detail == "Request body is too large.")
        // 200 kB of spaces compress to a few hundred bytes: a small gzip bomb.
        let bomb = try Self.gzip(Data(("{\"name\": \"b\"" + String(repeating: " ", count: 200_000) + "}").utf8))
        #expect(bomb.count < 4096)
        let inflated = try await RawHTTP.request(
            port: server.port, "POST", "/user/datasets/", headers: [("Content-Encoding", "gzip")], body: bomb,
            apiKey: server.janeKey)
        #expect(inflated.status == 413)
        let fine = try await RawHTTP.request(
            port: server.port, "POST", "/user/datasets/", body: Data(#"{"name": "small"}"#.utf8), apiKey: server.janeKey)
        #expect(fine.status == 201)
    }

    @Test("gzip-compressed JSON bodies are accepted where the SDK sends them (and anywhere else)")
    func gzipBodies() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let ds = try await server.makeDataset()
        let sample: [String: Any] = [
            "name": "a.png", "attributes": ["image": ["url": "http://example.org/a.png"]], "priority": 0, "readme": "",
        ]
        let body = try Self.gzip(try JSONSerialization.data(withJSONObject: sample))
        let created = try await RawHTTP.request(
            port: server.port, "POST", "/datasets/\(ds)/samples/", headers: [("Content-Encoding", "gzip")], body: body,
            apiKey: server.janeKey)
        #expect(created.status == 201)
        #expect(created.object["name"] as? String == "a.png")
        let uuid = try #require(created.object["uuid"] as? String)

        let label: [String: Any] = [
            "label_status": "PRELABELED",
            "attributes": ["format_version": "0.1", "annotations": [
                ["id": 1, "category_id": 1, "type": "bbox", "points": [[1.0, 2.0], [3.0, 4.0]]],
            ]],
        ]
        let labelBody = try Self.gzip(try JSONSerialization.data(withJSONObject: label))
        let put = try await RawHTTP.request(
            port: server.port, "PUT", "/labels/\(uuid)/ground-truth/", headers: [("Content-Encoding", "gzip")],
            body: labelBody, apiKey: server.janeKey)
        #expect(put.status == 200)
        #expect(put.object["sample_uuid"] as? String == uuid)

        let corrupt = try await RawHTTP.request(
            port: server.port, "PATCH", "/samples/\(uuid)/", headers: [("Content-Encoding", "gzip")],
            body: Data("not gzip".utf8), apiKey: server.janeKey)
        #expect(corrupt.status == 400)
    }

    @Test("over the per-key rate limit: 429, 'throttled', Retry-After; other keys unaffected")
    func rateLimit() async throws {
        // A 10-minute window: a slow, loaded machine cannot see it reset during the test.
        let server = try await TestServer.start { $0.rateLimit = RateLimit(requests: 3, per: .seconds(600)) }
        defer { Task { await server.stop() } }
        for _ in 0..<3 { #expect(try await server.get("/user", key: server.janeKey).status == 200) }
        let limited = try await server.get("/api_status/?lib_version=1.33.0", key: server.janeKey)
        #expect(limited.status == 429)
        #expect(limited.detail?.contains("throttled") == true)
        let retryAfter = try #require(limited.headers["retry-after"].flatMap(Int.init))
        #expect((1...600).contains(retryAfter))
        #expect(try await server.get("/user", key: server.bobKey).status == 200)
    }

    @Test("made-up keys are counted per address: a flood of them is throttled, valid keys pass")
    func unknownKeysAreCountedPerAddress() async throws {
        // An hour-long window: on CI these 8 requests once took long enough to earn one back at 60 s.
        let server = try await TestServer.start { $0.rateLimit = RateLimit(requests: 5, per: .seconds(3600)) }
        defer { Task { await server.stop() } }
        var statuses: [Int] = []
        for index in 0..<8 { statuses.append(try await server.get("/user", key: "made-up-key-\(index)").status) }
        #expect(statuses == [401, 401, 401, 401, 401, 429, 429, 429])
        #expect(try await server.get("/user", key: server.janeKey).status == 200)
    }
}
