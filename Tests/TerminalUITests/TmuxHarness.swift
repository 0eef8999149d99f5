import Foundation
import Testing

@testable import TerminalUI

/// Drives a real terminal: a tmux server on its own socket, one session, polled with
/// `capture-pane` (never blind sleeps). The session is killed when the harness is closed.
final class TmuxHarness {
    let socket: String
    let session = "main"
    private(set) var isOpen = false

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The demo binary built next to the test bundle.
    static func demoPath() throws -> String {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("terminal-demo").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        throw Failure(description: "terminal-demo not found next to \(testBinary.path); run `swift build --product terminal-demo`")
    }

    static func tmuxPath() throws -> String {
        for candidate in ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw Failure(description: "tmux is not installed (apt-get install -y tmux)")
    }

    /// Starts a session running `command` in a `width`×`height` window.
    init(name: String, width: Int, height: Int, command: String) throws {
        socket = "tui-test-\(getpid())-\(name)"
        // The first command forks the tmux server, which keeps whatever stdout it was given:
        // a pipe would never reach EOF, so this one writes to /dev/null.
        try run(
            ["-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", command],
            capturingOutput: false)
        isOpen = true
    }

    deinit { close() }

    func close() {
        guard isOpen else { return }
        isOpen = false
        _ = try? run(["kill-server"], capturingOutput: false)
    }

    @discardableResult
    func run(_ arguments: [String], capturingOutput: Bool = true) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = nil
        environment["TMUX"] = nil
        environment["TERM"] = "xterm-256color"
        return try Spawn.run(
            try Self.tmuxPath(), ["-L", socket] + arguments, environment: environment, captureOutput: capturingOutput
        ).output
    }

    func capture(escapes: Bool = false) throws -> [String] {
        let text = try run(["capture-pane", "-p", "-t", session] + (escapes ? ["-e"] : []))
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func display(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", session, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func sendKeys(_ keys: String...) throws {
        try run(["send-keys", "-t", session] + keys)
    }

    func type(_ text: String) throws {
        try run(["send-keys", "-t", session, "-l", text])
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the pane until `condition` holds; fails with the last capture after `timeout`.
    @discardableResult
    func waitFor(
        _ what: String, timeout: Duration = .seconds(15), _ condition: ([String]) -> Bool
    ) throws -> [String] {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var lines: [String] = []
        while clock.now < deadline {
            lines = try capture()
            if condition(lines) { return lines }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw Failure(description: "timed out waiting for \(what); screen was:\n" + lines.joined(separator: "\n"))
    }

    @discardableResult
    func waitForText(_ text: String, timeout: Duration = .seconds(15)) throws -> [String] {
        try waitFor("\"\(text)\"", timeout: timeout) { $0.contains { $0.contains(text) } }
    }

    /// The pid of the process running in the pane's shell (the demo), if any.
    func childOfPane() throws -> Int32? {
        let shell = try display("#{pane_pid}")
        let output = try Spawn.run(
            "/usr/bin/pgrep", ["-P", shell], environment: ProcessInfo.processInfo.environment, captureOutput: true
        ).output
        return output.split(separator: "\n").first.flatMap { Int32($0) }
    }
}

/// Column (in display cells) at which `needle` starts in `line`.
func displayColumn(of needle: String, in line: String) -> Int? {
    guard let range = line.range(of: needle) else { return nil }
    return DisplayText(String(line[..<range.lowerBound])).width
}
