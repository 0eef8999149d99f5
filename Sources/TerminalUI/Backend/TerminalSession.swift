/// Runs a body with the terminal in curses mode and restores the terminal on every way out:
/// return, thrown error (`defer`), SIGINT/SIGTERM/SIGHUP (handled by `NcursesTerminal`, which
/// restores then exits), a call to `exit()` (an `atexit` hook), and Ctrl-Z (restored while
/// suspended, repainted on `fg`).
public enum TerminalSession {
    @MainActor
    public static func run<T>(
        options: NcursesTerminal.Options = NcursesTerminal.Options(),
        _ body: @MainActor (NcursesTerminal) async throws -> T
    ) async throws -> T {
        let terminal = try NcursesTerminal(options: options)
        defer { terminal.stop() }
        return try await body(terminal)
    }
}
