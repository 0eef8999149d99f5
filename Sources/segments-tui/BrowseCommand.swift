import ArgumentParser
import Browser
import Foundation
import Logging
import SegmentsAPI
import SegmentsClient
import SegmentsStore
import TerminalUI

/// The default command: browse Segments.ai (with an API key) or the embedded workspace.
struct BrowseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Browse datasets, samples, labels and issues (the default command).",
        discussion: """
            With SEGMENTS_API_KEY (or --api-key-file) it browses Segments.ai, or SEGMENTS_API_URL / --api-url \
            (e.g. a `segments-tui serve`). Without a key it opens the embedded workspace, seeding the demo on \
            first start.

            Pictures: with --graphics auto (the default, or `graphics` in the config file) the terminal is asked, \
            before the first frame, whether it speaks kitty's graphics protocol and whether it has sixels (DA1), \
            and for its cell size; keys typed meanwhile are kept. Inside tmux or screen it uses symbols without \
            asking. SEGMENTS_TUI_NO_TERMINAL_QUERY=1 skips the question and guesses from the environment \
            (TERM, TERM_PROGRAM, KITTY_WINDOW_ID).

            --keys notation for --headless: characters stand for themselves; <Enter> <Esc> <Tab> <S-Tab> <BS> \
            <Del> <Space> <Up> <Down> <Left> <Right> <Home> <End> <PgUp> <PgDn> <F1>… <C-x> <A-x> <lt>, \
            <Resize 100x30>, the mouse as <Click 10,5> <WheelUp 10,5> <WheelDown 10,5>, and keys typed ahead \
            (all at once) between <Burst> and </Burst>.
            """)

    @Option(name: .long, help: "Workspace folder for the embedded mode (default: $XDG_DATA_HOME/segments-tui).")
    var path: String?

    @Option(name: .long, help: "API base URL (default: SEGMENTS_API_URL or https://api.segments.ai/).")
    var apiUrl: String?

    @Option(name: .long, help: "Read the API key from this file instead of SEGMENTS_API_KEY.")
    var apiKeyFile: String?

    @Option(name: .customLong("as"), help: "Embedded mode: the workspace user to act as (default: jane).")
    var actingUser: String?

    @Flag(name: .long, help: "Browse only; nothing that changes data is offered.")
    var readOnly = false

    @Flag(name: .long, help: "No colours (also NO_COLOR).")
    var noColor = false

    @Option(
        name: .long,
        help: """
            How pictures are drawn: auto, kitty, sixel, iterm, symbols or none (default: auto: the terminal is \
            asked which it speaks; tmux and screen get symbols).
            """)
    var graphics: String?

    @Flag(name: .long, help: "No mouse: clicks and the wheel go to the terminal (for selecting text).")
    var noMouse = false

    @Flag(name: .long, help: "Run without a terminal: feed --keys, print the final screen.")
    var headless = false

    @Option(name: .long, help: "Keys for --headless, e.g. \"j<Enter>/flower<Enter>\".")
    var keys: String = ""

    @Option(name: .long, help: "Screen size for --headless, WIDTHxHEIGHT.")
    var size: String = "120x35"

    func validate() throws {
        if !keys.isEmpty && !headless { throw ValidationError("--keys needs --headless.") }
        if let graphics, GraphicsSetting(graphics) == nil {
            throw ValidationError("--graphics \(graphics) is not one of \(GraphicsSetting.allowedValues.joined(separator: ", ")).")
        }
        _ = try parsedSize()
        _ = try KeyNotation.parse(keys)
    }

    func parsedSize() throws -> Size {
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] >= 1, parts[1] >= 1 else {
            throw ValidationError("--size must be WIDTHxHEIGHT, e.g. 120x35.")
        }
        return Size(width: parts[0], height: parts[1])
    }

    func run() async throws {
        HeapPolicy.useOneArena()
        let environment = ProcessInfo.processInfo.environment
        let config = ConfigFile.load(environment: environment)
        let configWarnings = try config.validated()
        for warning in configWarnings { FileHandle.standardError.write(Data(("warning: " + warning + "\n").utf8)) }
        var logger = Logger(label: "segments-tui") { label in
            (try? FileLogHandler(label: label, fileURL: FileLogHandler.defaultURL())).map { $0 as any LogHandler }
                ?? SwiftLogNoOpLogHandler()
        }
        logger.logLevel = environment["SEGMENTS_TUI_LOG"] == "debug" ? .debug : .info
        // Only what can fail fast before the terminal is taken (a bad key file); opening the
        // workspace (and seeding it) happens under the first frame.
        let target = try connectionTarget(environment: environment, config: config, logger: logger)
        // Said again in the browser: the terminal is taken over before anyone reads stderr.
        let warning = configWarnings.first.map {
            configWarnings.count == 1 ? $0 : "\($0) (and \(configWarnings.count - 1) more, printed on stderr)"
        }
        let readOnly = readOnly || config.flag("read_only")
        if headless {
            var connection = try await open(target, logger: logger)
            connection.notice = warning ?? connection.notice
            let session = SessionInfo(server: connection.description, notice: connection.notice, readOnly: readOnly)
            let result = await HeadlessRun.run(
                service: connection.service, session: session, steps: try KeyNotation.steps(keys), size: try parsedSize(),
                logger: logger)
            await connection.close()
            print(result.screen)
            return
        }
        var options = NcursesTerminal.Options(mouse: !noMouse, noColor: noColor || config.flag("no_color"))
        // The flag wins over the config file; both were checked before the terminal was taken.
        let setting = (graphics ?? config.values["graphics"]).flatMap(GraphicsSetting.init) ?? .auto
        // Asked before ncurses takes the terminal, so the replies do not reach it as keys;
        // keys typed meanwhile are handed on to it.
        var answer = GraphicsDetection.TerminalAnswer.notAsked
        if GraphicsDetection.shouldQueryTerminal(environment: environment, setting: setting),
            let outcome = TerminalQuery.ask(timeout: TerminalQuery.timeout(environment: environment))
        {
            logger.info("terminal query \(outcome.summary)")
            answer = GraphicsDetection.TerminalAnswer(outcome)
            options.typeAhead = outcome.typeAhead
        }
        let detection = GraphicsDetection.detect(environment: environment, setting: setting, terminal: answer)
        try await TerminalSession.run(options: options) { terminal in
            let startup = StartupScreen(terminal: terminal, session: SessionInfo(server: target.description, readOnly: readOnly))
            startup.show()
            var connection = try await open(target, logger: logger) { text, work in
                try await startup.showing(text, while: work)
            }
            connection.notice = warning ?? connection.notice
            let app = BrowserApp(
                service: connection.service, terminal: terminal,
                session: SessionInfo(server: connection.description, notice: connection.notice, readOnly: readOnly),
                logger: logger, graphics: detection, imageCacheBytes: config.imageCacheBytes)
            await app.run()
            await connection.close()
        }
    }

    /// Where to browse: Segments.ai (or a compatible server) when a key is configured, else
    /// the embedded workspace. Reads the key file and warns about keys others can read;
    /// connects to nothing yet.
    private func connectionTarget(environment: [String: String], config: ConfigFile, logger: Logger) throws -> ConnectionTarget {
        var key = environment["SEGMENTS_API_KEY"].flatMap { $0.isEmpty ? nil : $0 } ?? config.values["api_key"]
        // Files holding a key that others can read: warned about as ssh does, and used all the same.
        var secretFiles: [URL] = []
        if config.values["api_key"] != nil, let url = config.url { secretFiles.append(url) }
        if let apiKeyFile {
            guard let text = try? String(contentsOfFile: apiKeyFile, encoding: .utf8) else {
                throw ValidationError("Cannot read the API key file \(apiKeyFile).")
            }
            key = text.trimmingCharacters(in: .whitespacesAndNewlines)
            secretFiles.append(URL(fileURLWithPath: apiKeyFile))
        }
        let warnings = secretFiles.compactMap { PrivateFiles.warning(for: $0, holds: "an API key") }
        for warning in warnings {
            FileHandle.standardError.write(Data((warning + "\n").utf8))
            logger.warning("\(warning)")
        }
        if let key, !key.isEmpty {
            let url = apiUrl ?? environment["SEGMENTS_API_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? config.values["api_url"]
                ?? SegmentsClientConfiguration.defaultBaseURL
            return .remote(key: key, url: url, notice: warnings.first)
        }
        let folder = (path ?? config.values["path"]).map { URL(fileURLWithPath: $0) } ?? Workspace.defaultFolder()
        return .embedded(folder: folder, user: actingUser ?? config.values["user"] ?? DemoSeed.users[0])
    }

    /// Connects: the HTTP client, or the workspace opened (seeded with the demo when empty)
    /// as its user. `progress` runs a slow step while saying what it is.
    @MainActor
    private func open(
        _ target: ConnectionTarget, logger: Logger,
        progress: @MainActor (String, () async throws -> Void) async throws -> Void = { try await $1() }
    ) async throws -> Connection {
        switch target {
        case .remote(let key, let url, let notice):
            let client = try SegmentsClient(configuration: SegmentsClientConfiguration(apiKey: key, baseURL: url), logger: logger)
            return Connection(service: client, description: url, notice: notice) {
                try? await client.shutdown()
            }
        case .embedded(let folder, let user):
            // A small page cache per connection: browsing reads a page of rows at a time, and
            // SQLite's default of 2 MiB for each of the pool's connections was most of the heap.
            let workspace = try await Workspace(folder: folder, options: WorkspaceOptions(pageCacheKiB: 256))
            var notice = "No API key: browsing the embedded workspace."
            if try await workspace.isEmpty {
                try await progress("Seeding the demo workspace in \(Self.abbreviated(folder.path)) (first start)…") {
                    _ = try await DemoSeed.seed(into: workspace)
                }
                notice = "No API key: seeded the demo workspace in \(folder.path) (first start)."
            }
            let store = workspace.store(actingAs: user, baseURL: workspace.fileBaseURL)
            do {
                _ = try await store.getUser(nil)
            } catch SegmentsError.authentication {
                throw CommandFailure(
                    "There is no user \(user) in the workspace \(Self.abbreviated(folder.path)). "
                        + "Pick one with --as (the demo's are \(DemoSeed.users.joined(separator: ", "))), "
                        + "or create it: segments-tui admin create-user \(user) --path \(Self.abbreviated(folder.path))")
            }
            return Connection(service: store, description: "embedded " + Self.abbreviated(folder.path), notice: notice) {}
        }
    }

    enum ConnectionTarget {
        case remote(key: String, url: String, notice: String?)
        case embedded(folder: URL, user: String)

        /// How the header names it, before and after connecting.
        var description: String {
            switch self {
            case .remote(_, let url, _): url
            case .embedded(let folder, _): "embedded " + BrowseCommand.abbreviated(folder.path)
            }
        }
    }

    static func abbreviated(_ path: String) -> String {
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        return path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
    }

    struct Connection {
        var service: any SegmentsService
        var description: String
        var notice: String?
        var close: @Sendable () async -> Void
    }
}
