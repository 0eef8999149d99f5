import GRDB
import SegmentsAPI

/// How many samples of each dataset have each ground-truth label status: what
/// `get_dataset` answers as `label_stats` and `samples_count`, read in one indexed
/// lookup instead of counting a million rows per request.
///
/// SQLite keeps the counts itself, with triggers on `sample`: every insert, delete
/// (including the cascade when a dataset goes) and change of `gt_label_status` moves
/// them in the same statement, so in the same transaction, whichever code path wrote
/// the row (the operations, the clone's INSERT … SELECT, the seed's prepared
/// statements). No writer can forget them and they cannot drift.
enum SampleCounts {
    /// Creates the table and the triggers, and counts what a workspace written before
    /// them holds (once, inside the migration's transaction).
    static func install(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE sample_count (
                    dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
                    gt_label_status TEXT NOT NULL,
                    samples INTEGER NOT NULL,
                    PRIMARY KEY (dataset_id, gt_label_status)
                ) WITHOUT ROWID;

                INSERT INTO sample_count (dataset_id, gt_label_status, samples)
                SELECT dataset_id, gt_label_status, COUNT(*) FROM sample GROUP BY dataset_id, gt_label_status;

                CREATE TRIGGER sample_count_insert AFTER INSERT ON sample BEGIN
                    INSERT INTO sample_count (dataset_id, gt_label_status, samples)
                    VALUES (NEW.dataset_id, NEW.gt_label_status, 1)
                    ON CONFLICT (dataset_id, gt_label_status) DO UPDATE SET samples = samples + 1;
                END;

                CREATE TRIGGER sample_count_delete AFTER DELETE ON sample BEGIN
                    UPDATE sample_count SET samples = samples - 1
                    WHERE dataset_id = OLD.dataset_id AND gt_label_status = OLD.gt_label_status;
                END;

                CREATE TRIGGER sample_count_update AFTER UPDATE OF dataset_id, gt_label_status ON sample
                WHEN OLD.dataset_id IS NOT NEW.dataset_id OR OLD.gt_label_status IS NOT NEW.gt_label_status
                BEGIN
                    UPDATE sample_count SET samples = samples - 1
                    WHERE dataset_id = OLD.dataset_id AND gt_label_status = OLD.gt_label_status;
                    INSERT INTO sample_count (dataset_id, gt_label_status, samples)
                    VALUES (NEW.dataset_id, NEW.gt_label_status, 1)
                    ON CONFLICT (dataset_id, gt_label_status) DO UPDATE SET samples = samples + 1;
                END;
                """)
    }

    /// The dataset's samples by ground-truth status (statuses without samples may be
    /// missing or 0).
    static func byStatus(_ db: Database, datasetID: Int64) throws -> [String: Int] {
        let statement = try db.cachedStatement(
            sql: "SELECT gt_label_status, samples FROM sample_count WHERE dataset_id = ?")
        var counts: [String: Int] = [:]
        let rows = try Row.fetchCursor(statement, arguments: [datasetID])
        while let row = try rows.next() {
            counts[row[0], default: 0] += row[1] as Int
        }
        return counts
    }

    /// The samples of a dataset whose ground-truth status is one of `statuses`; all
    /// of them for an empty list.
    static func samples(_ db: Database, datasetID: Int64, statuses: [String] = []) throws -> Int {
        let counts = try byStatus(db, datasetID: datasetID)
        if statuses.isEmpty { return counts.values.reduce(0, +) }
        return Set(statuses).reduce(0) { $0 + (counts[$1] ?? 0) }
    }

    /// What the triggers should have arrived at, counted from the samples themselves
    /// (a full scan: for tests and checks, never for answers).
    static func recount(_ db: Database, datasetID: Int64) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT gt_label_status, COUNT(*) FROM sample WHERE dataset_id = ? GROUP BY gt_label_status",
            arguments: [datasetID])
        while let row = try rows.next() {
            counts[row[0]] = row[1] as Int
        }
        return counts
    }
}
