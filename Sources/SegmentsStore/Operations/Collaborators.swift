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
            return try CollaboratorWithAccount.request(datasetID: access.row.id).fetchAll(db).map(\.response)
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
            guard try CollaboratorRow.find(db, datasetID: access.row.id, accountID: account.id) == nil else {
                throw SegmentsError.collaborator("User is already a collaborator.")
            }
            try CollaboratorRow(datasetID: access.row.id, accountID: account.id, role: role, createdAt: now).insert(db)
            return try collaborator(db, access, username: username).response
        }
    }

    public func updateDatasetCollaborator(_ datasetIdentifier: String, username: String, role: Role) async throws
        -> Collaborator
    {
        try Validate.known(role, what: "role")
        return try await write { db in
            let access = try dataset(db, datasetIdentifier, for: .manageCollaborators)
            var current = try collaborator(db, access, username: username)
            try requireMayGrant(role, access)
            try requireMayGrant(current.collaborator.role, access)
            current.collaborator.role = role
            try current.collaborator.update(db)
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
                try requireMayGrant(current.collaborator.role, access)
            }
            try current.collaborator.delete(db)
        }
    }

    /// Admins grant labeler, reviewer and manager; admin is granted (and taken) by the owner only.
    private func requireMayGrant(_ role: Role, _ access: DatasetAccess) throws {
        if role == .admin { try access.require(.manageAdmins) }
    }

    private func collaborator(_ db: Database, _ access: DatasetAccess, username: String) throws
        -> CollaboratorWithAccount
    {
        guard
            let found = try CollaboratorWithAccount
                .request(datasetID: access.row.id, username: username)
                .fetchOne(db)
        else { throw SegmentsError.notFoundError }
        return found
    }
}

/// A collaborator with the account it names.
struct CollaboratorWithAccount: Decodable, FetchableRecord, Sendable {
    var collaborator: CollaboratorRow
    var account: AccountRow

    var response: Collaborator {
        Collaborator(
            user: User(username: account.username, createdAt: account.createdAt, isOrganization: false),
            role: collaborator.role)
    }

    static func request(datasetID: Int64, username: String? = nil) -> QueryInterfaceRequest<Self> {
        var account = CollaboratorRow.account.order(\.username)
        if let username { account = account.filter { $0.username == username } }
        return CollaboratorRow
            .filter { $0.datasetID == datasetID }
            .including(required: account)
            .asRequest(of: Self.self)
    }
}
