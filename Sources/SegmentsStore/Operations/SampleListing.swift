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

    /// Below this many samples holding a metadata value (in the whole workspace), a metadata
    /// filter drives the query: its samples are fetched through `sample_metadata_lookup` and
    /// sorted. From this many on, the sort's index is walked and each sample's value looked up
    /// (`sample_metadata`'s primary key), which finds a page long before the end.
    static let metadataDriveLimit = 5_000

    /// The page's SQL, written for the indexes of Schema.swift so that at a million samples
    /// no filter or sort reads the dataset's rows one by one (SampleListingPlanTests):
    /// - no status: the sort's index `(dataset_id, sort column, uuid)`;
    /// - ground-truth statuses: one arm per status on `(dataset_id, gt_label_status, sort
    ///   column, uuid)`, several arms merged in order by SQLite (a UNION ALL under the ORDER BY
    ///   reads each arm from its index, as a merge sort would);
    /// - metadata: a selective value drives, a common one is checked row by row (see
    ///   `metadataDriveLimit`); a name is looked for in every row (`instr`, no index can help).
    ///
    /// A page in the second half of a list whose length the stored counts give (no name or
    /// metadata filter, statuses of the ground truth) is read from the other end, reversed:
    /// the last page of a million samples (`G`) then reads one page of index entries, not a
    /// million. The order is total (ties broken by uuid, names unique), so the reversed read
    /// is exactly the same rows.
    static func plan(
        _ db: Database, datasetID: Int64, query: SampleQuery, labelset: LabelsetRow?, window: PageWindow,
        selection: Selection
    ) throws -> Plan {
        let statuses = Array(Set(query.labelStatuses.map(\.rawValue))).sorted()
        let groundTruthStatuses = labelset.map(\.isGroundTruth) ?? true
        let metadata = query.metadata.map { (key: NameForm.nfc($0.key), value: NameForm.nfc($0.value)) }
        let driver = try metadataDriver(db, metadata)

        // One arm: the whole SELECT for one ground-truth status (or for all of the filter).
        func arm(status: String?) -> (String, StatementArguments) {
            var sql = "SELECT "
            var arguments: StatementArguments = []
            switch (selection, labelset) {
            case (.rows, _): sql += "sample.*"
            case (.page, .some): sql += "\(pageColumns), \(labelColumns)"
            case (.page, nil): sql += pageColumns
            }
            sql += ", \(sortColumn(query.sort)) AS sort_key, sample.uuid AS sort_uuid FROM "
            if driver != nil {
                // CROSS JOIN keeps this order: the filter's few samples first, then their rows.
                sql += "sample_metadata driver CROSS JOIN sample ON sample.id = driver.sample_id"
            } else {
                sql += "sample"
            }
            if selection == .page, let labelset {
                sql += " LEFT JOIN label ON label.sample_id = sample.id AND label.labelset_id = ?"
                arguments += [labelset.id]
            }
            sql += " WHERE sample.dataset_id = ?"
            arguments += [datasetID]
            if let driver {
                sql += " AND driver.meta_key = ? AND driver.meta_value = ?"
                arguments += [metadata[driver].key, metadata[driver].value]
            }
            // Names and metadata are stored in NFC (NameForm); so are the terms looked for.
            if let name = query.name, !name.isEmpty {
                sql += " AND instr(sample.name, ?) > 0"
                arguments += [NameForm.nfc(name)]
            }
            for (index, filter) in metadata.enumerated() where index != driver {
                sql += " AND EXISTS (SELECT 1 FROM sample_metadata WHERE sample_metadata.sample_id = sample.id"
                    + " AND sample_metadata.meta_key = ? AND sample_metadata.meta_value = ?)"
                arguments += [filter.key, filter.value]
            }
            if let status {
                sql += " AND sample.gt_label_status = ?"
                arguments += [status]
            } else if !statuses.isEmpty, let labelset, !groundTruthStatuses {
                // A sample without a label in the labelset counts as UNLABELED.
                sql += """
                     AND COALESCE((SELECT status.label_status FROM label status WHERE status.sample_id = sample.id
                     AND status.labelset_id = ?), 'UNLABELED') IN (\(databaseQuestionMarks(count: statuses.count)))
                    """
                arguments += [labelset.id]
                arguments += StatementArguments(statuses)
            }
            return (sql, arguments)
        }

        var sql = ""
        var arguments: StatementArguments = []
        for status in groundTruthStatuses && !statuses.isEmpty ? statuses.map(Optional.some) : [nil] {
            let (armSQL, armArguments) = arm(status: status)
            sql += (sql.isEmpty ? "" : " UNION ALL ") + armSQL
            arguments += armArguments
        }

        var descending = query.direction == .descending
        var limit = window.limit
        var offset = window.offset
        var reversed = false
        let countable = metadata.isEmpty && (query.name ?? "").isEmpty && (statuses.isEmpty || groundTruthStatuses)
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
        let direction = descending ? "DESC" : "ASC"
        // Names are unique in a dataset: the name order needs no tie-break.
        sql += " ORDER BY sort_key \(direction)" + (query.sort == .name ? "" : ", sort_uuid \(direction)")
        sql += " LIMIT ? OFFSET ?"
        arguments += [limit, offset]
        return Plan(sql: sql, arguments: arguments, reversed: reversed)
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

    /// The metadata filter to drive the query with: the one with the fewest samples, if it
    /// has fewer than `metadataDriveLimit` (counted no further than that, in the lookup index).
    static func metadataDriver(_ db: Database, _ filters: [(key: String, value: String)]) throws -> Int? {
        guard !filters.isEmpty else { return nil }
        let statement = try db.cachedStatement(
            sql: """
                SELECT COUNT(*) FROM (SELECT 1 FROM sample_metadata WHERE meta_key = ? AND meta_value = ? LIMIT ?)
                """)
        var best: (index: Int, count: Int)?
        for (index, filter) in filters.enumerated() {
            let count = try Int.fetchOne(statement, arguments: [filter.key, filter.value, metadataDriveLimit]) ?? 0
            if count < metadataDriveLimit, count < best?.count ?? Int.max { best = (index, count) }
        }
        return best?.index
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
