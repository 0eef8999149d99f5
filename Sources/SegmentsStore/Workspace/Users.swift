import Foundation
import GRDB
import SegmentsAPI

// Accounts, API keys and organisations. These are the workspace administrator's
// operations (whoever holds the workspace file), so they check no permissions.
extension Workspace {
    /// Creates a user and its first API key. The key is returned once and only its
    /// SHA-256 is stored.
    public func createUser(username: String, email: String?) throws -> (user: User, apiKey: String) {
        try Validate.identifierName(username, what: "user")
        if let email {
            guard email.contains("@"), !email.contains(where: { $0.isWhitespace }) else {
                throw SegmentsError.validation("\"\(email)\" is not an email address.")
            }
        }
        let apiKey = Self.newAPIKey()
        let createdAt = Timestamp.now()
        let user = try database.write { db in
            let account = try Self.insertAccount(
                db, username: username, email: email, isOrganization: false, createdAt: createdAt)
            try Self.insertAPIKey(db, accountID: account.id, key: apiKey, createdAt: createdAt)
            return User(username: username, createdAt: createdAt, isOrganization: false, email: email)
        }
        return (user, apiKey)
    }

    /// Replaces all keys of the user by a new one, returned once.
    public func rotateAPIKey(username: String) throws -> String {
        let apiKey = Self.newAPIKey()
        try database.write { db in
            let account = try Self.person(db, username)
            try db.execute(sql: "DELETE FROM api_key WHERE account_id = ?", arguments: [account.id])
            try Self.insertAPIKey(db, accountID: account.id, key: apiKey, createdAt: Timestamp.now())
        }
        return apiKey
    }

    /// Removes every key of the user: it can no longer authenticate.
    public func revokeAPIKeys(username: String) throws {
        try database.write { db in
            let account = try Self.person(db, username)
            try db.execute(sql: "DELETE FROM api_key WHERE account_id = ?", arguments: [account.id])
        }
    }

    /// Creates an organisation whose first member, `owner`, is its admin.
    public func createOrganization(name: String, owner: String) throws -> User {
        try Validate.identifierName(name, what: "organization")
        let createdAt = Timestamp.now()
        return try database.write { db in
            let ownerAccount = try Self.person(db, owner)
            let organization = try Self.insertAccount(
                db, username: name, email: nil, isOrganization: true, createdAt: createdAt)
            try db.execute(
                sql: "INSERT INTO organization_member (organization_id, account_id, role) VALUES (?, ?, ?)",
                arguments: [organization.id, ownerAccount.id, Role.admin.rawValue])
            return User(
                username: name, createdAt: createdAt, isOrganization: true, organizationCreatedBy: owner,
                members: [User(username: owner, createdAt: ownerAccount.createdAt, isOrganization: false,
                               organizationRole: .admin)])
        }
    }

    /// Adds a member with a role, or changes the role of a member.
    public func addOrganizationMember(organization: String, username: String, role: Role) throws {
        try Validate.known(role, what: "role")
        try database.write { db in
            let org = try Self.organization(db, organization)
            let member = try Self.person(db, username)
            try db.execute(
                sql: """
                    INSERT INTO organization_member (organization_id, account_id, role) VALUES (?, ?, ?)
                    ON CONFLICT (organization_id, account_id) DO UPDATE SET role = excluded.role
                    """, arguments: [org.id, member.id, role.rawValue])
            try Self.requireAnAdmin(db, organizationID: org.id)
        }
    }

    /// Removes a member; the last admin cannot be removed.
    public func removeOrganizationMember(organization: String, username: String) throws {
        try database.write { db in
            let org = try Self.organization(db, organization)
            let member = try Self.person(db, username)
            try db.execute(
                sql: "DELETE FROM organization_member WHERE organization_id = ? AND account_id = ?",
                arguments: [org.id, member.id])
            guard db.changesCount == 1 else { throw SegmentsError.notFoundError }
            try Self.requireAnAdmin(db, organizationID: org.id)
        }
    }

    /// The first user created: the workspace's owner.
    public func ownerUsername() throws -> String? {
        try database.read { db in
            try String.fetchOne(db, sql: "SELECT username FROM account WHERE is_organization = 0 ORDER BY id LIMIT 1")
        }
    }

    /// The username whose key this is, or nil. Async: a blocking read on the server's
    /// few cooperative threads can wait for a reader that async reads hold until they are
    /// resumed on those same threads, and the server stops answering.
    public func authenticate(apiKey: String) async throws -> String? {
        guard !apiKey.isEmpty else { return nil }
        let hash = SHA256.hexHash(apiKey)
        return try await database.read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT account.username FROM api_key JOIN account ON account.id = api_key.account_id
                    WHERE api_key.key_hash = ? AND account.is_organization = 0
                    """, arguments: [hash])
        }
    }

    // MARK: Helpers shared with the seed

    static func newAPIKey() -> String {
        var generator = SystemRandomNumberGenerator()
        return SHA256.hex((0..<20).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    static func insertAPIKey(_ db: Database, accountID: Int64, key: String, createdAt: String) throws {
        try db.execute(
            sql: "INSERT INTO api_key (account_id, key_hash, created_at) VALUES (?, ?, ?)",
            arguments: [accountID, SHA256.hexHash(key), createdAt])
    }

    @discardableResult
    static func insertAccount(
        _ db: Database, username: String, email: String?, isOrganization: Bool, createdAt: String
    ) throws -> AccountRow {
        guard try AccountRow.find(db, username: username) == nil else {
            throw SegmentsError.alreadyExists("A user with this name already exists.")
        }
        try db.execute(
            sql: "INSERT INTO account (username, email, is_organization, created_at) VALUES (?, ?, ?, ?)",
            arguments: [username, email, isOrganization, createdAt])
        guard let account = try AccountRow.find(db, username: username) else { throw SegmentsError.notFoundError }
        return account
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
        let admins = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM organization_member WHERE organization_id = ? AND role = ?",
            arguments: [organizationID, Role.admin.rawValue]) ?? 0
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
