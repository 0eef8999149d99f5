import GRDB
import SegmentsAPI

extension SegmentsStore {
    public func getReleases(_ datasetIdentifier: String) async throws -> [Release] {
        try await read { db in
            let access = try dataset(db, datasetIdentifier, for: .read)
            return try ReleaseRow
                .filter { $0.datasetID == access.row.id }
                .order { [$0.createdAt, $0.uuid] }
                .fetchAll(db)
                .map(releaseResponse)
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
            try ReleaseRow.deleteOne(db, key: release.id)
            return release.filePath
        }
        workspace.removeFiles(file.map { [$0] } ?? [])
    }

    private func release(_ db: Database, _ access: DatasetAccess, name: String) throws -> ReleaseRow {
        let name = NameForm.nfc(name)
        guard let row = try ReleaseRow.filter({ $0.datasetID == access.row.id && $0.name == name }).fetchOne(db) else {
            throw SegmentsError.notFoundError
        }
        return row
    }
}

enum ReleaseWriter {
    static func insert(
        _ db: Database, uuid: String, datasetID: Int64, name: String, description: String, at now: String
    ) throws {
        let taken = ReleaseRow.filter { $0.datasetID == datasetID && $0.name == name }
        guard try taken.isEmpty(db) else { throw SegmentsError.alreadyExists("A release with this name already exists.") }
        try NewReleaseRow(
            uuid: uuid, datasetID: datasetID, name: name, description: description, status: .pending, createdAt: now
        ).insert(db)
    }
}
