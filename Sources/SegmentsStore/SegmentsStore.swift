import Foundation
import GRDB
import SegmentsAPI

/// `SegmentsService` over a local workspace, acting as one user: every operation
/// checks that user's role on the dataset and runs as one database transaction,
/// so a call that fails changes nothing.
public struct SegmentsStore: SegmentsService {
    public let username: String
    /// Prefix of the absolute asset and release URLs in responses, without trailing slash.
    public let baseURL: String
    let workspace: Workspace

    init(workspace: Workspace, username: String, baseURL: String) {
        self.workspace = workspace
        self.username = username
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
    }

    public func checkAPIStatus() async throws {
        _ = try await read { db in try actingAccount(db) }
    }

    // MARK: Transactions

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await workspace.database.read(body)
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await workspace.database.write(body)
    }

    // MARK: Who is acting, on what

    /// The acting user's account; a user that does not exist cannot authenticate.
    func actingAccount(_ db: Database) throws -> AccountRow {
        guard let account = try AccountRow.find(db, username: username), !account.isOrganization else {
            throw SegmentsError.authentication("Invalid API key.")
        }
        return account
    }

    /// The dataset named by `owner/name`, if the acting user may do `action` on it.
    func dataset(_ db: Database, _ identifier: String, for action: DatasetAction) throws -> DatasetAccess {
        let parsed = try DatasetIdentifier(parsing: identifier)
        let account = try actingAccount(db)
        guard let row = try DatasetRow.find(db, owner: parsed.owner, name: parsed.name) else {
            throw SegmentsError.notFoundError
        }
        return try access(db, row, account: account, for: action)
    }

    func dataset(_ db: Database, id: Int64, for action: DatasetAction) throws -> DatasetAccess {
        let account = try actingAccount(db)
        guard let row = try DatasetRow.find(db, id: id) else { throw SegmentsError.notFoundError }
        return try access(db, row, account: account, for: action)
    }

    private func access(_ db: Database, _ row: DatasetRow, account: AccountRow, for action: DatasetAction) throws
        -> DatasetAccess
    {
        let level = try Permissions.level(db, dataset: row, accountID: account.id)
        try Permissions.require(action, level: level)
        return DatasetAccess(row: row, level: level, account: account)
    }

    /// The sample with this uuid and its dataset, if the acting user may do `action` there.
    func sample(_ db: Database, _ uuid: String, for action: DatasetAction) throws -> (SampleRow, DatasetAccess) {
        let uuid = try Validate.uuid(uuid)
        guard let sample = try SampleRow.find(db, uuid: uuid) else { throw SegmentsError.notFoundError }
        return (sample, try dataset(db, id: sample.datasetID, for: action))
    }

    func labelset(_ db: Database, _ access: DatasetAccess, name: String) throws -> LabelsetRow {
        guard let labelset = try LabelsetRow.find(db, datasetID: access.row.id, name: name) else {
            throw SegmentsError.notFoundError
        }
        return labelset
    }

    func url(forStorageKey key: String) -> String { "\(baseURL)/\(key)" }
}

/// A dataset together with what the acting user may do on it.
struct DatasetAccess: Sendable {
    var row: DatasetRow
    var level: AccessLevel
    var account: AccountRow

    func require(_ action: DatasetAction) throws { try Permissions.require(action, level: level) }
}
