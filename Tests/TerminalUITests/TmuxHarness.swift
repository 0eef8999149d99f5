import Foundation
import Testing

@testable import TerminalUI

/// Drives a real terminal through `scripts/tmux-driver`, the driver the shell and Python
/// end-to-end tests use too: a tmux server on its own socket, one session, waits that poll
/// the screen (never blind sleeps). The server is killed when the harness is closed.
final class TmuxHarness {
    let socket: String
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

    /// scripts/tmux-driver of this checkout (Tests/TerminalUITests/ → ../../scripts).
    static let driverPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/tmux-driver").path

    /// Starts a session running the shell command line `command` in a `width`×`height` window.
    init(name: String, width: Int, height: Int, command: String) throws {
        socket = "tui-test-\(getpid())-\(name)"
        try driver(["start", "-x", "\(width)", "-y", "\(height)", "--shell", command])
        isOpen = true
    }

    deinit { close() }

    func close() {
        guard isOpen else { return }
        isOpen = false
        _ = try? driver(["kill"])
    }

    /// Runs one driver command; a non-zero exit status throws with the driver's message
    /// (for a wait: the reason and the screen).
    @discardableResult
    func driver(_ arguments: [String], input: String? = nil) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = nil
        environment["TMUX"] = nil
        environment["TERM"] = "xterm-256color"
        let result = try Spawn.run(
            Self.driverPath, ["-L", socket] + arguments, environment: environment, captureOutput: true, input: input)
        guard result.exitStatus == 0 else {
            throw Failure(description: result.errorOutput.isEmpty ? "tmux-driver \(arguments) failed" : result.errorOutput)
        }
        return result.output
    }

    func capture(escapes: Bool = false) throws -> [String] {
        Self.lines(try driver(["capture"] + (escapes ? ["-e"] : [])))
    }

    func display(_ format: String) throws -> String {
        try driver(["display", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// tmux key names ("Enter", "Down", "C-c", "M-x"…), sent as one burst.
    func sendKeys(_ keys: String...) throws {
        try sendKeys(keys)
    }

    func sendKeys(_ keys: [String]) throws {
        try driver(["keys"] + keys)
    }

    func type(_ text: String) throws {
        try driver(["type", text])
    }

    func resize(width: Int, height: Int) throws {
        try driver(["resize", "\(width)", "\(height)"])
    }

    /// Tests each new screen until `condition` holds (blocking in the driver's `wait-change`
    /// between screens); fails with the last screen after `timeout`.
    @discardableResult
    func waitFor(
        _ what: String, timeout: Duration = .seconds(15), _ condition: ([String]) -> Bool
    ) throws -> [String] {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var screen = try driver(["capture"])
        while !condition(Self.lines(screen)) {
            let remaining = deadline - clock.now
            guard remaining > .zero else {
                throw Failure(description: "timed out waiting for \(what); screen was:\n" + screen)
            }
            do {
                screen = try driver(["wait-change", "-p", "-t", Self.seconds(remaining)], input: screen)
            } catch let failure as Failure {
                throw Failure(description: "waiting for \(what): \(failure.description)")
            }
        }
        return Self.lines(screen)
    }

    @discardableResult
    func waitForText(_ text: String, timeout: Duration = .seconds(15)) throws -> [String] {
        Self.lines(try driver(["wait-for", "-p", "-t", Self.seconds(timeout), "--", text]))
    }

    /// The pid of the process running in the pane's shell (the demo), if any.
    func childOfPane() throws -> Int32? {
        let shell = try display("#{pane_pid}")
        let output = try Spawn.run(
            "/usr/bin/pgrep", ["-P", shell], environment: ProcessInfo.processInfo.environment, captureOutput: true
        ).output
        return output.split(separator: "\n").first.flatMap { Int32($0) }
    }

    static func lines(_ screen: String) -> [String] {
        screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// A duration as the driver's -t takes it ("2.500").
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.3f", Double(max(seconds, 0)) + Double(max(attoseconds, 0)) / 1e18)
    }
}

/// Column (in display cells) at which `needle` starts in `line`.
func displayColumn(of needle: String, in line: String) -> Int? {
    guard let range = line.range(of: needle) else { return nil }
    return DisplayText(String(line[..<range.lowerBound])).width
}
