import Foundation
import Testing

@testable import SegmentsServer

@Suite("HTTP: uploads, assets, release files, path safety")
struct AssetHTTPTests {
    static func multipart(fields: [(String, String)], file: Data, boundary: String) -> Data {
        var body = Data()
        for (name, value) in fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"file\"\r\n\r\n".utf8))
        body.append(file)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return body
    }

    @Test("upload_asset end to end: presigned fields → multipart POST without auth → GET of File.url")
    func uploadFlow() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let created = try await server.send("POST", "/assets/", ["filename": "a.png"], key: server.janeKey)
        #expect(created.status == 201)
        let url = try #require(created.object["url"] as? String)
        let presigned = try #require(created.object["presignedPostFields"] as? [String: Any])
        let uploadURL = try #require(presigned["url"] as? String)
        let fields = try #require(presigned["fields"] as? [String: String])
        #expect(fields.count == 8)
        #expect(uploadURL == "http://127.0.0.1:\(server.port)/uploads/")
        #expect(url.hasPrefix("http://127.0.0.1:\(server.port)/assets/"))

        let order = ["acl", "Content-Type", "key", "x-amz-algorithm", "x-amz-credential", "x-amz-date", "policy",
                     "x-amz-signature"]
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 1, 2, 3])
        let boundary = "sdkboundary123"
        let body = Self.multipart(fields: order.compactMap { key in fields[key].map { (key, $0) } }, file: png, boundary: boundary)
        let path = String(uploadURL.dropFirst("http://127.0.0.1:\(server.port)".count))
        let upload = try await RawHTTP.request(
            port: server.port, "POST", path, headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")],
            body: body)
        #expect(upload.status == 204)
        #expect(upload.body.isEmpty)

        let assetPath = String(url.dropFirst("http://127.0.0.1:\(server.port)".count))
        let fetched = try await server.get(assetPath)
        #expect(fetched.status == 200)
        #expect(fetched.body == png)

        // A tampered policy is refused and stores nothing.
        var forged = fields
        forged["key"] = "assets/00000000-0000-4000-8000-000000000000/evil.png"
        let forgedBody = Self.multipart(
            fields: order.compactMap { key in forged[key].map { (key, $0) } }, file: png, boundary: boundary)
        let refused = try await RawHTTP.request(
            port: server.port, "POST", "/uploads/", headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")],
            body: forgedBody)
        #expect(refused.status >= 400)
        #expect(try await server.get("/assets/00000000-0000-4000-8000-000000000000/evil.png").status == 404)
    }

    @Test("no path escapes the workspace folder, however it is spelled")
    func pathSafety() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let attempts = [
            "/assets/../workspace.sqlite", "/assets/%2e%2e/workspace.sqlite", "/assets/%2E%2E/%2E%2E/etc/passwd",
            "/assets/00000000-0000-4000-8000-000000000000/..%2f..%2fworkspace.sqlite",
            "/assets/00000000-0000-4000-8000-000000000000/%2e%2e", "/releases/..%2fworkspace.sqlite",
            "/releases/../workspace.sqlite", "/releases/%2e%2e%2fworkspace.sqlite", "/assets/..%5cworkspace.sqlite",
            "/../workspace.sqlite", "/assets/00000000-0000-4000-8000-000000000000/%00",
        ]
        for path in attempts {
            let response = try await server.get(path)
            #expect(response.status == 404, "\(path)")
            #expect(!response.text.contains("SQLite format"), "\(path)")
        }
    }

    @Test("a release's export file is served without auth at attributes.url")
    func releaseFile() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let ds = try await server.makeDataset()
        let created = try await server.send("POST", "/datasets/\(ds)/releases/", ["name": "v1", "description": ""], key: server.janeKey)
        #expect(created.status == 201)
        var release = created.object
        for _ in 0..<100 where release["status"] as? String == "PENDING" {
            try await Task.sleep(for: .milliseconds(50))
            release = try await server.get("/datasets/\(ds)/releases/v1/", key: server.janeKey).object
        }
        #expect(release["status"] as? String == "SUCCEEDED")
        let url = try #require((release["attributes"] as? [String: Any])?["url"] as? String)
        let file = try await server.get(String(url.dropFirst("http://127.0.0.1:\(server.port)".count)))
        #expect(file.status == 200)
        #expect(file.object["name"] as? String == "v1")
    }
}
