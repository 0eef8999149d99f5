import Foundation
import Testing

@testable import SegmentsServer

/// NUL characters and deep nesting (issue 16, items 2 and 4): refused with a
/// field error before anything is stored; a NUL in a path names nothing.
@Suite("HTTP: NUL characters and nesting depth")
struct BodyCheckHTTPTests {
    static func nested(_ depth: Int) -> String {
        String(repeating: #"{"a":"#, count: depth - 1) + "{}" + String(repeating: "}", count: depth - 1)
    }

    static func sample(_ name: String, metadata: String = "{}") -> String {
        #"{"name": "\#(name)", "attributes": {"image": {"url": "http://example.org/a.png"}}, "metadata": \#(metadata)}"#
    }

    func post(_ server: TestServer, _ target: String, _ json: String, method: String = "POST") async throws -> HTTPResult {
        try await RawHTTP.request(port: server.port, method, target, body: Data(json.utf8), apiKey: server.janeKey)
    }

    @Test("text with a NUL is refused with the field named, never stored cut short")
    func nulInTextIsRefused() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let ds = try await server.makeDataset()
        let cases: [(String, String, String, String)] = [
            ("POST", "/user/datasets/", #"{"name": "nul", "description": "before\u0000after"}"#, "description"),
            ("PATCH", "/datasets/\(ds)/", #"{"readme": "before\u0000after"}"#, "readme"),
            ("POST", "/datasets/\(ds)/labelsets/", #"{"name": "preds", "description": "a\u0000b"}"#, "description"),
            ("POST", "/datasets/\(ds)/releases/", #"{"name": "v1", "description": "a\u0000b"}"#, "description"),
            ("POST", "/datasets/\(ds)/samples/", Self.sample(#"a\u0000b.png"#), "name"),
        ]
        for (method, target, body, field) in cases {
            let response = try await post(server, target, body, method: method)
            #expect(response.status == 400, "\(method) \(target): \(response.text)")
            #expect(response.object[field] as? [String] == ["Null characters are not allowed."], "\(response.text)")
        }
        let dataset = try await server.get("/datasets/\(ds)/", key: server.janeKey)
        #expect(dataset.object["readme"] as? String == "")
        #expect(try await server.get("/datasets/\(ds)/samples/", key: server.janeKey).array.isEmpty)
        // Inside metadata a NUL is kept whole (stored as JSON), and a filter on the text before it finds nothing.
        let whole = try await post(server, "/datasets/\(ds)/samples/", Self.sample("m.png", metadata: #"{"k": "v\u0000w"}"#))
        #expect(whole.status == 201)
        #expect((whole.object["metadata"] as? [String: Any])?["k"] as? String == "v\u{0}w")
        #expect(try await server.get("/datasets/\(ds)/samples/?filters=k:v", key: server.janeKey).array.isEmpty)
        #expect(try await server.get("/datasets/jane/nul/", key: server.janeKey).status == 404)
        // An escaped backslash before `u0000` is ordinary text, kept whole.
        let kept = try await post(server, "/datasets/\(ds)/", #"{"description": "a\\u0000b"}"#, method: "PATCH")
        #expect(kept.status == 200)
        #expect(kept.object["description"] as? String == #"a\u0000b"#)
    }

    @Test("a NUL in a path segment or a filter matches nothing")
    func nulInPathMatchesNothing() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let ds = try await server.makeDataset("d")
        #expect(try await post(server, "/datasets/\(ds)/samples/", Self.sample("a.png")).status == 201)
        #expect(try await post(server, "/datasets/\(ds)/releases/", #"{"name": "v"}"#).status == 201)
        for target in [
            "/datasets/jane/d%00zzz/", "/datasets/jane%00x/d/", "/users/jane%00x/", "/datasets/jane/d/labelsets/ground-truth%00x/",
            "/datasets/jane/d/releases/v%00x/",
        ] {
            #expect(try await server.get(target, key: server.janeKey).status == 404, "\(target)")
        }
        #expect(try await server.get("/datasets/jane/d/releases/v/", key: server.janeKey).status == 200)
        let filtered = try await server.get("/datasets/jane/d/samples/?name__contains=a%00zzz", key: server.janeKey)
        #expect(filtered.status == 200)
        #expect(filtered.array.isEmpty)
        #expect(try await server.get("/datasets/jane/d/samples/?name__contains=a", key: server.janeKey).array.count == 1)
    }

    @Test("metadata, sample and label attributes nest 64 levels at most; deeper is a 400 naming the field")
    func depthIsLimited() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let ds = try await server.makeDataset()
        let fine = try await post(server, "/datasets/\(ds)/samples/", Self.sample("ok.png", metadata: Self.nested(64)))
        #expect(fine.status == 201, "\(fine.text)")
        let uuid = try #require(fine.object["uuid"] as? String)

        let deep = try await post(server, "/datasets/\(ds)/samples/", Self.sample("deep.png", metadata: Self.nested(65)))
        #expect(deep.status == 400)
        #expect(deep.object["metadata"] as? [String] == ["Nesting deeper than 64 levels is not allowed."])

        let attributes = #"{"name": "x.png", "attributes": \#(Self.nested(500))}"#
        let deepAttributes = try await post(server, "/datasets/\(ds)/samples/", attributes)
        #expect(deepAttributes.status == 400)
        #expect(deepAttributes.object["attributes"] != nil, "\(deepAttributes.text)")

        let bulk = "[\(Self.sample("b1.png")), \(Self.sample("b2.png", metadata: Self.nested(100)))]"
        let deepBulk = try await post(server, "/datasets/\(ds)/samples_bulk/", bulk)
        #expect(deepBulk.status == 400)
        #expect(deepBulk.object["metadata"] != nil, "\(deepBulk.text)")

        let label = #"{"label_status": "PRELABELED", "attributes": \#(Self.nested(65))}"#
        let deepLabel = try await post(server, "/labels/\(uuid)/ground-truth/", label, method: "PUT")
        #expect(deepLabel.status == 400)
        #expect(deepLabel.object["attributes"] != nil, "\(deepLabel.text)")

        let samples = try await server.get("/datasets/\(ds)/samples/", key: server.janeKey)
        #expect(samples.array.compactMap { $0["name"] as? String } == ["ok.png"])
    }
}

extension BodyCheckHTTPTests {
    @Test("keys that are one text in two Unicode forms are refused, naming the field, not silently merged")
    func unicodeAliasedKeysAreRefused() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let ds = try await server.makeDataset()
        let aliased = #"{"caf\u00e9": 1, "cafe\u0301": 2}"#
        let sample = try await post(server, "/datasets/\(ds)/samples/", Self.sample("a.png", metadata: aliased))
        #expect(sample.status == 400)
        #expect(sample.object["metadata"] as? [String] == ["Two keys are the same text in different Unicode forms (NFC and NFD)."])
        let fine = try await post(server, "/datasets/\(ds)/samples/", Self.sample("b.png", metadata: #"{"caf\u00e9": 1}"#))
        #expect(fine.status == 201)
        let uuid = try #require(fine.object["uuid"] as? String)
        let label = #"{"label_status": "PRELABELED", "attributes": {"format_version": "0.1", "annotations": [], "\#(Self.nfd)": 1, "caf\u00e9": 2}}"#
        let labelResponse = try await post(server, "/labels/\(uuid)/ground-truth/", label, method: "PUT")
        #expect(labelResponse.status == 400)
        #expect(labelResponse.object["attributes"] != nil, "\(labelResponse.text)")
        // The other form of an existing sample's name is the same name.
        let twin = try await post(server, "/datasets/\(ds)/samples/", Self.sample(#"cafe\u0301.png"#))
        #expect(try await post(server, "/datasets/\(ds)/samples/", Self.sample(#"caf\u00e9.png"#)).status == 400)
        // Swift's == calls both forms equal; the scalars tell them apart.
        #expect((twin.object["name"] as? String)?.unicodeScalars.elementsEqual("caf\u{e9}.png".unicodeScalars) == true)
    }

    static let nfd = "cafe\u{301}"
}

@Suite("The JSON body check")
struct JSONBodyCheckTests {
    func inspect(_ text: String) -> JSONBodyCheck.Finding? { JSONBodyCheck.inspect(Data(text.utf8)) }

    @Test("brackets and escapes inside strings are text, not structure")
    func stringsAreText() {
        #expect(inspect(#"{"a": "[[[[{{{{", "description": "\\u0000", "c": "\"\u0001"}"#) == nil)
        #expect(inspect(#"{"description": "x\u0000"}"#) == .nulCharacter(field: "description"))
        #expect(inspect(#"{"a": {"k\u0000": "v\u0000"}}"#) == nil, "nested values are stored as JSON, whole")
        #expect(inspect(#"[{"name": "a\u0000"}]"#) == .nulCharacter(field: "name"))
        #expect(inspect(#"{"type": "a\u0000", "Weird": "b\u0000"}"#) == nil, "fields that are none of ours are ignored")
    }

    @Test("two forms of one key in one object are found, escaped or not; the same key twice or in two objects is not")
    func unicodeAliases() {
        #expect(inspect(#"{"metadata": {"caf\u00e9": 1, "cafe\u0301": 2}}"#) == .unicodeAliases(field: "metadata"))
        #expect(inspect("{\"attributes\": {\"caf\u{e9}\": 1, \"cafe\u{301}\": 2}}") == .unicodeAliases(field: "attributes"))
        // KELVIN SIGN is canonically K.
        #expect(inspect("{\"metadata\": {\"K\": 1, \"\u{212A}\": 2}}") == .unicodeAliases(field: "metadata"))
        #expect(inspect(#"{"metadata": {"a": 1, "a": 2}}"#) == nil)
        #expect(inspect(#"{"metadata": {"caf\u00e9": {"cafe\u0301": 1}}}"#) == nil)
        #expect(inspect(#"[{"caf\u00e9": 1}, {"cafe\u0301": 2}]"#) == nil)
    }

    @Test("depth is counted inside the field; user keys are never echoed")
    func depthNamesTheField() {
        #expect(inspect(#"{"metadata": \#(BodyCheckHTTPTests.nested(64))}"#) == nil)
        #expect(inspect(#"{"metadata": \#(BodyCheckHTTPTests.nested(65))}"#) == .tooDeep(field: "metadata"))
        #expect(inspect(#"{"Évil key": \#(BodyCheckHTTPTests.nested(65))}"#) == .tooDeep(field: "non_field_errors"))
        #expect(inspect(String(repeating: "[", count: 70)) == .tooDeep(field: "non_field_errors"))
        #expect(inspect(#"[{"a": 1}, {"metadata": \#(BodyCheckHTTPTests.nested(65))}]"#) == .tooDeep(field: "metadata"))
    }
}
