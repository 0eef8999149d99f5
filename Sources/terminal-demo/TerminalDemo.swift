import TerminalUI

#if canImport(Glibc)
    import Glibc
#endif

/// A small program over TerminalUI alone: a header, tabs, a table with Japanese names, emoji
/// and a hostile name, a status bar, modals. It is what the tmux tests drive.
///
///     terminal-demo [--rows N] [--mouse] [--no-color] [--ctrl-c-key] [--fail-after-first-frame]
///     terminal-demo --headless [--size 80x24] [--keys "jj/abc\r"] [--styled]
///     terminal-demo --bench [--frames N]
@main
enum TerminalDemo {
    @MainActor
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let rows = value(after: "--rows", in: arguments).flatMap(Int.init) ?? 1000
        if arguments.contains("--bench") {
            Benchmark.run(frames: value(after: "--frames", in: arguments).flatMap(Int.init) ?? 2000)
        } else if arguments.contains("--headless") {
            await runHeadless(arguments, rows: rows)
        } else {
            await runInteractive(arguments, rows: rows)
        }
    }

    @MainActor
    static func runInteractive(_ arguments: [String], rows: Int) async {
        let options = NcursesTerminal.Options(
            mouse: arguments.contains("--mouse"), noColor: arguments.contains("--no-color"),
            interruptAsKey: arguments.contains("--ctrl-c-key"))
        do {
            let failAfterFirstFrame = arguments.contains("--fail-after-first-frame")
            _ = try await TerminalSession.run(options: options) { terminal in
                // Exercises the thrown-error exit path: the session must still restore the terminal.
                if failAfterFirstFrame {
                    terminal.draw(DemoView.render(DemoState(rows: DemoData.rows(count: rows), size: terminal.size)))
                    throw DemoError.requestedFailure
                }
                return await DemoLoop.run(terminal, rowCount: rows)
            }
            print("terminal-demo: bye")
        } catch {
            printError("terminal-demo: \(error)")
            exit(1)
        }
    }

    @MainActor
    static func runHeadless(_ arguments: [String], rows: Int) async {
        let size = value(after: "--size", in: arguments).flatMap(parseSize) ?? Size(width: 80, height: 24)
        let terminal = HeadlessTerminal(size: size)
        terminal.type(Array(unescape(value(after: "--keys", in: arguments) ?? "").utf8))
        terminal.finish()
        _ = await DemoLoop.run(terminal, rowCount: rows)
        let lines = arguments.contains("--styled") ? terminal.styledLines : terminal.lines
        for line in lines { print(line) }
    }

    static func value(after flag: String, in arguments: [String]) -> String? {
        guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }

    static func parseSize(_ text: String) -> Size? {
        let parts = text.split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] > 0, parts[1] > 0 else { return nil }
        return Size(width: parts[0], height: parts[1])
    }

    /// `\r`, `\e`, `\t` in `--keys`, so scripts can type Enter, Esc and Tab.
    static func unescape(_ text: String) -> String {
        text.replacingOccurrences("\\r", "\r").replacingOccurrences("\\e", "\u{1B}").replacingOccurrences("\\t", "\t")
    }

    static func printError(_ message: String) {
        // Errors can carry data; sanitise them like everything else that reaches the terminal.
        let line = DisplayText(message).string + "\n"
        _ = line.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, line.utf8.count) }
    }
}

enum DemoError: Error {
    case requestedFailure
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
