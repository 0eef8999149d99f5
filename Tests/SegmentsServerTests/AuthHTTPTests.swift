import Foundation
import Testing

@testable import SegmentsServer

@Suite("HTTP: authentication")
struct AuthHTTPTests {
    /// A concrete path for a route pattern, with harmless parameter values.
    static func samplePath(_ route: Route) -> String {
        let values = [
            "owner": "jane", "name": "ds", "username": "bob", "organization": "acme",
            "uuid": "00000000-0000-4000-8000-000000000000", "labelset": "ground-truth", "release": "v1",
            "filename": "a.png", "file": "00000000-0000-4000-8000-000000000000.json",
        ]
        let path = route.pattern.segments.map { segment -> String in
            switch segment {
            case .literal(let text): text
            case .parameter(let name): values[name] ?? "x"
            }
        }
        return "/" + path.joined(separator: "/") + (route.pattern.text.hasSuffix("/") ? "/" : "")
    }

    @Test("every API route answers 401 without a key, and 401 'Invalid API key.' with a wrong one")
    func everyRouteNeedsAKey() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        for route in Routes.all where route.access == .apiKey {
            let path = Self.samplePath(route)
            let body: Data? = route.method == .get ? nil : Data("{}".utf8)
            let missing = try await RawHTTP.request(port: server.port, route.method.rawValue, path, body: body)
            #expect(missing.status == 401, "\(route.method) \(path)")
            #expect(missing.detail == "Authentication credentials were not provided.", "\(route.method) \(path)")
            let wrong = try await RawHTTP.request(
                port: server.port, route.method.rawValue, path, body: body, apiKey: "WRONG")
            #expect(wrong.status == 401, "\(route.method) \(path)")
            #expect(wrong.detail == "Invalid API key.")
            let bearer = try await RawHTTP.request(
                port: server.port, route.method.rawValue, path, headers: [("Authorization", "Bearer \(server.janeKey)")],
                body: body)
            #expect(bearer.status == 401)
        }
    }

    @Test("open routes need no key: the document, assets, release files and the upload target")
    func openRoutes() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let document = try await server.get("/openapi.json")
        #expect(document.status == 200)
        #expect(document.object["openapi"] as? String == "3.1.0")
        for path in ["/assets/00000000-0000-4000-8000-000000000000/a.png", "/releases/00000000-0000-4000-8000-000000000000.json"] {
            #expect(try await server.get(path).status == 404)
        }
    }

    @Test("the SDK constructor's status check: 200 {} with a good key")
    func apiStatus() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let status = try await server.get("/api_status/?lib_version=1.33.0", key: server.janeKey)
        #expect(status.status == 200)
        #expect(status.text == "{}")
        let user = try await server.get("/user", key: server.janeKey)
        #expect(user.status == 200)
        #expect(user.object["username"] as? String == "jane")
        let slashed = try await server.get("/user/", key: server.janeKey)
        #expect(slashed.status == 200)
        #expect(try await server.get("/users/bob", key: server.janeKey).object["username"] as? String == "bob")
    }
}
