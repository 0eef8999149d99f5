import Foundation

/// Text goldens of whole screens under Tests/BrowserTests/Snapshots/, so a layout change is
/// reviewed as a diff of the golden files.
///
/// A missing or different golden is a failure that shows the rows that differ. To accept new
/// screens, run the tests with `UPDATE_SNAPSHOTS=1` (the goldens are rewritten and the tests
/// pass), then review `git diff Tests/BrowserTests/Snapshots`.
enum ScreenSnapshot {
    /// Tests/BrowserTests/Snapshots of this checkout.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static var isRecording: Bool { ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" }

    /// Compares `screen` with the golden `name`.txt; returns nil when they match (or the
    /// golden was just recorded), else a readable description of the difference.
    static func mismatch(
        _ screen: String, named name: String, in folder: URL = folder, recording: Bool = isRecording
    ) throws -> String? {
        let file = folder.appendingPathComponent(name + ".txt")
        let actual = screen + "\n"
        if recording {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            return "no golden \(file.path); record it with UPDATE_SNAPSHOTS=1. The screen was:\n\(screen)"
        }
        if expected == actual { return nil }
        return "\(name) differs from its golden (- golden, + now; UPDATE_SNAPSHOTS=1 records the new screen):\n"
            + diff(expected: lines(expected), actual: lines(actual))
    }

    static func lines(_ text: String) -> [String] {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Row by row (a screen has a fixed height, so rows line up): every row that differs,
    /// numbered, as the golden had it and as it is now.
    static func diff(expected: [String], actual: [String]) -> String {
        var out: [String] = []
        for row in 0..<max(expected.count, actual.count) {
            let old = row < expected.count ? expected[row] : nil
            let new = row < actual.count ? actual[row] : nil
            guard old != new else { continue }
            let label = String(format: "%3d", row + 1)
            if let old { out.append("\(label) -|\(old)") }
            if let new { out.append("\(label) +|\(new)") }
        }
        return out.joined(separator: "\n")
    }
}
