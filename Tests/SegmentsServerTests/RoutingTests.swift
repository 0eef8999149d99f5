import Foundation
import Testing

@testable import SegmentsServer

@Suite("Routing")
struct RoutingTests {
    let table = RouteTable(routes: Routes.all)

    @Test("the 40 SDK routes, the issue-comment route, and upload, asset, release-file and document routes are registered once each")
    func routeCount() {
        let keys = table.routes.map { "\($0.method.rawValue) \($0.pattern.text)" }
        #expect(Set(keys).count == keys.count)
        #expect(table.routes.filter { $0.access == .apiKey }.count == 40 + 1, "the SDK's 40 and addIssueComment")
        #expect(table.routes.contains { $0.operationID == "addIssueComment" })
        #expect(Set(table.routes.map(\.operationID)).count == table.routes.count)
    }

    @Test("every route matches its own path, with and without the trailing slash, and nothing else")
    func twins() {
        for route in table.routes {
            let path = route.pattern.segments.map { segment -> String in
                if case .literal(let text) = segment { return text }
                return "x-value"
            }
            let slashed = "/" + path.joined(separator: "/") + "/"
            for form in [slashed, String(slashed.dropLast())] {
                guard let segments = PathSegments.split(form) else {
                    Issue.record("\(form) did not split")
                    continue
                }
                guard case .found(let found, _) = table.lookup(method: route.method.rawValue, path: segments) else {
                    Issue.record("\(route.method) \(form) not found")
                    continue
                }
                #expect(found.operationID == route.operationID, "\(route.method) \(form)")
            }
        }
    }

    @Test("dataset paths are told apart by segment count, not by guessing")
    func segmentCounts() throws {
        func operation(_ method: String, _ path: String) -> String? {
            guard let segments = PathSegments.split(path),
                case .found(let route, _) = table.lookup(method: method, path: segments)
            else { return nil }
            return route.operationID
        }
        #expect(operation("GET", "/datasets/a/b/") == "getDataset")
        #expect(operation("GET", "/datasets/a/samples/") == "getDataset")
        #expect(operation("GET", "/datasets/a/b/samples/") == "getSamples")
        #expect(operation("GET", "/datasets/abcde/") == nil)
        // Two segments are always owner/name: this asks for dataset "abcde/labelsets", which is a 404.
        #expect(operation("GET", "/datasets/abcde/labelsets/") == "getDataset")
        #expect(operation("GET", "/datasets/a/b/collaborators/bob") == "getDatasetCollaborator")
        #expect(operation("GET", "/datasets//b/") == nil)
        #expect(operation("GET", "/user") == "getAuthenticatedUser")
        #expect(operation("GET", "/user/") == "getAuthenticatedUser")
    }

    @Test("a known path with another method is 405, an unknown path 404")
    func methods() {
        guard case .methodNotAllowed(let allowed) = table.lookup(method: "PUT", path: ["user"]) else {
            Issue.record("expected 405")
            return
        }
        #expect(allowed == [.get])
        guard case .notFound = table.lookup(method: "GET", path: ["nothing", "here"]) else {
            Issue.record("expected 404")
            return
        }
    }

    @Test("path segments are percent-decoded once; + stays +; bad escapes match nothing")
    func decoding() {
        #expect(PathSegments.split("/datasets/jane/my%20set/") == ["datasets", "jane", "my set"])
        #expect(PathSegments.split("/users/a+b") == ["users", "a+b"])
        #expect(PathSegments.split("/assets/%2e%2e/x") == ["assets", "..", "x"])
        #expect(PathSegments.split("/users/%zz") == nil)
        #expect(PathSegments.split("/users/caf%C3%A9") == ["users", "café"])
        #expect(PathSegments.split("/") == [])
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
