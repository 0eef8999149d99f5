import GRDB
import SegmentsAPI

// Accounts, their API keys and organisation memberships.
//
// The records: one Codable record per table, its coding keys the column names; the API
// models are built from them in Operations/Responses.swift. A record read back has its id;
// rows are inserted from the `New…` records, which have none, and read back with
// `insertAndFetch(_:as:)` when the caller needs the row (GRDB's way with non-optional ids).

struct AccountRow: Codable, FetchableRecord, TableRecord, Sendable {
    static let databaseTableName = "account"
    var id: Int64
    var username: String
    var email: String?
    var isOrganization: Bool
    var createdAt: String

    enum CodingKeys: String, CodingKey {
        case id, username, email, isOrganization = "is_organization", createdAt = "created_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let username = Column(CodingKeys.username)
        static let isOrganization = Column(CodingKeys.isOrganization)
    }

    static let apiKeys = hasMany(APIKeyRow.self, using: ForeignKey([APIKeyRow.Columns.accountID]))

    static func find(_ db: Database, username: String) throws -> AccountRow? {
        try filter { $0.username == username }.fetchOne(db)
    }
}

struct NewAccountRow: Encodable, PersistableRecord {
    static let databaseTableName = AccountRow.databaseTableName
    var username: String
    var email: String?
    var isOrganization: Bool
    var createdAt: String

    enum CodingKeys: String, CodingKey {
        case username, email, isOrganization = "is_organization", createdAt = "created_at"
    }
}

struct APIKeyRow: Encodable, PersistableRecord {
    static let databaseTableName = "api_key"
    var accountID: Int64
    var keyHash: String
    var createdAt: String

    enum CodingKeys: String, CodingKey { case accountID = "account_id", keyHash = "key_hash", createdAt = "created_at" }

    enum Columns {
        static let accountID = Column(CodingKeys.accountID)
        static let keyHash = Column(CodingKeys.keyHash)
    }
}

struct OrganizationMemberRow: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "organization_member"
    var organizationID: Int64
    var accountID: Int64
    var role: Role

    enum CodingKeys: String, CodingKey { case organizationID = "organization_id", accountID = "account_id", role }

    enum Columns {
        static let organizationID = Column(CodingKeys.organizationID)
        static let accountID = Column(CodingKeys.accountID)
        static let role = Column(CodingKeys.role)
    }

    static let account = belongsTo(AccountRow.self, using: ForeignKey([Columns.accountID]))
    static let organization = belongsTo(AccountRow.self, key: "organization", using: ForeignKey([Columns.organizationID]))

    static func key(organizationID: Int64, accountID: Int64) -> [String: (any DatabaseValueConvertible)?] {
        [CodingKeys.organizationID.rawValue: organizationID, CodingKeys.accountID.rawValue: accountID]
    }

    static func role(_ db: Database, organizationID: Int64, accountID: Int64) throws -> Role? {
        try fetchOne(db, key: key(organizationID: organizationID, accountID: accountID))?.role
    }
}
