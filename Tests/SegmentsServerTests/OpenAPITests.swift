import Foundation
import SegmentsAPI
import Testing

@testable import SegmentsServer

@Suite("OpenAPI document")
struct OpenAPITests {
    @Test("every route is documented, and every documented operation is a route")
    func documentMatchesRoutes() {
        let registered = Set(Routes.all.map(\.operationID))
        let documented = Set(API.all.map(\.id))
        #expect(registered == documented)
        #expect(documented.count == API.all.count, "operation ids are unique")
        #expect(Set(Routes.all.map { "\($0.method.rawValue) \($0.pattern.text)" }).count == Routes.all.count)
    }

    @Test("the document's paths, methods and authentication are the routes'")
    func documentIsTheRouteTable() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.json) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        for route in Routes.all {
            let operation = try #require(paths[route.pattern.text]?[route.method.rawValue.lowercased()], "\(route.operationID)")
            #expect(operation["operationId"] as? String == route.operationID)
            let security = operation["security"] as? [Any] ?? []
            #expect(security.isEmpty == (route.access == .open), "\(route.operationID)")
            #expect(operation["x-required-role"] as? String == route.operation.permission?.requiredLevel.description)
        }
        #expect(paths.values.map(\.count).reduce(0, +) == Routes.all.count)
    }

    @Test("the document is OpenAPI 3.1 JSON and every schema it references exists")
    func references() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.json) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: Any])
        #expect(paths.count == Set(Routes.all.map(\.pattern.text)).count)
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let text = String(decoding: OpenAPIDocument.json, as: UTF8.self)
        let pattern = try Regex(#"#/components/schemas/([A-Za-z]+)"#)
        for match in text.matches(of: pattern) {
            let name = String(text[match.range].split(separator: "/").last ?? "")
            #expect(schemas[name] != nil, "missing schema \(name)")
        }
    }
}

/// The document tells the truth (issue 16, item 8): its error answers are the
/// real ones, and its name constraints are exactly what the server accepts.
@Suite("OpenAPI document: the answers it promises are the real ones")
struct OpenAPIContractTests {
    static func document() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.json) as? [String: Any])
    }

    static func schema(_ name: String) throws -> [String: Any] {
        let components = try #require(try document()["components"] as? [String: Any])
        return try #require((components["schemas"] as? [String: Any])?[name] as? [String: Any])
    }

    static func property(_ schema: String, _ name: String) throws -> [String: Any] {
        try #require((try Self.schema(schema)["properties"] as? [String: Any])?[name] as? [String: Any])
    }

    /// Whether `text` satisfies a string schema's length, pattern and `not: {enum}`.
    static func satisfies(_ text: String, _ schema: [String: Any]) throws -> Bool {
        let length = text.unicodeScalars.count
        if let minimum = schema["minLength"] as? Int, length < minimum { return false }
        if let maximum = schema["maxLength"] as? Int, length > maximum { return false }
        if let excluded = (schema["not"] as? [String: Any])?["enum"] as? [String], excluded.contains(text) { return false }
        guard let pattern = schema["pattern"] as? String else { return true }
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    @Test("a 400 is declared wherever one can come, as either body shape; uploads declare 403 and 415")
    func errorAnswers() throws {
        let paths = try #require(try Self.document()["paths"] as? [String: [String: [String: Any]]])
        for route in Routes.all {
            let operation = route.operation
            let responses = try #require(paths[route.pattern.text]?[route.method.rawValue.lowercased()]?["responses"] as? [String: Any])
            if operation.body != nil || !operation.query.isEmpty {
                let badRequest = try #require(responses["400"] as? [String: Any], "\(operation.id)")
                #expect("\(badRequest)".contains("BadRequest"), "\(operation.id)")
            }
        }
        let upload = try #require(paths["/uploads/"]?["post"]?["responses"] as? [String: Any])
        #expect(Set(upload.keys).isSuperset(of: ["204", "400", "403", "404", "413", "415"]))
        let badRequest = try Self.schema("BadRequest")
        #expect("\(badRequest)".contains("FieldErrors") && "\(badRequest)".contains("Error"))
    }

    @Test("the name constraints in the document are exactly the ones the server applies")
    func nameConstraints() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let ds = try await server.makeDataset("names")
        let candidates = [
            "a", "ok-name_1.2", ".", "..", "a b", "café", "x/y", "a?b", "v1.0 (final)", " ", "tab\there", "é",
            String(repeating: "n", count: 100), String(repeating: "n", count: 101), "日本語", "🚗", "a#b",
        ]
        let identifier = try Self.property("NewDataset", "name")
        let release = try Self.property("NewRelease", "name")
        let sample = try Self.property("NewSample", "name")
        for (index, name) in candidates.enumerated() {
            let dataset = try await server.send("POST", "/user/datasets/", ["name": name], key: server.janeKey)
            #expect((dataset.status == 201) == (try Self.satisfies(name, identifier)), "dataset \(name): \(dataset.text)")
            let labelset = try await server.send(
                "POST", "/datasets/\(ds)/labelsets/", ["name": name], key: server.janeKey)
            #expect((labelset.status == 201) == (try Self.satisfies(name, identifier)), "labelset \(name): \(labelset.text)")
            let made = try await server.send(
                "POST", "/datasets/\(ds)/releases/", ["name": name], key: server.janeKey)
            #expect((made.status == 201) == (try Self.satisfies(name, release)), "release \(name): \(made.text)")
            let added = try await server.send(
                "POST", "/datasets/\(ds)/samples/",
                ["name": "\(index)-" + name, "attributes": ["image": ["url": "http://example.org/a.png"]]],
                key: server.janeKey)
            #expect((added.status == 201) == (try Self.satisfies("\(index)-" + name, sample)), "sample \(name): \(added.text)")
        }
        await server.workspace.waitForReleaseJobs()
    }
}
