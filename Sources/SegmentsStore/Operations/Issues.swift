import Foundation
import GRDB
import SegmentsAPI

extension SegmentsStore {
    /// All issues of the dataset, oldest first.
    public func getIssues(_ datasetIdentifier: String) async throws -> [Issue] {
        try await read { db in
            let access = try dataset(db, datasetIdentifier, for: .read)
            return try IssueRow.withSample()
                .filter { $0.datasetID == access.row.id }
                .order { [$0.createdAt, $0.uuid] }
                .fetchAll(db)
                .map { try issueResponse(db, $0) }
        }
    }

    public func addIssue(sampleUUID: String, _ issue: NewIssue) async throws -> Issue {
        try IssueWriter.validate(description: issue.description, status: issue.status, anchor: issue.anchor)
        let now = Timestamp.now()
        return try await write { db in
            let (sample, access) = try self.sample(db, sampleUUID, for: .raiseIssue)
            let uuid = Identifiers.newUUID()
            try IssueWriter.insert(
                db, uuid: uuid, datasetID: access.row.id, sampleID: sample.id, description: issue.description,
                status: issue.status, anchor: issue.anchor, by: access.account.username, at: now)
            return try issueResponse(db, try IssueWriter.find(db, uuid: uuid))
        }
    }

    public func updateIssue(_ uuid: String, _ update: IssueUpdate) async throws -> Issue {
        if let description = update.description { try IssueWriter.validate(description: description) }
        if let status = update.status { try Validate.known(status, what: "issue status") }
        if let anchor = update.anchor { try Validate.known(anchor.type, what: "anchor type") }
        let now = Timestamp.now()
        return try await write { db in
            let issue = try IssueWriter.find(db, uuid: Validate.uuid(uuid))
            let access = try dataset(db, id: issue.datasetID, for: .raiseIssue)
            let anchor = try update.anchor.map(JSONText.encode) ?? issue.anchorText
            try IssueRow.filter { $0.id == issue.id }.updateAll(db) { [
                $0.description.set(to: update.description ?? issue.description),
                $0.status.set(to: (update.status ?? issue.status).rawValue), $0.anchor.set(to: anchor),
                $0.updatedBy.set(to: access.account.username), $0.updatedAt.set(to: now),
            ] }
            return try issueResponse(db, try IssueWriter.find(db, uuid: issue.uuid))
        }
    }

    /// Reviewers and up delete issues; whoever opened an issue may delete it.
    public func deleteIssue(_ uuid: String) async throws {
        try await write { db in
            let issue = try IssueWriter.find(db, uuid: Validate.uuid(uuid))
            let access = try dataset(db, id: issue.datasetID, for: .read)
            if issue.createdBy != access.account.username { try access.require(.deleteIssue) }
            try IssueRow.deleteOne(db, key: issue.id)
        }
    }

    /// Adds a comment to an issue (not an SDK call; the browser's issue view uses it).
    public func addIssueComment(_ issueUUID: String, text: String) async throws -> Issue {
        try IssueWriter.validate(description: text)
        let now = Timestamp.now()
        return try await write { db in
            let issue = try IssueWriter.find(db, uuid: Validate.uuid(issueUUID))
            let access = try dataset(db, id: issue.datasetID, for: .raiseIssue)
            try IssueWriter.insertComment(db, issueID: issue.id, text: text, by: access.account.username, at: now)
            try IssueWriter.touch(db, issueID: issue.id, by: access.account.username, at: now)
            return try issueResponse(db, try IssueWriter.find(db, uuid: issue.uuid))
        }
    }
}

enum IssueWriter {
    static func validate(description: String, status: IssueStatus = .open, anchor: IssueAnchor? = nil) throws {
        guard !description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, description.count <= 10_000 else {
            throw SegmentsError.validation("The description must be 1 to 10000 characters long.")
        }
        try Validate.known(status, what: "issue status")
        if let anchor { try Validate.known(anchor.type, what: "anchor type") }
    }

    static func find(_ db: Database, uuid: String) throws -> IssueRow {
        guard let row = try IssueRow.withSample().filter({ $0.uuid == uuid }).fetchOne(db) else {
            throw SegmentsError.notFoundError
        }
        return row
    }

    /// Inserts the issue and returns its id.
    @discardableResult
    static func insert(
        _ db: Database, uuid: String, datasetID: Int64, sampleID: Int64, description: String, status: IssueStatus,
        anchor: IssueAnchor?, by username: String, at now: String
    ) throws -> Int64 {
        try NewIssueRow(
            uuid: uuid, datasetID: datasetID, sampleID: sampleID, description: description, status: status,
            anchor: try anchor.map(JSONText.encode), createdBy: username, createdAt: now, updatedBy: username,
            updatedAt: now
        ).insert(db)
        return db.lastInsertedRowID
    }

    static func insertComment(_ db: Database, issueID: Int64, text: String, by username: String, at now: String) throws {
        try IssueCommentRow(issueID: issueID, text: text, createdBy: username, createdAt: now).insert(db)
    }

    /// Marks the issue as last changed by `username` at `now`.
    static func touch(_ db: Database, issueID: Int64, by username: String, at now: String) throws {
        try IssueRow.filter { $0.id == issueID }.updateAll(db) { [$0.updatedBy.set(to: username), $0.updatedAt.set(to: now)] }
    }
}
