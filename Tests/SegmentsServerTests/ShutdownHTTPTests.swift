import Foundation
import Testing

@testable import SegmentsServer

@Suite("HTTP: graceful shutdown")
struct ShutdownHTTPTests {
    @Test("stop() lets a request that is already in flight finish, then refuses new connections")
    func inFlightRequestFinishes() async throws {
        let server = try await TestServer.start()
        let body = Data(#"{"name": "late-dataset", "description": "sent in two halves"}"#.utf8)
        let head = "POST /user/datasets/ HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nConnection: close\r\n"
            + "Authorization: APIKey \(server.janeKey)\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.count)\r\n\r\n"
        let connection = try RawConnection(port: server.port)
        try connection.send(Data(head.utf8) + body.prefix(10))
        try await Task.sleep(for: .milliseconds(200))

        let stopping = Task { await server.server.stop() }
        try await Task.sleep(for: .milliseconds(300))
        try connection.send(body.dropFirst(10))
        let raw = try await RawHTTP.offThread { connection.readToEnd() }
        let response = try RawHTTP.parse(raw)
        #expect(response.status == 201)
        #expect(response.object["name"] as? String == "late-dataset")
        await stopping.value

        await #expect(throws: (any Error).self) {
            _ = try await RawHTTP.request(port: server.port, "GET", "/user", apiKey: server.janeKey)
        }
        await server.workspace.shutdown()
        try? FileManager.default.removeItem(at: server.folder)
    }
}
