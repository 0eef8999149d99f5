import Foundation
import Testing

@testable import SegmentsServer

@Suite("OpenAPI document")
struct OpenAPITests {
    @Test("every registered route is documented, and every documented operation is registered")
    func documentMatchesRoutes() {
        let registered = Set(Routes.all.map { "\($0.method.rawValue) \($0.pattern.text) \($0.operationID)" })
        let documented = Set(OpenAPIOperations.all.map { "\($0.method.rawValue) \($0.path) \($0.operationID)" })
        #expect(registered.subtracting(documented).isEmpty, "undocumented: \(registered.subtracting(documented))")
        #expect(documented.subtracting(registered).isEmpty, "not served: \(documented.subtracting(registered))")
    }

    @Test("authentication in the document matches the routes")
    func security() {
        let open = Set(Routes.all.filter { $0.access == .open }.map(\.operationID))
        let documentedOpen = Set(OpenAPIOperations.all.filter { !$0.requiresAPIKey }.map(\.operationID))
        #expect(open == documentedOpen)
    }

    @Test("the document is OpenAPI 3.1 JSON and every schema it references exists")
    func references() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.json) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: Any])
        #expect(paths.count == Set(OpenAPIOperations.all.map(\.path)).count)
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let text = String(decoding: OpenAPIDocument.json, as: UTF8.self)
        let pattern = try Regex(#"#/components/schemas/([A-Za-z]+)"#)
        for match in text.matches(of: pattern) {
            let name = String(text[match.range].split(separator: "/").last ?? "")
            #expect(schemas[name] != nil, "missing schema \(name)")
        }
    }
}
