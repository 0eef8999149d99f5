import Foundation
import Synchronization

/// One line per request: time, client, user, request line, status, bytes, duration.
/// Built from the method, path and query only — never headers (API keys travel in
/// `Authorization`) or bodies. Control characters are escaped so a crafted path
/// cannot forge log lines or reach a terminal.
final class AccessLog: Sendable {
    struct Entry: Sendable {
        var remoteAddress: String
        var username: String?
        var method: String
        var target: String
        var status: Int
        var bytes: Int
        var duration: Duration
    }

    private let handle: FileHandle?
    /// Lines from concurrent requests must not interleave.
    private let writing = Mutex(())

    init(destination: AccessLogDestination) throws {
        switch destination {
        case .none:
            handle = nil
        case .stderr:
            handle = FileHandle.standardError
        case .file(let url):
            if !FileManager.default.fileExists(atPath: url.path) {
                // The log names users and datasets: readable by the owner only.
                _ = FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
            }
            let handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
            self.handle = handle
        }
    }

    var isEnabled: Bool { handle != nil }

    func write(_ entry: Entry) {
        guard let handle else { return }
        let line = Self.format(entry, at: Date()) + "\n"
        writing.withLock { _ in handle.write(Data(line.utf8)) }
    }

    static func format(_ entry: Entry, at date: Date) -> String {
        let milliseconds = Double(entry.duration.components.seconds) * 1000
            + Double(entry.duration.components.attoseconds) / 1e15
        let time = date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
        return "\(time) \(escape(entry.remoteAddress)) \(escape(entry.username ?? "-")) "
            + "\"\(escape(entry.method)) \(escape(String(entry.target.prefix(2048))))\" \(entry.status) \(entry.bytes) "
            + String(format: "%.1fms", milliseconds)
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\"" || scalar == "\\" {
                result += String(format: "\\x%02X", scalar.value)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
