import Foundation
import Testing

@testable import SegmentsServer

@Suite("HTTP: error codes and texts, pagination")
struct ErrorHTTPTests {
    @Test("not found, malformed uuids, duplicates, permissions: the texts the SDK maps")
    func errorTexts() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let ds = try await server.makeDataset("dup")

        let missing = try await server.get("/datasets/jane/nope/", key: server.janeKey)
        #expect(missing.status == 404)
        #expect(missing.detail == "Not found.")
        #expect(try await server.get("/datasets/abcde/", key: server.janeKey).status == 404)
        let badUUID = try await server.get("/samples/12345/", key: server.janeKey)
        #expect(badUUID.status == 404)
        #expect(badUUID.detail == "Not found.")
        let unknownUser = try await server.get("/users/nobody-xyz", key: server.janeKey)
        #expect(unknownUser.detail == "Not found.")

        let duplicate = try await server.send("POST", "/user/datasets/", ["name": "dup"], key: server.janeKey)
        #expect(duplicate.status == 400)
        #expect(duplicate.detail?.lowercased().contains("already exists") == true)
        #expect(duplicate.detail?.contains("dup") == false)

        let invalid = try await server.send("POST", "/user/datasets/", ["description": "no name"], key: server.janeKey)
        #expect(invalid.status == 400)
        #expect((invalid.object["name"] as? [String]) == ["This field is required."])
        let badEnum = try await server.send("POST", "/user/datasets/", ["name": "e", "task_type": "hologram"], key: server.janeKey)
        #expect(badEnum.status == 400)
        #expect(badEnum.object["task_type"] != nil)

        // bob is not a collaborator: he may not see or change jane's private dataset.
        let foreign = try await server.send("PATCH", "/datasets/\(ds)/", ["description": "x"], key: server.bobKey)
        #expect([403, 404].contains(foreign.status))

        let wrongMethod = try await RawHTTP.request(port: server.port, "PUT", "/user", apiKey: server.janeKey)
        #expect(wrongMethod.status == 405)
        #expect(try await server.get("/no/such/route/", key: server.janeKey).status == 404)
    }

    @Test("deletes answer 204 with no body; success bodies never carry `detail`")
    func deletes() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let ds = try await server.makeDataset()
        let created = try await server.send(
            "POST", "/datasets/\(ds)/labelsets/", ["name": "preds", "description": "", "attributes": "{}"],
            key: server.janeKey)
        #expect(created.status == 201)
        #expect(created.object["detail"] == nil)
        let deleted = try await RawHTTP.request(
            port: server.port, "DELETE", "/datasets/\(ds)/labelsets/preds/", apiKey: server.janeKey)
        #expect(deleted.status == 204)
        #expect(deleted.body.isEmpty)
    }

    @Test("pages: bare arrays, page 1 always answers, past the end is 404 'Invalid page.', per_page capped")
    func pagination() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        for name in ["p1", "p2", "p3"] { _ = try await server.makeDataset(name) }
        var seen: [String] = []
        for page in 1...3 {
            let response = try await server.get("/user/datasets/?per_page=1&page=\(page)", key: server.janeKey)
            #expect(response.status == 200)
            #expect(response.array.count == 1)
            seen += response.array.compactMap { $0["name"] as? String }
        }
        #expect(Set(seen) == ["p1", "p2", "p3"])
        let past = try await server.get("/user/datasets/?per_page=1&page=4", key: server.janeKey)
        #expect(past.status == 404)
        #expect(past.detail == "Invalid page.")
        #expect(try await server.get("/user/datasets/?per_page=1&page=abc", key: server.janeKey).detail == "Invalid page.")
        let capped = try await server.get("/user/datasets/?per_page=100000&page=1", key: server.janeKey)
        #expect(capped.status == 200)
        #expect(capped.array.count == 3)

        let ds = "jane/p1"
        let emptySamples = try await server.get("/datasets/\(ds)/samples/?per_page=1000&page=1&sort=name", key: server.janeKey)
        #expect(emptySamples.status == 200)
        #expect(emptySamples.text.hasPrefix("["))
        #expect(try await server.get("/datasets/\(ds)/samples/?per_page=10&page=2&sort=name", key: server.janeKey).detail
            == "Invalid page.")
    }
}
