import GRDB
import SegmentsAPI

extension SegmentsStore {
    public func getDatasetCollaborator(_ datasetIdentifier: String, username: String) async throws -> Collaborator {
        try await read { db in
            let access = try dataset(db, datasetIdentifier, for: .read)
            return try collaborator(db, access, username: username).response
        }
    }

    /// Every collaborator of the dataset, by username (not an SDK call; the browser lists them).
    public func getDatasetCollaborators(_ datasetIdentifier: String) async throws -> [Collaborator] {
        try await read { db in
            let access = try dataset(db, datasetIdentifier, for: .read)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT account.*, collaborator.role AS collaborator_role FROM collaborator
                    JOIN account ON account.id = collaborator.account_id
                    WHERE collaborator.dataset_id = ? ORDER BY account.username
                    """, arguments: [access.row.id]
            ).map { row in
                let account = try AccountRow(row: row)
                return Collaborator(
                    user: User(username: account.username, createdAt: account.createdAt, isOrganization: false),
                    role: Role(rawValue: row["collaborator_role"] as String))
            }
        }
    }

    public func addDatasetCollaborator(_ datasetIdentifier: String, username: String, role: Role) async throws
        -> Collaborator
    {
        try Validate.known(role, what: "role")
        let now = Timestamp.now()
        return try await write { db in
            let access = try dataset(db, datasetIdentifier, for: .manageCollaborators)
            try requireMayGrant(role, access)
            guard let account = try AccountRow.find(db, username: username) else { throw SegmentsError.notFoundError }
            guard !account.isOrganization, account.id != access.row.ownerID else {
                throw SegmentsError.collaborator("User cannot be added as collaborator.")
            }
            let exists = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM collaborator WHERE dataset_id = ? AND account_id = ?)",
                arguments: [access.row.id, account.id]) ?? false
            guard !exists else { throw SegmentsError.collaborator("User is already a collaborator.") }
            try db.execute(
                sql: "INSERT INTO collaborator (dataset_id, account_id, role, created_at) VALUES (?, ?, ?, ?)",
                arguments: [access.row.id, account.id, role.rawValue, now])
            return try collaborator(db, access, username: username).response
        }
    }

    public func updateDatasetCollaborator(_ datasetIdentifier: String, username: String, role: Role) async throws
        -> Collaborator
    {
        try Validate.known(role, what: "role")
        return try await write { db in
            let access = try dataset(db, datasetIdentifier, for: .manageCollaborators)
            let current = try collaborator(db, access, username: username)
            try requireMayGrant(role, access)
            try requireMayGrant(current.response.role, access)
            try db.execute(
                sql: "UPDATE collaborator SET role = ? WHERE dataset_id = ? AND account_id = ?",
                arguments: [role.rawValue, access.row.id, current.accountID])
            return try collaborator(db, access, username: username).response
        }
    }

    /// Admins remove collaborators (only the owner removes admins); anyone may leave.
    public func deleteDatasetCollaborator(_ datasetIdentifier: String, username: String) async throws {
        try await write { db in
            let access = try dataset(db, datasetIdentifier, for: .read)
            let current = try collaborator(db, access, username: username)
            if username != access.account.username {
                try access.require(.manageCollaborators)
                try requireMayGrant(current.response.role, access)
            }
            try db.execute(
                sql: "DELETE FROM collaborator WHERE dataset_id = ? AND account_id = ?",
                arguments: [access.row.id, current.accountID])
        }
    }

    /// Admins grant labeler, reviewer and manager; admin is granted (and taken) by the owner only.
    private func requireMayGrant(_ role: Role, _ access: DatasetAccess) throws {
        if role == .admin { try access.require(.manageAdmins) }
    }

    private func collaborator(_ db: Database, _ access: DatasetAccess, username: String) throws
        -> (response: Collaborator, accountID: Int64)
    {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT account.*, collaborator.role AS collaborator_role FROM collaborator
                    JOIN account ON account.id = collaborator.account_id
                    WHERE collaborator.dataset_id = ? AND account.username = ?
                    """, arguments: [access.row.id, username])
        else { throw SegmentsError.notFoundError }
        let account = try AccountRow(row: row)
        let user = User(username: account.username, createdAt: account.createdAt, isOrganization: false)
        return (Collaborator(user: user, role: Role(rawValue: row["collaborator_role"] as String)), account.id)
    }
}
