import Foundation
import GRDB
import Logging
import SegmentsAPI

/// How a workspace behaves, for the app and for tests.
public struct WorkspaceOptions: Sendable {
    /// When a release's background job starts: at once, or when a test lets it.
    public var releaseJobs: ReleaseJobStart
    /// SQLite's page cache per connection, in KiB; nil: SQLite's default (2 MiB). The
    /// browser, which reads a page of rows at a time, keeps it small.
    public var pageCacheKiB: Int?

    public init(releaseJobs: ReleaseJobStart = .immediately, pageCacheKiB: Int? = nil) {
        self.releaseJobs = releaseJobs
        self.pageCacheKiB = pageCacheKiB
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
    let releaseJobs: ReleaseJobScheduler
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
    public init(folder: URL, options: WorkspaceOptions = .init()) async throws {
        let folder = folder.standardizedFileURL
        self.folder = folder
        self.options = options
        releaseJobs = ReleaseJobScheduler(mode: options.releaseJobs)
        // Opening and migrating block until SQLite has the file and its lock: a thread of
        // their own keeps that wait off the cooperative pool. Everything after is async.
        database = try await DedicatedThread.run { try Self.openDatabase(in: folder, pageCacheKiB: options.pageCacheKiB) }
        uploadSecret = try await database.write { db in try Self.loadOrCreateSecret(db) }
        try await resumePendingReleases()
    }

    private static func openDatabase(in folder: URL, pageCacheKiB: Int?) throws -> DatabasePool {
        try PrivateFiles.createFolder(folder)
        // Made 0600 before SQLite opens it: SQLite gives the WAL and shared-memory files the database's mode.
        PrivateFiles.createFileIfMissing(folder.appendingPathComponent("workspace.sqlite"))
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.label = "segments-tui.workspace"
        if let pageCacheKiB {
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -\(max(64, pageCacheKiB))") }
        }
        let database = try DatabasePool(
            path: folder.appendingPathComponent("workspace.sqlite").path, configuration: configuration)
        try Schema.migrator.migrate(database)
        return database
    }

    /// True before the first user exists (first start).
    public var isEmpty: Bool {
        get async throws {
            try await database.read { db in try AccountRow.fetchCount(db) } == 0
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

    /// With `ReleaseJobStart.held`: starts the jobs held so far and waits until all jobs have finished.
    public func runHeldReleaseJobs() async {
        await releaseJobs.runHeld()
    }

    /// Stops the background jobs. Releases they had not finished stay PENDING and
    /// are resumed the next time the workspace is opened.
    public func shutdown() async {
        await releaseJobs.cancelAll()
    }

    private static func loadOrCreateSecret(_ db: Database) throws -> [UInt8] {
        if let setting = try WorkspaceSettingRow.fetchOne(db, key: uploadSecretName) { return Array(setting.value.utf8) }
        let setting = WorkspaceSettingRow(name: uploadSecretName, value: Hashes.randomHex(bytes: 32))
        try setting.insert(db)
        return Array(setting.value.utf8)
    }

    private static let uploadSecretName = "upload_secret"
}
