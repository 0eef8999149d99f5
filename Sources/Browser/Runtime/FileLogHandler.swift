import Foundation
import Logging
import SegmentsAPI

/// Logs go to a file: stdout belongs to the terminal while curses is on.
public struct FileLogHandler: LogHandler {
    private let handle: FileHandle
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let label: String

    public init(label: String, fileURL: URL) throws {
        try FileManager.default.createDirectory(at: fileURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: fileURL.path) {
            _ = FileManager.default.createFile(atPath: fileURL.path, contents: nil)
        }
        handle = try FileHandle(forWritingTo: fileURL)
        handle.seekToEndOfFile()
        self.label = label
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        // Timestamp, not ISO8601DateFormatter: Foundation's formatter loads ICU's calendar and
        // time-zone data, megabytes of resident memory for one line.
        let line = "\(Timestamp.current.text) \(event.level) \(label): \(event.message)\n"
        handle.write(Data(line.utf8))
    }

    /// `$XDG_STATE_HOME/segments-tui/log`, or `~/.local/state/segments-tui/log`.
    public static func defaultURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/state")
        return base.appendingPathComponent("segments-tui/log")
    }
}
