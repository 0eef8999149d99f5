import GRDB
import SegmentsAPI

extension SegmentsStore {
    /// One page of a dataset's samples, filtered and sorted as reference 3.4 says.
    /// Ties are broken by uuid so that consecutive pages never overlap.
    public func getSamples(_ datasetIdentifier: String, query: SampleQuery) async throws -> [Sample] {
        let window = try PageWindow(page: query.page, perPage: query.perPage)
        for status in query.labelStatuses { try Validate.known(status, what: "label status") }
        for filter in query.metadata where filter.key.isEmpty {
            throw SegmentsError.validation("Metadata filter \"\(filter)\" has an empty key.")
        }
        if query.includeFullLabel && query.labelset == nil {
            throw SegmentsError.validation("include_full_label needs a labelset.")
        }
        return try await read { db in
            let access = try dataset(db, datasetIdentifier, for: .read)
            // SQLite would cut a bound text at a NUL (`a\0zzz` would find `a`); no stored text holds one.
            if SampleListing.filtersOnNUL(query) { return [] }
            // An unknown labelset is ignored, as the platform does: the samples come without labels.
            let labelset = try query.labelset.flatMap { try LabelsetRow.find(db, datasetID: access.row.id, name: $0) }
            let (sql, arguments) = SampleListing.sql(
                datasetID: access.row.id, query: query, labelset: labelset, window: window)
            let rows = try window.check(SampleRow.fetchAll(db, sql: sql, arguments: arguments))
            guard let labelset else {
                return rows.map { sampleResponse($0, datasetFullName: access.row.fullName, label: nil) }
            }
            let labels = try SampleListing.labels(db, sampleIDs: rows.map(\.id), labelsetID: labelset.id)
            return rows.map { row in
                let label = labels[row.id].map { label -> SampleLabel in
                    query.includeFullLabel
                        ? .full(labelResponse(label, sampleUUID: row.uuid, taskType: access.row.taskType,
                                              labelset: labelset.name))
                        : .summary(labelSummary(label))
                }
                return sampleResponse(row, datasetFullName: access.row.fullName, label: label)
            }
        }
    }
}

/// The SQL of a sample list. Only fixed fragments are concatenated; every value
/// the caller gave travels as a `?` argument. Raw SQL: each filter and sort is written
/// to hit one of the indexes in Schema.swift at 100k samples, and reads here as that SQL.
enum SampleListing {
    static func sql(datasetID: Int64, query: SampleQuery, labelset: LabelsetRow?, window: PageWindow)
        -> (String, StatementArguments)
    {
        var sql = "SELECT sample.* FROM sample WHERE sample.dataset_id = ?"
        var arguments: StatementArguments = [datasetID]
        // Names and metadata are stored in NFC (NameForm); so are the terms looked for.
        if let name = query.name, !name.isEmpty {
            sql += " AND instr(sample.name, ?) > 0"
            arguments += [NameForm.nfc(name)]
        }
        for filter in query.metadata {
            sql += " AND sample.id IN (SELECT sample_id FROM sample_metadata WHERE meta_key = ? AND meta_value = ?)"
            arguments += [NameForm.nfc(filter.key), NameForm.nfc(filter.value)]
        }
        let statuses = Array(Set(query.labelStatuses.map(\.rawValue))).sorted()
        if !statuses.isEmpty {
            let marks = databaseQuestionMarks(count: statuses.count)
            if let labelset, !labelset.isGroundTruth {
                // A sample without a label in the labelset counts as UNLABELED.
                sql += """
                     AND COALESCE((SELECT label.label_status FROM label WHERE label.sample_id = sample.id
                     AND label.labelset_id = ?), 'UNLABELED') IN (\(marks))
                    """
                arguments += [labelset.id]
            } else {
                sql += " AND sample.gt_label_status IN (\(marks))"
            }
            arguments += StatementArguments(statuses)
        }
        let direction = query.direction == .descending ? "DESC" : "ASC"
        sql += " ORDER BY \(sortColumn(query.sort)) \(direction), sample.uuid \(direction) LIMIT ? OFFSET ?"
        arguments += [window.limit, window.offset]
        return (sql, arguments)
    }

    /// True when a name or metadata filter holds a NUL, which nothing stored can match.
    static func filtersOnNUL(_ query: SampleQuery) -> Bool {
        (query.name?.unicodeScalars.contains("\0") ?? false)
            || query.metadata.contains { $0.key.unicodeScalars.contains("\0") || $0.value.unicodeScalars.contains("\0") }
    }

    static func sortColumn(_ sort: SampleSort) -> String {
        switch sort {
        case .name: "sample.name"
        case .createdAt: "sample.created_at"
        case .priority: "sample.priority"
        case .groundTruthLabelUpdatedAt: "sample.gt_label_updated_at"
        case .updatedAt: "sample.updated_at"
        }
    }

    /// The labels of these samples in one labelset, by sample id.
    static func labels(_ db: Database, sampleIDs: [Int64], labelsetID: Int64) throws -> [Int64: LabelRow] {
        guard !sampleIDs.isEmpty else { return [:] }
        let rows = try LabelRow.filter { $0.labelsetID == labelsetID && sampleIDs.contains($0.sampleID) }.fetchAll(db)
        return Dictionary(rows.map { ($0.sampleID, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
