import GRDB
import SegmentsAPI

extension SegmentsStore {
    /// One page of a dataset's samples, filtered and sorted as reference 3.4 says.
    /// Ties are broken by uuid so that consecutive pages never overlap.
    public func getSamples(_ datasetIdentifier: String, query: SampleQuery) async throws -> [Sample] {
        let window = try SampleListing.window(for: query)
        return try await read { db in
            guard let (access, labelset, plan) = try samplePlan(db, datasetIdentifier, query: query, window: window,
                                                                 forPage: false)
            else { return [] }
            var rows = try window.check(SampleRow.fetchAll(db, sql: plan.sql, arguments: plan.arguments))
            if plan.reversed { rows.reverse() }
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

    /// The same page as `getSamples`, as the JSON array the server sends: one query for
    /// the samples and their labels, written straight to bytes with the stored JSON
    /// spliced in (`SamplePageWriter`). Equal, value for value, to encoding `getSamples`.
    public func getSamplesJSON(_ datasetIdentifier: String, query: SampleQuery) async throws -> [UInt8] {
        let window = try SampleListing.window(for: query)
        let baseURL = self.baseURL
        return try await read { db in
            guard let (access, labelset, plan) = try samplePlan(db, datasetIdentifier, query: query, window: window,
                                                                 forPage: true)
            else { return Array("[]".utf8) }
            var writer = SamplePageWriter(
                datasetFullName: access.row.fullName, labelset: labelset, taskType: access.row.taskType,
                includeFullLabel: query.includeFullLabel, baseURL: baseURL, expectedRows: window.limit)
            let rows = try Row.fetchCursor(db, sql: plan.sql, arguments: plan.arguments)
            while let row = try rows.next() { try writer.append(row) }
            try window.check(count: writer.rowCount)
            return writer.finish(reversed: plan.reversed)
        }
    }

    /// The dataset, labelset and SQL of a page; nil when nothing can match (a NUL in a filter).
    private func samplePlan(
        _ db: Database, _ datasetIdentifier: String, query: SampleQuery, window: PageWindow, forPage: Bool
    ) throws -> (DatasetAccess, LabelsetRow?, SampleListing.Plan)? {
        let access = try dataset(db, datasetIdentifier, for: .read)
        // SQLite would cut a bound text at a NUL (`a\0zzz` would find `a`); no stored text holds one.
        if SampleListing.filtersOnNUL(query) { return nil }
        // An unknown labelset is ignored, as the platform does: the samples come without labels.
        let labelset = try query.labelset.flatMap { try LabelsetRow.find(db, datasetID: access.row.id, name: $0) }
        let plan = try SampleListing.plan(
            db, datasetID: access.row.id, query: query, labelset: labelset, window: window,
            selection: forPage ? .page : .rows)
        return (access, labelset, plan)
    }
}

/// The SQL of a sample list. Only fixed fragments are concatenated; every value
/// the caller gave travels as a `?` argument. Raw SQL: each filter and sort is written
/// to hit one of the indexes in Schema.swift at a million samples, and reads here as that SQL.
enum SampleListing {
    /// What a plan reads: whole `SampleRow`s, or the columns of `SamplePageWriter`
    /// (with the labelset's label joined when there is a labelset).
    enum Selection { case rows, page }

    struct Plan {
        var sql: String
        var arguments: StatementArguments
        /// The rows come in the opposite order and are to be reversed (a page past the middle).
        var reversed: Bool
    }

    static func window(for query: SampleQuery) throws -> PageWindow {
        let window = try PageWindow(page: query.page, perPage: query.perPage)
        for status in query.labelStatuses { try Validate.known(status, what: "label status") }
        for filter in query.metadata where filter.key.isEmpty {
            throw SegmentsError.validation("Metadata filter \"\(filter)\" has an empty key.")
        }
        if query.includeFullLabel && query.labelset == nil {
            throw SegmentsError.validation("include_full_label needs a labelset.")
        }
        return window
    }

    /// The columns `SamplePageWriter` reads, in its order; the label's after the sample's.
    static let pageColumns = """
        sample.uuid, sample.name, sample.attributes, sample.metadata, sample.created_at, sample.created_by, \
        sample.updated_at, sample.readme, sample.assigned_labeler, sample.assigned_reviewer, sample.priority
        """
    static let labelColumns = """
        label.id, label.label_status, label.attributes, label.score, label.created_by, label.created_at, \
        label.updated_by, label.updated_at, label.reviewed_by, label.reviewed_at
        """

    /// The page's SQL. A page in the second half of a list whose length the stored counts
    /// give (no name or metadata filter, statuses of the ground truth) is read from the
    /// other end, reversed: the last page of a million samples (`G`) then reads 100 index
    /// entries, not a million. The order is total (ties broken by uuid, names unique), so
    /// the reversed read is exactly the same rows.
    static func plan(
        _ db: Database, datasetID: Int64, query: SampleQuery, labelset: LabelsetRow?, window: PageWindow,
        selection: Selection
    ) throws -> Plan {
        var sql: String
        var arguments: StatementArguments = []
        switch (selection, labelset) {
        case (.rows, _):
            sql = "SELECT sample.* FROM sample"
        case (.page, let labelset?):
            sql = "SELECT \(pageColumns), \(labelColumns) FROM sample LEFT JOIN label"
                + " ON label.sample_id = sample.id AND label.labelset_id = ?"
            arguments += [labelset.id]
        case (.page, nil):
            sql = "SELECT \(pageColumns) FROM sample"
        }
        sql += " WHERE sample.dataset_id = ?"
        arguments += [datasetID]
        // Names and metadata are stored in NFC (NameForm); so are the terms looked for.
        var countable = true
        if let name = query.name, !name.isEmpty {
            sql += " AND instr(sample.name, ?) > 0"
            arguments += [NameForm.nfc(name)]
            countable = false
        }
        for filter in query.metadata {
            sql += " AND sample.id IN (SELECT sample_id FROM sample_metadata WHERE meta_key = ? AND meta_value = ?)"
            arguments += [NameForm.nfc(filter.key), NameForm.nfc(filter.value)]
            countable = false
        }
        let statuses = Array(Set(query.labelStatuses.map(\.rawValue))).sorted()
        if !statuses.isEmpty {
            let marks = databaseQuestionMarks(count: statuses.count)
            if let labelset, !labelset.isGroundTruth {
                // A sample without a label in the labelset counts as UNLABELED.
                sql += """
                     AND COALESCE((SELECT status.label_status FROM label status WHERE status.sample_id = sample.id
                     AND status.labelset_id = ?), 'UNLABELED') IN (\(marks))
                    """
                arguments += [labelset.id]
                countable = false
            } else {
                sql += " AND sample.gt_label_status IN (\(marks))"
            }
            arguments += StatementArguments(statuses)
        }
        var descending = query.direction == .descending
        var limit = window.limit
        var offset = window.offset
        var reversed = false
        if countable, offset > 0 {
            let total = try SampleCounts.samples(db, datasetID: datasetID, statuses: statuses)
            if offset >= total {
                limit = 0
            } else if offset > total / 2 {
                reversed = true
                descending.toggle()
                limit = min(limit, total - offset)
                offset = max(0, total - window.offset - window.limit)
            }
        }
        sql += " ORDER BY \(orderBy(query.sort, descending: descending)) LIMIT ? OFFSET ?"
        arguments += [limit, offset]
        return Plan(sql: sql, arguments: arguments, reversed: reversed)
    }

    /// The sort column, then uuid to make the order total. Names are unique in a dataset,
    /// so the name order needs no tie-break, and the (dataset_id, name) index gives it whole.
    static func orderBy(_ sort: SampleSort, descending: Bool) -> String {
        let direction = descending ? "DESC" : "ASC"
        switch sort {
        case .name: return "sample.name \(direction)"
        case .createdAt: return "sample.created_at \(direction), sample.uuid \(direction)"
        case .priority: return "sample.priority \(direction), sample.uuid \(direction)"
        case .groundTruthLabelUpdatedAt: return "sample.gt_label_updated_at \(direction), sample.uuid \(direction)"
        case .updatedAt: return "sample.updated_at \(direction), sample.uuid \(direction)"
        }
    }

    /// True when a name or metadata filter holds a NUL, which nothing stored can match.
    static func filtersOnNUL(_ query: SampleQuery) -> Bool {
        (query.name?.unicodeScalars.contains("\0") ?? false)
            || query.metadata.contains { $0.key.unicodeScalars.contains("\0") || $0.value.unicodeScalars.contains("\0") }
    }

    /// The labels of these samples in one labelset, by sample id.
    static func labels(_ db: Database, sampleIDs: [Int64], labelsetID: Int64) throws -> [Int64: LabelRow] {
        guard !sampleIDs.isEmpty else { return [:] }
        let rows = try LabelRow.filter { $0.labelsetID == labelsetID && sampleIDs.contains($0.sampleID) }.fetchAll(db)
        return Dictionary(rows.map { ($0.sampleID, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
