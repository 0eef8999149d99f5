import GRDB
import SegmentsAPI

extension SegmentsStore {
    /// A page of the dataset's workunits between `start` (inclusive) and `end`
    /// (exclusive), both UTC, sorted by creation time.
    public func getWorkunits(_ datasetIdentifier: String, query: WorkunitQuery) async throws -> [Workunit] {
        let window = try PageWindow(page: query.page, perPage: query.perPage)
        let start = try query.start.map(Self.boundary)
        let end = try query.end.map(Self.boundary)
        return try await read { db in
            let access = try dataset(db, datasetIdentifier, for: .viewWorkunits)
            var request = WorkunitRow.filter { $0.datasetID == access.row.id }
            if let start { request = request.filter { $0.createdAt >= start } }
            if let end { request = request.filter { $0.createdAt < end } }
            request = query.direction == .descending
                ? request.order { [$0.createdAt.desc, $0.uuid.desc] } : request.order { [$0.createdAt, $0.uuid] }
            let rows = try window.check(request.limit(window.limit, offset: window.offset).fetchAll(db))
            return rows.map { row in
                Workunit(
                    uuid: row.uuid, createdAt: row.createdAt, createdBy: row.createdBy, workType: row.workType,
                    nextLabelStatus: row.nextLabelStatus, time: row.time, inactiveTime: row.inactiveTime,
                    sampleUUID: row.sampleUUID, sampleName: row.sampleName,
                    sessionTimeMetrics: query.includeSessionTimeMetrics
                        ? .object(["time": .int(Int64(row.time)), "inactive_time": .int(Int64(row.inactiveTime))]) : nil)
            }
        }
    }

    private static func boundary(_ text: String) throws -> String {
        guard let normalized = Timestamp.normalize(text) else {
            throw SegmentsError.validation("\"\(text)\" is not a datetime of the form YYYY-MM-DDTHH:MM:SS.")
        }
        return normalized
    }
}

/// Workunits are written whenever a label is: who, when, which kind of work
/// (by the status written) and how long it took.
enum WorkunitWriter {
    /// The time spent is the gap since the same user's previous work in the
    /// dataset, capped at the dataset's inactivity timeout (a longer gap was a break).
    static func record(
        _ db: Database, dataset: DatasetRow, sample: SampleRow, status: LabelStatus, by username: String,
        at now: String
    ) throws {
        let previous = try WorkunitRow
            .filter { $0.datasetID == dataset.id && $0.createdBy == username }
            .order(\.createdAt.desc)
            .select({ $0.createdAt }, as: String.self)
            .fetchOne(db)
        var seconds = 0
        if let previous, let then = Timestamp.parseMicros(previous), let current = Timestamp.parseMicros(now) {
            seconds = Int(max(0, current - then) / 1_000_000)
        }
        let timeout = dataset.settings.labelingInactivityTimeoutSeconds
        try insert(
            db, uuid: Identifiers.newUUID(), datasetID: dataset.id, sampleUUID: sample.uuid, sampleName: sample.name,
            // Idle time inside a session is not observable through the API: reported as 0.
            createdBy: username, createdAt: now, status: status, time: min(seconds, timeout), inactiveTime: 0)
    }

    static func insert(
        _ db: Database, uuid: String, datasetID: Int64, sampleUUID: String, sampleName: String, createdBy: String,
        createdAt: String, status: LabelStatus, time: Int, inactiveTime: Int
    ) throws {
        try WorkunitRow(
            uuid: uuid, datasetID: datasetID, sampleUUID: sampleUUID, sampleName: sampleName, createdBy: createdBy,
            createdAt: createdAt, workType: Permissions.isReviewing(status) ? "REVIEWING" : "LABELING",
            nextLabelStatus: status, time: time, inactiveTime: inactiveTime
        ).insert(db)
    }
}
