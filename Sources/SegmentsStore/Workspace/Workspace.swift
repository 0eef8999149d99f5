import Foundation
import GRDB
import Logging
import SegmentsAPI

/// How a workspace behaves, for the app and for tests.
public struct WorkspaceOptions: Sendable {
    /// How long a release job waits before it builds the export, so that the
    /// PENDING state can be seen (and polled) as on the hosted service.
    public var releaseDelay: Duration

    public init(releaseDelay: Duration = .seconds(2)) {
        self.releaseDelay = releaseDelay
    }
}

/// One local workspace: a folder holding `workspace.sqlite` (users, datasets,
/// samples, labels …), the uploaded assets and the release export files.
/// Whoever holds the workspace is its administrator; `store(actingAs:)` gives a
/// `SegmentsService` that acts as one user with that user's permissions.
public final class Workspace: Sendable {
    public let folder: URL
    public let options: WorkspaceOptions
    let database: DatabasePool
    let releaseJobs = ReleaseJobScheduler()
    let logger = Logger(label: "segments-tui.store")
    /// Signs upload tokens; generated once per workspace and kept in the database.
    let uploadSecret: [UInt8]

    /// `$XDG_DATA_HOME/segments-tui`, or `~/.local/share/segments-tui`.
    public static func defaultFolder() -> URL {
        let environment = ProcessInfo.processInfo.environment
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            return URL(fileURLWithPath: dataHome, isDirectory: true).appendingPathComponent("segments-tui", isDirectory: true)
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".local/share/segments-tui", isDirectory: true)
    }

    /// Opens (creating if needed) the workspace in `folder` and brings its schema up
    /// to date. Releases left PENDING by a process that ended are resumed.
    public init(folder: URL, options: WorkspaceOptions = .init()) throws {
        let folder = folder.standardizedFileURL
        try PrivateFiles.createFolder(folder)
        // Made 0600 before SQLite opens it: SQLite gives the WAL and shared-memory files the database's mode.
        PrivateFiles.createFileIfMissing(folder.appendingPathComponent("workspace.sqlite"))
        self.folder = folder
        self.options = options
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.label = "segments-tui.workspace"
        database = try DatabasePool(
            path: folder.appendingPathComponent("workspace.sqlite").path, configuration: configuration)
        try Schema.migrator.migrate(database)
        uploadSecret = try database.write { db in try Self.loadOrCreateSecret(db) }
        try resumePendingReleases()
    }

    /// Opens the workspace and fills it with the demo data on first start.
    public static func openDemo(folder: URL) throws -> Workspace {
        let workspace = try Workspace(folder: folder)
        if try workspace.isEmpty {
            _ = try DemoSeed.seed(into: workspace)
        }
        return workspace
    }

    /// True before the first user exists (first start).
    public var isEmpty: Bool {
        get throws {
            try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM account") ?? 0 } == 0
        }
    }

    /// The service as `username` sees it. `baseURL` prefixes asset and release URLs
    /// in responses (the server's `http://host:port`, or this folder's file URL).
    public func store(actingAs username: String, baseURL: String) -> SegmentsStore {
        SegmentsStore(workspace: self, username: username, baseURL: baseURL)
    }

    /// The folder as a `file://` URL without trailing slash, the base URL of embedded use.
    public var fileBaseURL: String {
        var text = folder.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// Waits until every release job started so far has finished.
    public func waitForReleaseJobs() async {
        await releaseJobs.waitForAll()
    }

    /// Stops the background jobs. Releases they had not finished stay PENDING and
    /// are resumed the next time the workspace is opened.
    public func shutdown() async {
        await releaseJobs.cancelAll()
    }

    private static func loadOrCreateSecret(_ db: Database) throws -> [UInt8] {
        if let hex = try String.fetchOne(
            db, sql: "SELECT value FROM workspace_setting WHERE name = ?", arguments: ["upload_secret"])
        {
            return Array(hex.utf8)
        }
        var generator = SystemRandomNumberGenerator()
        let hex = SHA256.hex((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try db.execute(
            sql: "INSERT INTO workspace_setting (name, value) VALUES (?, ?)", arguments: ["upload_secret", hex])
        return Array(hex.utf8)
    }
}
