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
            var sql = "SELECT * FROM workunit WHERE dataset_id = ?"
            var arguments: StatementArguments = [access.row.id]
            if let start {
                sql += " AND created_at >= ?"
                arguments += [start]
            }
            if let end {
                sql += " AND created_at < ?"
                arguments += [end]
            }
            let direction = query.direction == .descending ? "DESC" : "ASC"
            sql += " ORDER BY created_at \(direction), uuid \(direction) LIMIT ? OFFSET ?"
            arguments += [window.limit, window.offset]
            return try window.check(Row.fetchAll(db, sql: sql, arguments: arguments)).map { row in
                Workunit(
                    uuid: row["uuid"], createdAt: row["created_at"], createdBy: row["created_by"],
                    workType: row["work_type"],
                    nextLabelStatus: (row["next_label_status"] as String?).map(LabelStatus.init(rawValue:)),
                    time: row["time"], inactiveTime: row["inactive_time"], sampleUUID: row["sample_uuid"],
                    sampleName: row["sample_name"],
                    sessionTimeMetrics: query.includeSessionTimeMetrics
                        ? .object(["time": .int(row["time"]), "inactive_time": .int(row["inactive_time"])]) : nil)
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
        let previous = try String.fetchOne(
            db,
            sql: "SELECT created_at FROM workunit WHERE dataset_id = ? AND created_by = ? ORDER BY created_at DESC LIMIT 1",
            arguments: [dataset.id, username])
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
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO workunit (uuid, dataset_id, sample_uuid, sample_name, created_by, created_at, work_type,
                    next_label_status, time, inactive_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        try statement.execute(arguments: [
            uuid, datasetID, sampleUUID, sampleName, createdBy, createdAt,
            Permissions.isReviewing(status) ? "REVIEWING" : "LABELING", status.rawValue, time, inactiveTime,
        ])
    }
}
