import Foundation
import SegmentsAPI
import Testing

@testable import SegmentsServer

@Suite("Routing")
struct RoutingTests {
    let routes = Routes.all

    @Test("the 40 SDK routes, the issue-comment route, and upload, asset, release-file and document routes are registered once each")
    func routeCount() {
        let keys = routes.map { "\($0.method.rawValue) \($0.pattern.text)" }
        #expect(Set(keys).count == keys.count)
        #expect(routes.filter { $0.access == .apiKey }.count == 40 + 1, "the SDK's 40 and addIssueComment")
        #expect(routes.contains { $0.operationID == "addIssueComment" })
        #expect(Set(routes.map(\.operationID)).count == routes.count)
    }

    @Test("every endpoint of the API table is served, and nothing else")
    func servesTheTable() {
        #expect(routes.map(\.operation) == API.all)
    }

    /// The methods a template is served with, as the `Allow` header lists them.
    func allowed(_ template: PathTemplate) -> String {
        routes.filter { $0.pattern == template }.map(\.method.rawValue).joined(separator: ", ")
    }

    @Test("every route is reached with and without its trailing slash: its path answers 405 with its methods, and 401 without a key")
    func twins() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        for route in routes {
            let slashed = AuthHTTPTests.samplePath(route).hasSuffix("/")
                ? AuthHTTPTests.samplePath(route) : AuthHTTPTests.samplePath(route) + "/"
            let other = HTTPMethod.allCases.first { method in !routes.contains { $0.pattern == route.pattern && $0.method == method } }
            for path in [slashed, String(slashed.dropLast())] {
                let wrong = try await RawHTTP.request(port: server.port, other?.rawValue ?? "OPTIONS", path)
                #expect(wrong.status == 405, "\(route.operationID) \(path)")
                #expect(wrong.headers["allow"] == allowed(route.pattern), "\(route.operationID) \(path)")
                if route.access == .apiKey {
                    let body: Data? = route.method == .get ? nil : Data("{}".utf8)
                    let unauthenticated = try await RawHTTP.request(port: server.port, route.method.rawValue, path, body: body)
                    #expect(unauthenticated.status == 401, "\(route.operationID) \(path)")
                }
            }
        }
    }

    @Test("dataset paths are told apart by segment count, not by guessing")
    func segmentCounts() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        /// The methods of the route a PUT to `path` finds (405's Allow), or nil for no route (404).
        func methods(_ path: String) async throws -> String? {
            let answer = try await RawHTTP.request(port: server.port, "PUT", path, apiKey: server.janeKey)
            if answer.status == 404 {
                #expect(answer.detail == "Not found.", "\(path)")
                return nil
            }
            #expect(answer.status == 405, "\(path)")
            return answer.headers["allow"]
        }
        let dataset = allowed("/datasets/{owner}/{name}/")
        let samples = allowed("/datasets/{owner}/{name}/samples/")
        #expect(try await methods("/datasets/a/b/") == dataset)
        #expect(try await methods("/datasets/a/samples/") == dataset)
        #expect(try await methods("/datasets/a/b/samples/") == samples)
        #expect(try await methods("/datasets/abcde/") == nil)
        // Two segments are always owner/name: this asks for dataset "abcde/labelsets", which is a 404.
        #expect(try await methods("/datasets/abcde/labelsets/") == dataset)
        #expect(try await methods("/datasets/a/b/collaborators/bob") == allowed("/datasets/{owner}/{name}/collaborators/{username}"))
        #expect(try await methods("/datasets//b/") == nil)
        #expect(try await methods("/datasets/a//b/") == nil)
        #expect(try await methods("/user//") == nil)
        #expect(try await methods("/user") == "GET")
        #expect(try await methods("/user/") == "GET")
    }

    @Test("a known path with another method is 405, whatever the method; an unknown path 404")
    func methods() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let put = try await RawHTTP.request(port: server.port, "PUT", "/user", apiKey: server.janeKey)
        #expect(put.status == 405)
        #expect(put.detail == "Method \"PUT\" not allowed.")
        #expect(put.headers["allow"] == "GET")
        // (A method NIO's HTTP parser does not know is refused with 400 before routing.)
        for method in ["OPTIONS", "TRACE"] {
            let unlisted = try await RawHTTP.request(port: server.port, method, "/datasets/a/b/samples/", apiKey: server.janeKey)
            #expect(unlisted.status == 405, "\(method)")
            #expect(unlisted.detail == "Method not allowed.", "\(method)")
            #expect(unlisted.headers["allow"] == "GET, POST", "\(method)")
        }
        let unknown = try await RawHTTP.request(port: server.port, "GET", "/nothing/here", apiKey: server.janeKey)
        #expect(unknown.status == 404)
        #expect(unknown.detail == "Not found.")
    }

    @Test("path segments are percent-decoded once; + stays +; bad escapes match nothing")
    func decoding() async throws {
        #expect(PathSegments.split("/datasets/jane/my%20set/") == ["datasets", "jane", "my set"])
        #expect(PathSegments.split("/users/a+b") == ["users", "a+b"])
        #expect(PathSegments.split("/assets/%2e%2e/x") == ["assets", "..", "x"])
        #expect(PathSegments.split("/users/%zz") == nil)
        #expect(PathSegments.split("/users/caf%C3%A9") == ["users", "café"])
        #expect(PathSegments.split("/") == [])
        // Through the server: escaped literals and parameters reach the same route and name.
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let escaped = try await RawHTTP.request(port: server.port, "GET", "/us%65rs/b%6Fb", apiKey: server.janeKey)
        #expect(escaped.status == 200)
        #expect(escaped.object["username"] as? String == "bob")
        #expect(try await RawHTTP.request(port: server.port, "GET", "/users/%zz", apiKey: server.janeKey).status == 404)
    }

    @Test("query values arrive raw: commas, colons and + survive; the first value wins")
    func query() {
        let parameters = QueryParameters.parse("per_page=2&filters=city:London,w:sunny%20day&sort=-name&x=a+b&x=c")
        #expect(parameters["filters"] == "city:London,w:sunny day")
        #expect(parameters["sort"] == "-name")
        #expect(parameters["x"] == "a+b")
        #expect(parameters["per_page"] == "2")
    }

    @Test("get_sample's `labelset=x?include_signed_urls=1` is split as the SDK means it")
    func sampleLabelsetQuirk() {
        let quirk = Routes.sampleLabelset(["labelset": "ground-truth?include_signed_urls=1"])
        #expect(quirk.labelset == "ground-truth")
        #expect(quirk.signedURLs)
        #expect(Routes.sampleLabelset([:]).labelset == nil)
    }
}
