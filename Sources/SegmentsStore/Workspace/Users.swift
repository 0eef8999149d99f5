import Foundation
import GRDB
import SegmentsAPI

// Accounts, API keys and organisations. These are the workspace administrator's
// operations (whoever holds the workspace file), so they check no permissions.
extension Workspace {
    /// Creates a user and its first API key. The key is returned once and only its
    /// SHA-256 is stored.
    public func createUser(username: String, email: String?) async throws -> (user: User, apiKey: String) {
        try Validate.identifierName(username, what: "user")
        if let email {
            guard email.contains("@"), !email.contains(where: { $0.isWhitespace }) else {
                throw SegmentsError.validation("\"\(email)\" is not an email address.")
            }
        }
        let apiKey = Self.newAPIKey()
        let createdAt = Timestamp.now()
        let user = try await database.write { db in
            let account = try Self.insertAccount(
                db, username: username, email: email, isOrganization: false, createdAt: createdAt)
            try Self.insertAPIKey(db, accountID: account.id, key: apiKey, createdAt: createdAt)
            return User(username: username, createdAt: createdAt, isOrganization: false, email: email)
        }
        return (user, apiKey)
    }

    /// Replaces all keys of the user by a new one, returned once.
    public func rotateAPIKey(username: String) async throws -> String {
        let apiKey = Self.newAPIKey()
        try await database.write { db in
            let account = try Self.person(db, username)
            try APIKeyRow.filter { $0.accountID == account.id }.deleteAll(db)
            try Self.insertAPIKey(db, accountID: account.id, key: apiKey, createdAt: Timestamp.now())
        }
        return apiKey
    }

    /// Removes every key of the user: it can no longer authenticate.
    public func revokeAPIKeys(username: String) async throws {
        try await database.write { db in
            let account = try Self.person(db, username)
            try APIKeyRow.filter { $0.accountID == account.id }.deleteAll(db)
        }
    }

    /// Creates an organisation whose first member, `owner`, is its admin.
    public func createOrganization(name: String, owner: String) async throws -> User {
        try Validate.identifierName(name, what: "organization")
        let createdAt = Timestamp.now()
        return try await database.write { db in
            let ownerAccount = try Self.person(db, owner)
            let organization = try Self.insertAccount(
                db, username: name, email: nil, isOrganization: true, createdAt: createdAt)
            try OrganizationMemberRow(organizationID: organization.id, accountID: ownerAccount.id, role: .admin).insert(db)
            return User(
                username: name, createdAt: createdAt, isOrganization: true, organizationCreatedBy: owner,
                members: [User(username: owner, createdAt: ownerAccount.createdAt, isOrganization: false,
                               organizationRole: .admin)])
        }
    }

    /// Adds a member with a role, or changes the role of a member.
    public func addOrganizationMember(organization: String, username: String, role: Role) async throws {
        try Validate.known(role, what: "role")
        try await database.write { db in
            let org = try Self.organization(db, organization)
            let member = try Self.person(db, username)
            try OrganizationMemberRow(organizationID: org.id, accountID: member.id, role: role).upsert(db)
            try Self.requireAnAdmin(db, organizationID: org.id)
        }
    }

    /// Removes a member; the last admin cannot be removed.
    public func removeOrganizationMember(organization: String, username: String) async throws {
        try await database.write { db in
            let org = try Self.organization(db, organization)
            let member = try Self.person(db, username)
            let key = OrganizationMemberRow.key(organizationID: org.id, accountID: member.id)
            guard try OrganizationMemberRow.deleteOne(db, key: key) else { throw SegmentsError.notFoundError }
            try Self.requireAnAdmin(db, organizationID: org.id)
        }
    }

    /// The first user created: the workspace's owner.
    public func ownerUsername() async throws -> String? {
        try await database.read { db in
            try AccountRow.filter { !$0.isOrganization }.order(\.id).fetchOne(db)?.username
        }
    }

    /// The username whose key this is, or nil.
    public func authenticate(apiKey: String) async throws -> String? {
        guard !apiKey.isEmpty else { return nil }
        let hash = Hashes.sha256Hex(apiKey)
        return try await database.read { db in
            try AccountRow
                .filter { !$0.isOrganization }
                .joining(required: AccountRow.apiKeys.filter { $0.keyHash == hash })
                .fetchOne(db)?.username
        }
    }

    // MARK: Helpers shared with the seed

    static func newAPIKey() -> String {
        Hashes.randomHex(bytes: 20)
    }

    static func insertAPIKey(_ db: Database, accountID: Int64, key: String, createdAt: String) throws {
        try APIKeyRow(accountID: accountID, keyHash: Hashes.sha256Hex(key), createdAt: createdAt).insert(db)
    }

    @discardableResult
    static func insertAccount(
        _ db: Database, username: String, email: String?, isOrganization: Bool, createdAt: String
    ) throws -> AccountRow {
        guard try AccountRow.find(db, username: username) == nil else {
            throw SegmentsError.alreadyExists("A user with this name already exists.")
        }
        let account = NewAccountRow(username: username, email: email, isOrganization: isOrganization, createdAt: createdAt)
        return try account.insertAndFetch(db, as: AccountRow.self)
    }

    static func person(_ db: Database, _ username: String) throws -> AccountRow {
        guard let account = try AccountRow.find(db, username: username), !account.isOrganization else {
            throw SegmentsError.notFoundError
        }
        return account
    }

    static func organization(_ db: Database, _ name: String) throws -> AccountRow {
        guard let account = try AccountRow.find(db, username: name), account.isOrganization else {
            throw SegmentsError.notFoundError
        }
        return account
    }

    private static func requireAnAdmin(_ db: Database, organizationID: Int64) throws {
        let admins = try OrganizationMemberRow
            .filter { $0.organizationID == organizationID && $0.role == Role.admin.rawValue }
            .fetchCount(db)
        guard admins > 0 else { throw SegmentsError.validation("An organization needs at least one admin.") }
    }
}

extension SegmentsStore {
    public func getUser(_ username: String?) async throws -> User {
        try await read { db in
            let me = try actingAccount(db)
            guard let username, username != me.username else {
                return try userResponse(db, me, includePrivate: true)
            }
            guard let account = try AccountRow.find(db, username: username) else { throw SegmentsError.notFoundError }
            return try userResponse(db, account, includePrivate: false)
        }
    }
}
