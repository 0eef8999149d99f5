import GRDB
import SegmentsAPI

extension SegmentsStore {
    public func getReleases(_ datasetIdentifier: String) async throws -> [Release] {
        try await read { db in
            let access = try dataset(db, datasetIdentifier, for: .read)
            return try ReleaseRow.fetchAll(
                db, sql: "SELECT * FROM dataset_release WHERE dataset_id = ? ORDER BY created_at, uuid",
                arguments: [access.row.id]
            ).map(releaseResponse)
        }
    }

    public func getRelease(_ datasetIdentifier: String, name: String) async throws -> Release {
        try await read { db in
            releaseResponse(try release(db, dataset(db, datasetIdentifier, for: .read), name: name))
        }
    }

    /// Stores the release PENDING and returns at once; a background job builds it.
    public func addRelease(_ datasetIdentifier: String, name: String, description: String) async throws -> Release {
        let name = NameForm.nfc(name)
        try Validate.releaseName(name)
        let now = Timestamp.now()
        let release = try await write { db in
            let access = try dataset(db, datasetIdentifier, for: .manageReleases)
            let uuid = Identifiers.newUUID()
            try ReleaseWriter.insert(
                db, uuid: uuid, datasetID: access.row.id, name: name, description: description, at: now)
            return releaseResponse(try self.release(db, access, name: name))
        }
        workspace.scheduleReleaseJob(release.uuid)
        return release
    }

    public func deleteRelease(_ datasetIdentifier: String, name: String) async throws {
        let file = try await write { db in
            let access = try dataset(db, datasetIdentifier, for: .manageReleases)
            let release = try release(db, access, name: name)
            try db.execute(sql: "DELETE FROM dataset_release WHERE id = ?", arguments: [release.id])
            return release.filePath
        }
        workspace.removeFiles(file.map { [$0] } ?? [])
    }

    private func release(_ db: Database, _ access: DatasetAccess, name: String) throws -> ReleaseRow {
        guard
            let row = try ReleaseRow.fetchOne(
                db, sql: "SELECT * FROM dataset_release WHERE dataset_id = ? AND name = ?",
                arguments: [access.row.id, NameForm.nfc(name)])
        else { throw SegmentsError.notFoundError }
        return row
    }
}

enum ReleaseWriter {
    static func insert(
        _ db: Database, uuid: String, datasetID: Int64, name: String, description: String, at now: String
    ) throws {
        let taken = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM dataset_release WHERE dataset_id = ? AND name = ?)",
            arguments: [datasetID, name]) ?? false
        guard !taken else { throw SegmentsError.alreadyExists("A release with this name already exists.") }
        try db.execute(
            sql: """
                INSERT INTO dataset_release (uuid, dataset_id, name, description, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [uuid, datasetID, name, description, ReleaseStatus.pending.rawValue, now])
    }
}
