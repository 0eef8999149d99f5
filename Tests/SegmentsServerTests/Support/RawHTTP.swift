import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A tiny HTTP/1.1 client over a POSIX socket. Tests need to send exactly the
/// bytes they mean (`/assets/../x`, odd headers, partial bodies), which
/// URLSession would normalise. Blocking I/O runs on its own thread so it never
/// starves Swift's cooperative pool, which the server under test also uses.
struct HTTPResult: Sendable {
    var status: Int
    /// Lowercased header names.
    var headers: [String: String]
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    var json: Any? { try? JSONSerialization.jsonObject(with: body) }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var array: [[String: Any]] { json as? [[String: Any]] ?? [] }
    var detail: String? { object["detail"] as? String }
}

enum RawHTTPError: Error { case connect, send, malformed(String) }

final class RawConnection: @unchecked Sendable {
    private let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw RawHTTPError.connect }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(descriptor)
            throw RawHTTPError.connect
        }
    }

    deinit { close(descriptor) }

    func send(_ data: Data) throws {
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let sent = Glibc.send(descriptor, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                guard sent > 0 else { throw RawHTTPError.send }
                offset += sent
            }
        }
    }

    /// Reads until the peer closes (requests are sent with `Connection: close`).
    func readToEnd() -> Data { readUntilClosed().data }

    /// Reads until the peer closes or our 20 s read timeout passes; `closedByPeer`
    /// tells the two apart, so a timeout test can prove the server hung up.
    func readUntilClosed() -> (data: Data, closedByPeer: Bool) {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
                continue
            }
            // 0 is an orderly close, ECONNRESET a reset; EAGAIN is our own timeout.
            let timedOut = count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)
            return (data, !timedOut)
        }
    }
}

enum RawHTTP {
    static func offThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try body() }) }
            thread.start()
        }
    }

    static func request(
        port: Int, _ method: String, _ target: String, headers: [(String, String)] = [], body: Data? = nil,
        apiKey: String? = nil
    ) async throws -> HTTPResult {
        var lines = ["\(method) \(target) HTTP/1.1", "Host: 127.0.0.1:\(port)", "Connection: close"]
        if let apiKey { lines.append("Authorization: APIKey \(apiKey)") }
        for (name, value) in headers { lines.append("\(name): \(value)") }
        if let body {
            if !headers.contains(where: { $0.0.lowercased() == "content-type" }) {
                lines.append("Content-Type: application/json")
            }
            lines.append("Content-Length: \(body.count)")
        }
        var bytes = Data((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
        if let body { bytes.append(body) }
        let payload = bytes
        let raw = try await offThread {
            let connection = try RawConnection(port: port)
            try connection.send(payload)
            return connection.readToEnd()
        }
        return try parse(raw)
    }

    static func json(
        port: Int, _ method: String, _ target: String, _ object: Any, apiKey: String?, headers: [(String, String)] = []
    ) async throws -> HTTPResult {
        let body = try JSONSerialization.data(withJSONObject: object)
        return try await request(port: port, method, target, headers: headers, body: body, apiKey: apiKey)
    }

    static func parse(_ raw: Data) throws -> HTTPResult {
        guard let split = raw.range(of: Data("\r\n\r\n".utf8)) else { throw RawHTTPError.malformed("no header end") }
        let head = String(decoding: raw[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first, statusLine.split(separator: " ").count >= 2,
            let status = Int(statusLine.split(separator: " ")[1])
        else { throw RawHTTPError.malformed("status line") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(raw[split.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = dechunk(body) }
        return HTTPResult(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ data: Data) -> Data {
        var result = Data()
        var cursor = data.startIndex
        while let lineEnd = data.range(of: Data("\r\n".utf8), in: cursor..<data.endIndex) {
            let sizeText = String(decoding: data[cursor..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";")[0], radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            result.append(data[start..<min(start + size, data.endIndex)])
            cursor = min(start + size + 2, data.endIndex)
        }
        return result
    }
}
